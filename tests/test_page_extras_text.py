"""The plain text of a paragraph for the page description (masterplan/views/page_extras.py) is what
BeautifulSoup's get_text(" ") gave before, on every lead paragraph of the plan and on awkward HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from masterplan.views import page_extras

FRAGMENTS = [
    "Teks <strong>tebal</strong> dan <em>miring</em>.",
    "<abbr title=\"Sistem Pemerintahan Berbasis Elektronik\">SPBE</abbr>&nbsp;dan&#160;TIK &amp; data",
    "<a href=\"#x\">tautan</a><code>&lt;kode&gt;</code>",
    "awal<!-- catatan -->akhir",
    "sebelum<script>var x = 1;</script>sesudah<style>p{}</style>!",
    "baris\nbaru <br/> lagi",
    "tanpa penutup <span>bagian",
    "&lt; serta a < b",
]
# One difference, on purpose: an unknown entity ("&xyz;", which Python-Markdown passes through) keeps its
# ";" here, as a browser shows it; BeautifulSoup dropped it.


def _bs4(fragment: str) -> str:
    return " ".join(BeautifulSoup(fragment, "html.parser").get_text(" ").split())


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_plain_text_is_what_beautifulsoup_gave(fragment):
    assert " ".join(page_extras.plain_text(fragment).split()) == _bs4(fragment)


def test_every_lead_paragraph_of_the_plan_gives_the_same_description():
    import markdown

    docs = Path(__file__).resolve().parents[1] / "docs"
    for page in sorted(docs.rglob("*.md")):
        body = page.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        html = markdown.markdown(body, extensions=["abbr", "attr_list", "tables", "md_in_html"])
        match = page_extras._FIRST_PARAGRAPH.search(html)
        if match:
            assert " ".join(page_extras.plain_text(match.group(1)).split()) == _bs4(match.group(1)), page
