"""Repository furniture: CODEOWNERS generated from the chapters, issue forms, templates, CONTRIBUTING.md,
and the publishing settings kept in one place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from conftest import ROOT, mkdocs_config, nav_files
from masterplan.cli import codeowners as codeowners_command
from masterplan.publish import codeowners
from masterplan.model import documents, stages
from masterplan.publish import release, root_pages, versions
from masterplan.views import feedback

GITHUB = ROOT / ".github"


def test_codeowners_is_up_to_date_with_the_chapters_front_matter():
    """Fails when a chapter's `opd:` changed or a page was added: run `.venv/bin/python scripts/codeowners.py`.
    The check as the pull request runs it: the script as a command (the other tests call its ``main``)."""
    result = subprocess.run([sys.executable, "scripts/codeowners.py", "--check"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0 and result.stderr == "", result.stdout + result.stderr
    assert result.stdout == "Tidak ada masalah ditemukan.\n"


def test_codeowners_gives_every_chapter_to_its_office_and_the_machinery_to_the_maintainers():
    mapping = yaml.safe_load((GITHUB / "tim-opd.yml").read_text(encoding="utf-8"))
    lines = dict(line.split() for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#"))
    for md in nav_files():
        office = documents.load(ROOT / "docs" / md).meta["opd"]
        assert lines[f"/docs/{md}"] == mapping["tim"][office]
    for path in ("/.github/", "/scripts/", "/mkdocs.yml"):
        assert lines[path] == mapping["pengelola"]


@pytest.mark.parametrize("front_matter, rule", [
    ("title: X\nopd: bappeda\n", None),
    ("title: X\nopd: tidak-ada\n", "OPD-TANPA-TIM"),
    ("title: X\n", "OPD-WAJIB"),
    ("\ufefftitle: X\r\nopd:\u00a0bappeda\r\n", "OPD-WAJIB"),  # Word paste: NBSP makes `opd` a plain string
])
def test_codeowners_reports_offices_without_team(tmp_path, front_matter, rule):
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "tim-opd.yml").write_text((GITHUB / "tim-opd.yml").read_text(encoding="utf-8"))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bab.md").write_text(f"---\n{front_matter}---\n\n# X\n", encoding="utf-8")
    problems = codeowners.render(tmp_path)[1]
    assert [p.rule for p in problems] == ([rule] if rule else [])
    assert all(p.path == "docs/bab.md" and p.message for p in problems)


def test_codeowners_check_fails_on_a_stale_file(tmp_path, capsys):
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "tim-opd.yml").write_text((GITHUB / "tim-opd.yml").read_text(encoding="utf-8"))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bab.md").write_text("---\ntitle: X\nopd: dlh\n---\n\n# X\n", encoding="utf-8")
    assert codeowners_command.main(["--check", "--repo", str(tmp_path)]) == 1
    assert "[CODEOWNERS-USANG]" in capsys.readouterr().out
    assert codeowners_command.main(["--repo", str(tmp_path)]) == 0
    assert "/docs/bab.md  @pemkab-bangli/opd-dlh" in (tmp_path / ".github" / "CODEOWNERS").read_text()
    assert codeowners_command.main(["--check", "--repo", str(tmp_path)]) == 0


def test_chapter_dropdown_lists_every_plan_page_in_nav_order():
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "usulan-perubahan-bab.yml").read_text(encoding="utf-8"))
    dropdown = next(item for item in form["body"] if item.get("id") == "bab")
    expected = [f"{documents.load(ROOT / 'docs' / md).meta['title']} (docs/{md})"
                for md in nav_files() if md != "index.md" and not md.startswith("panduan/")]
    assert dropdown["attributes"]["options"][:-1] == expected
    assert dropdown["validations"]["required"] is True


def test_blank_issues_are_off():
    assert yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "config.yml").read_text())["blank_issues_enabled"] is False


def test_pull_request_template_has_the_publication_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for part in ("## Bab yang diubah", "## Apa yang diubah dan mengapa", "## Yang perlu diperhatikan peninjau",
                 "## Layak dipublikasikan", "data pribadi", "belum diputuskan", "sumber"):
        assert part in text


def test_dependabot_watches_pip_and_actions():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "github-actions"}


def test_contributing_covers_editing_red_checks_review_and_releases():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in ("## Menyunting satu bab di editor web", "## Membaca pemeriksaan merah dan memperbaikinya",
                    "## Alur tinjauan", "## Merilis satu tahap"):
        assert heading in text
    for name in ("Hasil pemeriksaan", "tahap-2", "extra.rencana", "CODEOWNERS"):
        assert name in text


def test_domain_is_set_once_and_version_aliases_match_the_release_script():
    config = mkdocs_config()
    host = config["site_url"].split("/")[2]
    assert config["extra"]["version"] == {"provider": "mike", "alias": True,
                                          "default": [stages.LATEST_ALIAS, stages.DRAFT_VERSION]}
    # mike is not a plugin of ordinary builds: `mike deploy` adds it with its defaults (version_selector on,
    # which Material's selector and banner need; no canonical_version, which would point every version, the
    # draft too, at one alias that may not exist yet) and the options release.py passes.
    assert not any(p == "mike" or isinstance(p, dict) and "mike" in p for p in config["plugins"])
    assert release.ALIAS_TYPE == "copy" and (ROOT / release.REDIRECT_TEMPLATE).is_file()
    settings = [p for pattern in ("*.yml", "*.html", "CNAME") for p in ROOT.glob(pattern)]
    settings += [p for folder in (GITHUB, ROOT / "docs", ROOT / "overrides")
                 for pattern in ("*.yml", "*.html", "CNAME") for p in folder.rglob(pattern)]
    assert not any(p.name == "CNAME" for p in settings), "CNAME is generated from site_url, never committed"
    assert [p.relative_to(ROOT).as_posix() for p in settings
            if host in p.read_text(encoding="utf-8")] == ["mkdocs.yml"]


@pytest.mark.parametrize("tag, label, pdf", [
    ("tahap-1", "Tahap 1", "Masterplan-Smart-City-Bangli-Tahap-1.pdf"),
    ("tahap-4", "Tahap 4", "Masterplan-Smart-City-Bangli-Tahap-4.pdf"),
    ("final", "Final", "Masterplan-Smart-City-Bangli-Final.pdf"),
    ("v1.0", "v1.0", "Masterplan-Smart-City-Bangli-v1.0.pdf"),
    ("tahap-5", None, None), ("tahap-2a", None, None), ("Tahap-2", None, None), ("draf", None, None),
])
def test_release_tags(tag, label, pdf):
    stage = stages.parse(tag)
    if label is None:
        assert stage is None
    else:
        assert (stage.label, stage.pdf_name) == (label, pdf)


def test_stage_order_does_not_depend_on_dates():
    tags = ["v1.1", "final", "tahap-2", "v1.0", "tahap-1", "v1.10"]
    assert [s.tag for s in sorted(map(stages.parse, tags))] == ["tahap-1", "tahap-2", "final", "v1.0", "v1.1", "v1.10"]


@pytest.mark.parametrize("version, title, pdf", [
    ("tahap-2", "Tahap 2", "Masterplan-Smart-City-Bangli-Tahap-2.pdf"),
    ("final", "Final", "Masterplan-Smart-City-Bangli-Final.pdf"),
    ("draf", "Draf (belum dirilis)", "Masterplan-Smart-City-Bangli-Draf.pdf"),
    (None, None, "Masterplan-Smart-City-Bangli.pdf"),  # a plain build: preview, pull-request check
    ("cabang-uji", None, "Masterplan-Smart-City-Bangli.pdf"),
])
def test_each_published_version_names_itself_and_its_pdf(version, title, pdf):
    assert stages.title(version) == title
    assert stages.pdf_file(version) == pdf
    assert versions.pdf_path("pdf/Masterplan-Smart-City-Bangli.pdf", version) == f"pdf/{pdf}"


@pytest.mark.parametrize("version, title_end, read", [
    ("Tahap 1", " (Tahap 1)", "Tahap 1, https://contoh.go.id/tahap-1/bab-1/"),
    (None, "Pendahuluan", "https://contoh.go.id/tahap-1/bab-1/"),
])
def test_feedback_links_name_the_version_and_page_read(version, title_end, read):
    reading = feedback.Reading(version, "https://contoh.go.id/tahap-1/bab-1/")
    form = feedback.read_form(ROOT)
    issue = parse_qs(urlparse(feedback.issue_url("https://github.com/a/b", form, "Pendahuluan",
                                                 "bab-1-pendahuluan.md", reading)).query)
    assert issue["title"][0].endswith(title_end) and issue[feedback.READ_FIELD] == [read]
    mail = parse_qs(urlparse(feedback.mailto("a@contoh.go.id", "Pendahuluan", reading)).query)
    assert mail["subject"][0].endswith(title_end)
    assert f"Versi: {version or 'tidak disebut'}\nHalaman: https://contoh.go.id/tahap-1/bab-1/" in mail["body"][0]


def test_issue_form_has_the_field_the_feedback_links_fill():
    form = yaml.safe_load((ROOT / feedback.FORM).read_text(encoding="utf-8"))
    assert feedback.READ_FIELD in [item.get("id") for item in form["body"]]


@pytest.mark.parametrize("edit_uri, version, expected", [
    ("edit/main/docs/", "tahap-1", "blob/tahap-1/docs/"),  # a released stage: its text at its tag
    ("edit/main/docs/", "final", "blob/final/docs/"),
    ("blob/main/docs", "tahap-2", "blob/tahap-2/docs/"),
    ("edit/main/docs/", "draf", "edit/main/docs/"),  # the draft and a plain build: main
    ("edit/main/docs/", None, "edit/main/docs/"),
    ("docs/", "tahap-1", "docs/"),  # a form we do not know stays as it is
    (None, "tahap-1", None),
])
def test_source_buttons_of_a_released_stage_show_its_tag(edit_uri, version, expected):
    assert versions.source_uri(edit_uri, version) == expected


@pytest.mark.parametrize("site_url, version, expected", [
    ("https://contoh.go.id/tahap-2", "tahap-2", "https://contoh.go.id/terbaru/"),  # as mike's plugin leaves it
    ("https://contoh.go.id/tahap-2/", "tahap-2", "https://contoh.go.id/terbaru/"),
    ("https://a.github.io/rencana/draf/", "draf", "https://a.github.io/rencana/terbaru/"),
    ("https://contoh.go.id/", None, "https://contoh.go.id/terbaru/"),  # unversioned: the site root
    ("https://contoh.go.id/tahap-22/", "tahap-2", "https://contoh.go.id/tahap-22/terbaru/"),  # a folder only
    (None, "tahap-2", None),
])
def test_offline_copy_points_at_the_stable_newest_address_not_its_own_stage(site_url, version, expected):
    assert versions.latest_url(site_url, version) == expected


@pytest.mark.parametrize("site_url, root", [("https://contoh.go.id/", "/"), ("https://a.github.io/rencana", "/rencana/")])
def test_root_404_page_is_the_default_versions_own_with_the_script_that_knows_the_site_root(site_url, root):
    themed = '<html lang="id"><head><title>Halaman tidak ditemukan</title></head><body><h1>x</h1></body></html>'
    html = root_pages.not_found_page(ROOT, site_url, "draf", themed)
    assert html.startswith('<html lang="id"><head><title>Halaman tidak ditemukan</title>')
    assert '<meta name="robots" content="noindex">\n</head>' in html and html.endswith("</script>\n</body></html>")
    assert f'var root = "{root}", fallback = "draf"' in html
    assert "http" not in html.split("<body>")[1].replace(site_url, "")  # nothing loaded from any host
    # Built inside tahap-2 and copied to the alias: its links are moved to the alias, which stays newest.
    built = themed.replace("<h1>x</h1>", f'<a href="{root}tahap-2/bab-1/">x</a><a href="{root}tahap-1/">y</a>')
    moved = root_pages.not_found_page(ROOT, site_url, "terbaru", built, "tahap-2")
    assert f'href="{root}terbaru/bab-1/"' in moved and f'href="{root}tahap-1/"' in moved and "tahap-2" not in moved
    with pytest.raises(ValueError, match="draf/404.html bukan halaman HTML"):
        root_pages.not_found_page(ROOT, site_url, "draf", "404 Not Found")
