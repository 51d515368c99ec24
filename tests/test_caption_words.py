"""The words of captions and source lines are set in one place each: the caption words in mkdocs.yml (the
caption extension's ``prefix``, "Tabel {}"), the source line's opening in rules.yml (``tabel.awal_sumber``,
"Sumber:"). Changed in a scratch copy, the site's caption numbering, the PDF's non-breaking spaces, the
proofreader and the generated views follow them."""

from __future__ import annotations

import shutil

import pytest

from masterplan.model import rules, site_config
from masterplan.model.numbering import PageNumbers
from masterplan.model.programmes import Catalogue
from masterplan.model.rule_texts import RULES_FILE
from masterplan.pdf import glue, proofreader
from masterplan.views import captions, logic_tables, programme_tables

pytestmark = pytest.mark.unit

NBSP = "\u00a0"
SCRATCH = """site_name: Uji
markdown_extensions:
  - pymdownx.blocks.caption:
      types:
        - caption
        - name: figure-caption
          prefix: "Gbr. {}"
        - name: table-caption
          prefix: "Tab. {}"
"""


@pytest.fixture()
def scratch(tmp_path):
    (tmp_path / site_config.CONFIG).write_text(SCRATCH, encoding="utf-8")
    return tmp_path


def test_the_plan_s_words_come_from_its_mkdocs_yml():
    assert sorted(site_config.caption_words()) == ["Gambar", "Tabel"]


@pytest.mark.parametrize("text", [None, "site_name: Uji\n", "site_name: [rusak\n",
                                  "markdown_extensions:\n  - pymdownx.blocks.caption:\n      types: [caption]\n"])
def test_without_the_setting_the_words_stay_tabel_and_gambar(tmp_path, text):
    if text is not None:
        (tmp_path / site_config.CONFIG).write_text(text, encoding="utf-8")
    assert site_config.caption_words(tmp_path) == site_config.DEFAULT_CAPTION_WORDS


def test_changed_caption_words_change_what_the_code_recognises(scratch):
    words = site_config.caption_words(scratch)
    assert words == ("Gbr.", "Tab.")
    # the site: an appendix's letter goes into the caption prefix the extension wrote
    html = '<span class="caption-prefix">Tab. 2</span> Luas'
    assert captions._prefix(words).sub(r"\g<1>B.\2</span>", html) == '<span class="caption-prefix">Tab. B.2</span> Luas'
    assert not captions._prefix(words).search('<span class="caption-prefix">Tabel 2</span>')
    # the PDF: the new words keep their number on the line, the old ones no longer do
    pattern = glue.combined(words)
    assert pattern.sub(glue._join, "lihat Tab. 2.1 dan Gbr. 6.1") == f"lihat Tab.{NBSP}2.1 dan Gbr.{NBSP}6.1"
    assert pattern.sub(glue._join, "lihat Tabel 2.1") == "lihat Tabel 2.1"
    assert pattern.sub(glue._join, "Tahun 2013") == f"Tahun{NBSP}2013"  # the other rules are kept
    # the proofreader: a page opening with a numbered caption
    assert proofreader.caption_line(words).match("Tab. 3.6 Matriks TOWS")
    assert not proofreader.caption_line(words).match("Tabel 3.6 Matriks TOWS")


def test_the_plan_s_patterns_are_the_ones_written_before():
    """The words read from mkdocs.yml give what the code used to spell out (the built site and PDF do not
    change)."""
    assert glue.combined().sub(glue._join, "Tabel 2.1, Gambar B.3") == f"Tabel{NBSP}2.1, Gambar{NBSP}B.3"
    assert proofreader.caption_line(site_config.caption_words()).match("Gambar 6.1 Peta jalan")
    assert proofreader.source_line(rules.source_opening()).pattern == r"^Sumber\s*:"


@pytest.fixture()
def opening(tmp_path, monkeypatch):
    """rules.yml copied with ``tabel.awal_sumber: "Asal:"``, read wherever the source line's word is asked for."""
    copy = tmp_path / "masterplan" / "model" / RULES_FILE.name
    copy.parent.mkdir(parents=True)
    shutil.copy(RULES_FILE, copy)
    text = copy.read_text(encoding="utf-8")
    assert 'awal_sumber: "Sumber:"' in text
    copy.write_text(text.replace('awal_sumber: "Sumber:"', 'awal_sumber: "Asal:"'), encoding="utf-8")
    scratch_rules = rules.load(copy)
    monkeypatch.setattr(rules, "load", lambda path=RULES_FILE: scratch_rules)
    captions._source_paragraph.cache_clear()
    yield "Asal:"
    captions._source_paragraph.cache_clear()


def test_a_changed_source_word_changes_the_views_and_what_is_recognised(opening):
    assert rules.source_opening() == opening
    catalogue = Catalogue((), {}, {}, 2025, 2034, (), source="Bappeda")
    assert programme_tables.source_line(catalogue, costs=False) == "Asal: Bappeda."
    assert "\nAsal: Analisis Tim Penyusun" in logic_tables.table(["A"], "l", [["x"]], "Judul")
    assert "Sumber" not in logic_tables.table(["A"], "l", [["x"]], "Judul")
    finished = captions.finish("<p><strong>Asal :</strong> BPS</p><p>Sumber: BPS</p>", PageNumbers(None))
    assert finished == '<p class="sumber"><strong>Asal:</strong> BPS</p><p>Sumber: BPS</p>'
    assert proofreader.source_line(opening).match("Asal : BPS, 2020")
    assert not proofreader.source_line(opening).match("Sumber: BPS, 2020")
