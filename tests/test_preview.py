"""The editors' preview (`mkdocs serve`): it reloads on data and template changes, and `--dirty` starts
despite `strict: true`."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.config import load_config

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
