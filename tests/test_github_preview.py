"""The pull request preview (scripts/preview.py, masterplan/publish/preview.py and its two workflows): the
changed chapters found and cut from the real PDF, the preview marked as such, the untrusted artifact read as
data only, and the two-workflow pattern that keeps pull request code away from the write token."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

from masterplan.publish import preview, preview_publish, push_auth

WORKFLOWS = ROOT / ".github" / "workflows"
SHA = "a" * 40


def _workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------------
# The two workflows
# ---------------------------------------------------------------------------------------------------

def test_the_build_runs_the_pull_requests_code_without_any_write_permission():
    workflow = _workflow("pratinjau-pr.yml")
    assert list(workflow[True]) == ["pull_request"]  # PyYAML reads `on` as True
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    runs = " ".join(step.get("run", "") for step in job["steps"])
    assert "scripts/build.sh" in runs and "scripts/preview.py prepare" in runs
    assert "secrets." not in (WORKFLOWS / "pratinjau-pr.yml").read_text(encoding="utf-8")


def test_the_publishing_workflow_never_checks_out_or_runs_pull_request_code():
    text = (WORKFLOWS / "pratinjau-terbitkan.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert list(workflow[True]) == ["workflow_run"]
    assert workflow[True]["workflow_run"]["workflows"] == [_workflow("pratinjau-pr.yml")["name"]]
    [job] = workflow["jobs"].values()
    assert "conclusion == 'success'" in job["if"] and "event == 'pull_request'" in job["if"]
    checkouts = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert [s["with"].get("ref") for s in checkouts] == [None, "gh-pages"]  # main's code, then the pages branch
    assert "head_sha" not in json.dumps([s["with"] for s in checkouts])
    assert "head_branch" not in text and "pull_request_target" not in text
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert runs == ["bash scripts/setup.sh requirements.txt",
                    '.venv/bin/python scripts/preview.py publish --artifact "$ARTIFACT" --gh-pages gh-pages']


# ---------------------------------------------------------------------------------------------------
# Step 1: prepare
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("source, url", [
    ("docs/index.md", ""), ("docs/bab-1-pendahuluan.md", "bab-1-pendahuluan/"),
    ("docs/bab-5/index.md", "bab-5/"), ("docs/bab-5/smart-living.md", "bab-5/smart-living/"),
])
def test_page_url(source, url):
    assert preview.page_url(source) == url


@pytest.mark.parametrize("title, pages", [
    ("Pendahuluan", (5, 9)), ("BAB II Gambaran Umum Daerah", (10, 10)), ("Daftar Istilah", (11, 14)),
    ("Aturan Pemeriksaan Naskah", (0, 0)),
])
def test_locate_pages_of_a_chapter(title, pages):
    bookmarks = [("Kata Pengantar", 3, 0), ("BAB I Pendahuluan", 5, 0), ("Latar Belakang", 6, 1),
                 ("BAB II Gambaran Umum Daerah", 10, 0), ("Daftar Istilah", 11, 0)]
    assert preview.locate(title, bookmarks, 14) == pages


def test_preview_pages_are_marked_and_not_indexed(tmp_path):
    page = tmp_path / "bab-1" / "index.html"
    page.parent.mkdir()
    page.write_text("<html><head><title>x</title></head><body class=\"a\"><p>Teks</p></body></html>")
    preview.mark_as_preview(tmp_path, 12)
    html = page.read_text()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert '<body class="a"><div class="pratinjau-pr"' in html and "PRATINJAU pull request #12" in html


def _git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def test_changed_chapter_lands_on_its_pdf_pages(full_build, tmp_path):
    """The pull request's build (the shared full build) and a repository where one chapter changed:
    the preview names that chapter, its PDF pages, and cuts them into a PDF and images."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "docs", repo / "docs")
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "kosong")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "awal")
    chapter = repo / "docs" / "bab-9-penutup.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nKalimat baru.\n", encoding="utf-8")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "ubah BAB IX")
    out = tmp_path / "pratinjau"
    manifest = preview.prepare(repo, full_build.site, full_build.pdf, "HEAD~1", 42, SHA, out)
    [changed] = manifest["chapters"]
    assert changed["source"] == "docs/bab-9-penutup.md" and changed["url"] == "bab-9-penutup/"
    assert 0 < changed["first_page"] <= changed["last_page"]
    from pypdf import PdfReader
    pdf = PdfReader(full_build.pdf)
    first_text = pdf.pages[changed["first_page"] - 1].extract_text()
    # the chapter starts on its first page; the part opener sets its title in capitals (CSS text-transform)
    assert "penutup" in first_text.casefold()
    cut = PdfReader(out / preview.PAGES_DIR / "halaman-berubah.pdf")
    assert len(cut.pages) == changed["last_page"] - changed["first_page"] + 1 == len(manifest["images"])
    assert all((out / preview.PAGES_DIR / name).stat().st_size > 1000 for name in manifest["images"])
    assert "PRATINJAU pull request #42" in (out / "situs" / "bab-9-penutup" / "index.html").read_text()
    summary = (out / "ringkasan.md").read_text(encoding="utf-8")
    assert "`docs/bab-9-penutup.md`" in summary and f"(halaman PDF {changed['first_page']}–" in summary
    assert changed["printed"] and changed["printed"][0].isdigit()  # the number printed on the page


