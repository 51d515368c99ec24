"""The editors' preview (`mkdocs serve`): it reloads on data and template changes, `--dirty` starts
despite `strict: true`, and a `--dirty` preview shows a change to the data or a template on the pages
made from it, not only on the chapter whose Markdown changed."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.config import load_config

from masterplan.devtools import preview_latency
from masterplan.site import stale
from masterplan.site.notices import DIRTY, DirtyNotice


def test_preview_watches_data_and_templates():
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    watched = {Path(path).resolve() for path in config.watch}
    assert {ROOT / "data", ROOT / "overrides"} <= watched


@pytest.mark.parametrize(("level", "message", "kept_level"), [
    (logging.WARNING, DIRTY + ", this will likely lead to inaccurate navigation", logging.INFO),
    (logging.WARNING, "Doc file 'x.md' contains a link to 'y.md' which is not found", logging.WARNING),
    (logging.ERROR, DIRTY, logging.ERROR),
])
def test_only_the_dirty_advice_is_lowered(level, message, kept_level):
    record = logging.LogRecord("mkdocs.commands.build", level, __file__, 1, message, (), None)
    assert DirtyNotice().filter(record) is True
    assert record.levelno == kept_level


# (seconds each written page is older (+) or newer (-) than the newest shared input, pages removed)
STALE_CASES = [
    ([10, 10], 2),      # data or a template changed after both pages were written: both built again
    ([10, -10], 1),     # one page was written after the change already
    ([-10, -10], 0),    # nothing changed since: a chapter edit rebuilds that chapter alone (MkDocs' rule)
    ([None, 10], 1),    # a page not written yet is MkDocs' to build
]


@pytest.mark.parametrize(("ages", "removed"), STALE_CASES)
def test_pages_older_than_a_shared_input_are_built_again(tmp_path, ages, removed):
    shared = tmp_path / "data.yml"
    shared.write_text("a: 1\n", encoding="utf-8")
    changed = shared.stat().st_mtime
    pages = []
    for number, age in enumerate(ages):
        page = tmp_path / f"halaman-{number}.html"
        if age is not None:
            page.write_text("<p>lama</p>", encoding="utf-8")
            os.utime(page, (changed - age, changed - age))
        pages.append(page)
    assert stale.forget_stale_pages(pages, [shared, tmp_path / "hilang.yml"]) == removed
    assert sum(not page.exists() for page in pages) == removed + ages.count(None)


def test_without_shared_inputs_nothing_is_removed(tmp_path):
    page = tmp_path / "halaman.html"
    page.write_text("<p>lama</p>", encoding="utf-8")
    assert stale.forget_stale_pages([page], [tmp_path / "hilang.yml"]) == 0 and page.exists()


def test_shared_inputs_are_the_data_templates_settings_and_glossary():
    found = {path.relative_to(ROOT).as_posix() for path in stale.shared_inputs(ROOT, ROOT / "docs")}
    assert {"data/program.yml", "overrides/main.html", "mkdocs.yml", "docs/lampiran/daftar-istilah.md"} <= found
    assert {"data", "overrides/partials"} <= found  # a file removed from them changes the folder's time
    assert not any(name.startswith("docs/bab-") for name in found)


@pytest.mark.build
def test_dirty_preview_shows_a_programme_and_a_template_edit(tmp_path):
    """`mkdocs serve --dirty` (the README's preview) of a copy of the plan: a programme renamed in
    data/program.yml shows on BAB VI, and a changed template on a chapter, though neither page's
    Markdown changed."""
    project = tmp_path / "proyek"
    for name in ("docs", "data", "overrides", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    with preview_latency.preview(project, tmp_path / "pratinjau.log") as url:
        programme = project / "data" / "program.yml"
        old = "nama: Pengembangan Layanan Perizinan dan Nonperizinan Daring Terpadu"
        text = programme.read_text(encoding="utf-8")
        assert text.count(old) == 1
        programme.write_text(text.replace(old, "nama: Layanan Perizinan Uji Pratinjau"), encoding="utf-8")
        preview_latency.wait_for(url.replace("bab-1-pendahuluan", "bab-6-program"), "Layanan Perizinan Uji Pratinjau", 90)
        template = project / "overrides" / "partials" / "info-halaman.html"
        template.write_text(template.read_text(encoding="utf-8").replace("Pembaruan terakhir:", "Diperbarui pada:"),
                            encoding="utf-8")
        preview_latency.wait_for(url, "Diperbarui pada:", 90)
