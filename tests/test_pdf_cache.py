"""The PDF is rendered again only when something that goes into it changed: three real builds of a copy
of the plan, with a website-only change and then a chapter change in between."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_build

REUSED = "salinan tersimpan dipakai"
RENDERED = "PDF dibuat:"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("cache")
    for name in ("docs", "data", "overrides", "scripts"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_website_only_change_reuses_the_pdf_and_a_chapter_change_renders_it(project, tmp_path):
    first = run_build(project, tmp_path / "satu", pdf=True)
    assert first.returncode == 0, first.log
    assert RENDERED in first.log and (project / ".cache" / "pdf").is_dir()

    # The editors' guide is website-only (exclude_pages): the PDF does not change.
    _append(project / "docs/panduan/index.md", "\nCatatan tambahan untuk penyunting.\n")
    second = run_build(project, tmp_path / "dua", pdf=True)
    assert second.returncode == 0, second.log
    assert REUSED in second.log and RENDERED not in second.log
    assert (tmp_path / "dua/pdf").is_dir() and first.pdf.read_bytes() == second.pdf.read_bytes()
    assert "halaman)" in (tmp_path / "dua/index.html").read_text(encoding="utf-8")  # page count shown

    _append(project / "docs/bab-9-penutup.md", "\nKalimat tambahan pada bab penutup.\n")
    third = run_build(project, tmp_path / "tiga", pdf=True)
    assert third.returncode == 0, third.log
    assert RENDERED in third.log and REUSED not in third.log
    assert third.pdf.read_bytes() != first.pdf.read_bytes()