def test_the_command_writes_the_job_summary(full_build, tmp_path):
    """scripts/preview.py prepare as the workflow runs it, in the repository itself (no chapter changed
    against HEAD: the summary says so)."""
    step_summary = tmp_path / "summary.md"
    env = {"PATH": "/usr/bin:/bin", "PR_NUMBER": "3", "PR_BASE_SHA": "HEAD", "PR_HEAD_SHA": SHA,
           "GITHUB_STEP_SUMMARY": str(step_summary)}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "preview.py"), "prepare", "--site",
                             str(full_build.site), "--out", str(tmp_path / "pratinjau")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Pratinjau pull request #3" in step_summary.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------------
# Step 2: publish reads the artifact as untrusted data
# ---------------------------------------------------------------------------------------------------

def _artifact(tmp_path, **changes) -> object:
    data = {"pull_request": 7, "sha": SHA, "images": ["halaman-012.png", "../../x.png"],
            "chapters": [{"source": "docs/bab-9-penutup.md", "url": "bab-9-penutup/", "title": "Penutup",
                          "first_page": 12, "last_page": 13, "printed": "viii–ix"}]}
    data.update(changes)
    (tmp_path / preview.MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("changes", [
    {"pull_request": "7; rm -rf /"}, {"pull_request": 0}, {"sha": "b" * 40}, {"sha": "HEAD"},
    {"chapters": [{"source": "docs/../../.github/x.md", "url": "x/", "title": "x", "first_page": 0,
                   "last_page": 0}]},
    {"chapters": [{"source": "docs/a.md", "url": "../../etc/", "title": "x", "first_page": 0, "last_page": 0}]},
])
def test_a_forged_manifest_is_refused(tmp_path, changes):
    with pytest.raises(ValueError):
        preview_publish.read_manifest(_artifact(tmp_path, **changes), SHA)


def test_comment_for_a_branch_and_for_a_fork(tmp_path):
    manifest = preview_publish.read_manifest(_artifact(tmp_path), SHA)
    assert manifest["images"] == ["halaman-012.png"]  # an odd file name is dropped
    branch = preview_publish.comment(manifest, "https://smartcity.banglikab.go.id/pratinjau/pr-7/", "https://run")
    assert preview_publish.COMMENT_MARK in branch
    assert "[Penutup](https://smartcity.banglikab.go.id/pratinjau/pr-7/bab-9-penutup/)" in branch
    assert "halaman viii–ix (halaman PDF 12–13)" in branch and "pr-7/halaman-pdf/halaman-012.png" in branch
    forged = preview_publish.read_manifest(_artifact(tmp_path, chapters=[dict(source="docs/a.md", url="a/", title="A",
                                                                   first_page=3, last_page=3, printed="<b>1</b>")]), SHA)
    assert forged["chapters"][0].printed == ""
    fork = preview_publish.comment(manifest, None, "https://github.com/o/r/actions/runs/1")
    assert "https://github.com/o/r/actions/runs/1" in fork and "fork" in fork and "pratinjau/pr-7" not in fork


def test_deploy_and_push_a_preview_to_gh_pages(tmp_path):
    """The files of a branch pull request's preview reach pratinjau/pr-7/ on gh-pages (a local bare
    repository stands in for GitHub); a link planted in the artifact is not followed; a second run
    replaces the first."""
    origin, pages = tmp_path / "origin.git", tmp_path / "gh-pages"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "gh-pages", str(origin)], check=True)
    subprocess.run(["git", "clone", "-q", str(origin), str(pages)], check=True, capture_output=True)
    _git(pages, "checkout", "-q", "-b", "gh-pages")
    (pages / "versions.json").write_text("[]")
    _git(pages, "add", "-A")
    _git(pages, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "mike")
    (tmp_path / "artefak").mkdir()
    artifact = _artifact(tmp_path / "artefak")
    (artifact / "situs" / "bab-9-penutup").mkdir(parents=True)
    (artifact / "situs" / "bab-9-penutup" / "index.html").write_text("<p>Penutup</p>")
    (artifact / "situs" / "rahasia").symlink_to("/etc/hostname")
    (artifact / preview.PAGES_DIR).mkdir()
    (artifact / preview.PAGES_DIR / "halaman-012.png").write_bytes(b"png")
    target = preview_publish.deploy(artifact, pages, 7)
    preview_publish.commit_and_push(pages, "Pratinjau pull request #7")
    listing = subprocess.run(["git", "-C", str(origin), "ls-tree", "-r", "--name-only", "gh-pages"],
                             capture_output=True, text=True, check=True).stdout.split()
    assert listing == ["pratinjau/pr-7/bab-9-penutup/index.html", "pratinjau/pr-7/halaman-pdf/halaman-012.png",
                       "versions.json"]
    assert not (target / "rahasia").exists()
    (artifact / "situs" / "bab-9-penutup" / "index.html").unlink()
    (artifact / "situs" / "index.html").write_text("<p>Beranda</p>")
    preview_publish.deploy(artifact, pages, 7)
    assert sorted(p.name for p in target.rglob("*.html")) == ["index.html"]


