"""Repository furniture: CODEOWNERS generated from the chapters, issue forms, templates, CONTRIBUTING.md,
and the publishing settings kept in one place."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, mkdocs_config, nav_files
from masterplan.publish import codeowners
from masterplan.model import documents, stages

GITHUB = ROOT / ".github"


def test_codeowners_is_up_to_date_with_the_chapters_front_matter(capsys):
    """Fails when a chapter's `opd:` changed or a page was added: run `.venv/bin/python scripts/codeowners.py`."""
    assert codeowners.main(["--check", "--repo", str(ROOT)]) == 0, capsys.readouterr().out


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
    assert codeowners.main(["--check", "--repo", str(tmp_path)]) == 1
    assert "[CODEOWNERS-USANG]" in capsys.readouterr().out
    assert codeowners.main(["--repo", str(tmp_path)]) == 0
    assert "/docs/bab.md  @pemkab-bangli/opd-dlh" in (tmp_path / ".github" / "CODEOWNERS").read_text()
    assert codeowners.main(["--check", "--repo", str(tmp_path)]) == 0


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
    assert config["extra"]["version"] == {"provider": "mike",
                                          "default": [stages.LATEST_ALIAS, stages.DRAFT_VERSION]}
    mike = next(p["mike"] for p in config["plugins"] if isinstance(p, dict) and "mike" in p)
    assert mike["canonical_version"] == stages.LATEST_ALIAS and mike["version_selector"] is False
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
