"""Release rehearsal: a copy of the project in a fresh git repository is released as tahap-1, its draft
published from main, then released as tahap-2, with scripts/release.sh exactly as the workflows call it
(without --push). The gh-pages branch and the release files are then read back."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT, mkdocs_config
from masterplan.publish import release
from masterplan.model import stages

PDF = f"{stages.PDF_STEM}.pdf"
NEW_SECTION = "Bagian Gladi Rilis"
IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "output", ".pytest_cache", "__pycache__", "dist")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout.decode()


def blob(repo: Path, path: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), "show", f"gh-pages:{path}"], check=True,
                          capture_output=True).stdout


def set_stage(repo: Path, number: int) -> None:
    config = repo / "mkdocs.yml"
    text, count = re.subn(r"(?m)^(    tahap: )\d+$", rf"\g<1>{number}", config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text, encoding="utf-8")


def release_sh(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "scripts/release.sh", *args], cwd=repo, capture_output=True, text=True,
                          timeout=900)


@pytest.fixture(scope="module")
def rehearsal(tmp_path_factory):
    """The repository after releasing tahap-1, publishing the draft, and releasing tahap-2."""
    repo = tmp_path_factory.mktemp("gladi") / "repo"
    shutil.copytree(ROOT, repo, ignore=IGNORE, symlinks=True)
    (repo / ".venv").symlink_to(ROOT / ".venv")  # the same installed tools; setup.sh finds them ready
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Gladi")
    git(repo, "config", "user.email", "gladi@example.org")
    set_stage(repo, 1)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Tahap 1")
    git(repo, "tag", "tahap-1")
    logs = {"tahap-1": release_sh(repo, "tahap-1", "--keluaran", "dist-1")}
    chapter = repo / "docs" / "bab-2-gambaran-umum.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") +
                       f"\n## {NEW_SECTION}\n\nParagraf tambahan hasil Bimtek tahap 2 di Kabupaten Bangli.\n",
                       encoding="utf-8")
    git(repo, "commit", "-qam", "Isi baru")
    tahap1_tree = git(repo, "rev-parse", "gh-pages:tahap-1")
    logs["draf"] = release_sh(repo, "draf", "--tanpa-pdf")
    after_draft = git(repo, "rev-parse", "gh-pages:tahap-1"), git(repo, "rev-parse", "gh-pages:terbaru")
    set_stage(repo, 2)
    git(repo, "commit", "-qam", "Tahap 2")
    git(repo, "tag", "tahap-2")
    logs["tahap-2"] = release_sh(repo, "tahap-2", "--keluaran", "dist-2")
    return repo, logs, tahap1_tree, after_draft


def test_each_release_step_succeeds_and_pushes_nothing(rehearsal):
    repo, logs, _, _ = rehearsal
    for name, result in logs.items():
        assert result.returncode == 0, f"{name}:\n{result.stdout}\n{result.stderr}"
        assert "Traceback" not in result.stderr
    assert git(repo, "remote").strip() == ""
    assert "WARNING" not in logs["tahap-2"].stderr


def test_gh_pages_has_both_stages_the_alias_the_draft_and_the_root_redirect(rehearsal):
    repo = rehearsal[0]
    root = set(git(repo, "ls-tree", "--name-only", "gh-pages").split())
    assert root == {"tahap-1", "tahap-2", "terbaru", "draf", "index.html", "versions.json", "CNAME", ".nojekyll"}
    versions = {v["version"]: v for v in json.loads(blob(repo, "versions.json"))}
    assert versions["tahap-2"]["aliases"] == [stages.LATEST_ALIAS] and versions["tahap-2"]["title"] == "Tahap 2"
    assert versions["tahap-1"]["aliases"] == [] and versions["tahap-1"]["title"] == "Tahap 1"
    assert versions["draf"]["aliases"] == []
    assert git(repo, "rev-parse", "gh-pages:terbaru") == git(repo, "rev-parse", "gh-pages:tahap-2")
    redirect = blob(repo, "index.html").decode()
    assert 'url=terbaru/' in redirect and 'window.location.replace' in redirect


def test_cname_comes_from_site_url(rehearsal):
    assert blob(rehearsal[0], "CNAME").decode() == urlparse(mkdocs_config()["site_url"]).hostname + "\n"


def test_draft_does_not_touch_released_stages(rehearsal):
    repo, _, tahap1_before, (tahap1_after_draft, latest_after_draft) = rehearsal
    assert tahap1_after_draft == tahap1_before == git(repo, "rev-parse", "gh-pages:tahap-1")
    assert latest_after_draft == tahap1_before  # the alias still pointed at tahap-1 after the draft
    draft = BeautifulSoup(blob(repo, "draf/bab-2-gambaran-umum/index.html"), "html.parser")
    assert NEW_SECTION in draft.get_text()


def outdated(version: dict) -> bool:
    """Material's rule (bundle.js): a version is outdated unless a default matches its name or alias."""
    defaults = mkdocs_config()["extra"]["version"]["default"]
    return not any(re.search(d, name, re.I) for d in defaults for name in [version["version"], *version["aliases"]])


