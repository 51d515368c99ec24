"""Heading numbers written into the Markdown: ATX and setext headings alike (once a setext heading
took a number slot and stayed unnumbered, giving 1.1, -, 1.3)."""

from __future__ import annotations

import markdown
import pytest

from masterplan.model.numbering import PageNumbers
from masterplan.views.headings import number_headings

CHAPTER = PageNumbers("BAB I", True, "1", 1, 2, "1")


def _h2_texts(source: str) -> list[str]:
    html = markdown.markdown(number_headings(source, CHAPTER), extensions=["attr_list", "toc"])
    return [line.split(">", 1)[1].split("<", 1)[0] for line in html.splitlines() if line.startswith("<h2")]


@pytest.mark.parametrize("second", ["## Dua", "Dua\n---", "Dua\n-------  ", "  Dua\n  ---"])
def test_every_heading_style_gets_its_number(second):
    source = f"# Pendahuluan\n\nTeks.\n\n## Satu\n\nA.\n\n{second}\n\nB.\n\n## Tiga\n\nC.\n"
    assert _h2_texts(source) == ["1.1 Satu", "1.2 Dua", "1.3 Tiga"]


def test_setext_heading_keeps_its_anchor_and_the_line_count():
    source = "# Judul\n\nDua {#khusus}\n---\n\nTeks.\n"
    numbered = number_headings(source, CHAPTER)
    assert numbered.count("\n") == source.count("\n")
    assert 'id="khusus"' in markdown.markdown(numbered, extensions=["attr_list", "toc"])


def test_a_thematic_break_after_a_paragraph_gap_is_not_a_heading():
    source = "# Judul\n\n## Satu\n\nParagraf.\n\n---\n\nLain.\n"
    assert number_headings(source, CHAPTER).count("---") == 1


def test_headings_kept_under_the_text_without_leading_blank_lines(tmp_path):
    """MkDocs strips the blank lines after the front matter from a page's Markdown: the numbering finds
    the headings the checks computed for the file's body, each on its own line of either text."""
    from masterplan.model import documents
    from masterplan.model.result_cache import ResultCache

    page = "# Judul\n\nTeks.\n\nDua\n---\n\n## Tiga\n"
    expected = [(1, "Judul", 1), (2, "Dua", 5), (2, "Tiga", 8)]
    memo = ResultCache(tmp_path, "v1")
    documents.remember_in(memo)
    try:
        for blank in (3, 0, 1):  # computed once, under the stripped text, then shifted for each body
            found = documents.parse("\n" * blank + page).headings
            assert [(h.level, h.text, h.line) for h in found] == [(lv, t, ln + blank) for lv, t, ln in expected]
        front = documents.parse("---\ntitle: A\n---\n\n\n" + page).headings  # body starts on line 4
        assert [h.line for h in front] == [ln + 5 for _, _, ln in expected]
        assert len(memo._cache.answers) == 1  # one answer for all four bodies: the page's numbering reuses it
    finally:
        documents.remember_in(None)
    assert [(h.level, h.text, h.line) for h in documents.parse("\n\n" + page).headings] == \
        [(lv, t, ln + 2) for lv, t, ln in expected]