@pytest.mark.parametrize("token", [None, "rahasia-123"])
def test_the_token_reaches_only_the_push_environment_as_a_header(monkeypatch, token):
    """push_env: without GITHUB_TOKEN the environment is unchanged (a rehearsal pushes with the user's own
    credentials); with it, git gets one extra header carrying the token, and the given environment is not
    modified in place."""
    if token is None:
        monkeypatch.delenv(push_auth.TOKEN, raising=False)
    else:
        monkeypatch.setenv(push_auth.TOKEN, token)
    env = {"PATH": "/usr/bin"}
    pushed = push_auth.push_env(env)
    assert env == {"PATH": "/usr/bin"}
    if token is None:
        assert pushed == env
        return
    header = pushed["GIT_CONFIG_VALUE_0"].removeprefix("AUTHORIZATION: basic ")
    assert base64.b64decode(header).decode() == f"x-access-token:{token}"
    assert pushed["GIT_CONFIG_KEY_0"] == "http.https://github.com/.extraheader" and pushed["GIT_CONFIG_COUNT"] == "1"


def test_a_change_in_the_programme_data_previews_the_pages_that_draw_it(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "docs", repo / "docs")
    shutil.copytree(ROOT / "data", repo / "data")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "awal")
    data = repo / "data" / "program.yml"
    data.write_text(data.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "ubah data")
    pages = preview.changed_sources(repo, "HEAD~1")
    assert "docs/bab-6-program.md" in pages and "docs/bab-5/smart-governance.md" in pages
    assert "docs/bab-2-gambaran-umum.md" not in pages  # draws nothing from the data