def test_banner_on_the_older_stage_only(rehearsal):
    repo = rehearsal[0]
    versions = {v["version"]: v for v in json.loads(blob(repo, "versions.json"))}
    assert [name for name, v in versions.items() if outdated(v)] == ["tahap-1"]
    for page in ("tahap-1/index.html", "tahap-1/bab-5/smart-living/index.html"):
        soup = BeautifulSoup(blob(repo, page), "html.parser")
        banner = soup.select_one('[data-md-component="outdated"]')
        assert "Anda melihat versi tahap sebelumnya" in banner.get_text()
        target = Path("/", "tahap-1", page.removeprefix("tahap-1/")).parent / banner.a["href"]
        assert target.resolve() == Path("/terbaru")


def bookmarks(outline) -> list[str]:
    return [title for item in outline
            for title in (bookmarks(item) if isinstance(item, list) else [item.title])]


def test_each_stage_has_its_own_pdf(rehearsal):
    repo = rehearsal[0]
    found = {}
    for version in ("tahap-1", "tahap-2"):
        reader = PdfReader(io.BytesIO(blob(repo, f"{version}/pdf/{PDF}")))
        found[version] = reader.pages[0].extract_text(), bookmarks(reader.outline)
    assert "Tahap 1" in found["tahap-1"][0] and "Tahap 2" in found["tahap-2"][0]  # the cover
    assert not any(NEW_SECTION in t for t in found["tahap-1"][1])
    assert any(NEW_SECTION in t for t in found["tahap-2"][1])


def test_release_files_are_the_stage_pdf_the_site_zip_and_the_notes(rehearsal):
    repo = rehearsal[0]
    for number, dist in ((1, "dist-1"), (2, "dist-2")):
        names = {p.name for p in (repo / dist).iterdir()}
        assert names == {f"{stages.PDF_STEM}-Tahap-{number}.pdf", f"{stages.PDF_STEM}-Tahap-{number}-situs.zip",
                         release.NOTES}
    assert (repo / "dist-2" / f"{stages.PDF_STEM}-Tahap-2.pdf").read_bytes() == blob(repo, f"tahap-2/pdf/{PDF}")
    notes = (repo / "dist-2" / release.NOTES).read_text(encoding="utf-8")
    assert "## Tahap 1 → Tahap 2" in notes and f"| {NEW_SECTION} | ditambahkan |" in notes
    assert "Rilis pertama" in (repo / "dist-1" / release.NOTES).read_text(encoding="utf-8")


def test_history_page_of_the_new_stage_shows_the_change(rehearsal):
    soup = BeautifulSoup(blob(rehearsal[0], "tahap-2/panduan/riwayat-perubahan/index.html"), "html.parser")
    text = soup.select_one("article").get_text(" ")
    assert "Tahap 1 → Tahap 2" in text and NEW_SECTION in text


def test_site_zip_opens_from_disk_with_relative_links(rehearsal, tmp_path):
    repo = rehearsal[0]
    with zipfile.ZipFile(repo / "dist-2" / f"{stages.PDF_STEM}-Tahap-2-situs.zip") as archive:
        archive.extractall(tmp_path)
    top = tmp_path / f"{stages.PDF_STEM}-Tahap-2-situs"
    assert (top / "index.html").is_file() and (top / "pdf" / PDF).is_file()
    assert (top / "search" / "search_index.js").is_file(), "offline search index"
    # 404.html is served by a web server for missing addresses; its links are absolute by design.
    pages = sorted(p for p in top.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 20
    broken = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for banner in soup.select('[data-md-component="outdated"]'):  # needs the versioned server
            banner.decompose()
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, **{attribute: True}):
                url = urlparse(element[attribute])
                if url.scheme or url.netloc or not url.path:
                    continue
                target = (page.parent / unquote(url.path)).resolve()
                if url.path.startswith("/") or not target.is_file() or top not in target.parents:
                    broken.append(f"{page.relative_to(top)}: {element[attribute]}")
    assert broken == []


@pytest.mark.parametrize("tag, stage_in_config, status, message", [
    ("tahap-2", 2, "draf", None),
    ("tahap-3", 2, "draf", "Tag tahap-3 tidak cocok dengan mkdocs.yml (extra.rencana.tahap: 2)"),
    ("final", 4, "draf", "masih 'draf'"),
    ("final", 4, "final", None),
])
def test_tag_must_match_the_stage_in_mkdocs_yml(tmp_path, tag, stage_in_config, status, message):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["rencana"].update(tahap=stage_in_config, status=status)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    if message is None:
        release.check_settings(tmp_path, stages.parse(tag))
    else:
        with pytest.raises(release.ReleaseError, match=re.escape(message)):
            release.check_settings(tmp_path, stages.parse(tag))


@pytest.mark.parametrize("args, message", [
    (["tahap-9"], "'tahap-9' bukan tag rilis"),
    (["tahap-1"], "Tag tahap-1 tidak ada di repositori ini"),
])
def test_release_refuses_with_a_message_in_indonesian(tmp_path, args, message):
    git(tmp_path, "init", "-q")
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "scripts" / "release.py"), *args],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
