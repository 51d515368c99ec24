"""Card tables for phones (masterplan/views/table_cards.py): which tables become cards, and what each
cell is labelled with; and the scrolling box data tables are built in (masterplan/views/page_extras.py).
Each row: the page HTML, then the HTML it must become."""

from __future__ import annotations

import pytest

from masterplan.views.page_extras import boxed_tables
from masterplan.views.table_cards import label_tables

HEAD = "<thead><tr><th>Kode</th><th>Program</th></tr></thead>"
CARD_HEAD = ('<thead role="rowgroup"><tr role="row"><th role="columnheader">Kode</th>'
             '<th role="columnheader">Program</th></tr></thead>')

CASES = [
    # a plain two-column table: roles, the card mark and each body cell's header
    (f"<table>{HEAD}<tbody><tr><td>P1</td><td>SIPD</td></tr></tbody></table>",
     f'<table data-kartu="" role="table">{CARD_HEAD}<tbody role="rowgroup"><tr role="row">'
     '<td data-label="Kode" role="cell">P1</td><td data-label="Program" role="cell">SIPD</td></tr></tbody></table>'),
    # attributes already there are kept (alignment, the keyboard's tabindex); the header's text is its
    # text without markup and entities decoded, written back escaped
    ('<table tabindex="0"><thead><tr><th>Biaya &amp; <abbr title="Perangkat Daerah">OPD</abbr></th>'
     '<th style="text-align: right;">Tahun</th></tr></thead><tbody><tr><td>1</td>'
     '<td style="text-align: right;">2026</td><td>lebih</td></tr></tbody></table>',
     '<table data-kartu="" role="table" tabindex="0"><thead role="rowgroup"><tr role="row">'
     '<th role="columnheader">Biaya &amp; <abbr title="Perangkat Daerah">OPD</abbr></th>'
     '<th role="columnheader" style="text-align: right;">Tahun</th></tr></thead><tbody role="rowgroup">'
     '<tr role="row"><td data-label="Biaya &amp; OPD" role="cell">1</td>'
     '<td data-label="Tahun" role="cell" style="text-align: right;">2026</td><td role="cell">lebih</td></tr>'
     '</tbody></table>'),
    # one column fits a phone: unchanged
    ("<table><thead><tr><th>Nama</th></tr></thead><tbody><tr><td>Susut</td></tr></tbody></table>", None),
    # no header row, a class (theme layout), a spanning cell, a nested table: unchanged
    ("<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>", None),
    (f'<table class="highlighttable">{HEAD}<tbody><tr><td>1</td><td>2</td></tr></tbody></table>', None),
    (f'<table>{HEAD}<tbody><tr><td colspan="2">Jumlah</td></tr></tbody></table>', None),
    (f"<table>{HEAD}<tbody><tr><td><table><tr><td>x</td></tr></table></td><td>2</td></tr></tbody></table>",
     None),
    # the rest of the page stays byte for byte
    ("<p>Teks<br>tanpa tabel &amp; lain</p>", None),
]


@pytest.mark.parametrize(("page", "expected"), CASES)
def test_card_tables(page: str, expected: str | None) -> None:
    assert label_tables(page) == (page if expected is None else expected)


def test_only_the_tables_of_a_page_change() -> None:
    table = f"<table>{HEAD}<tbody><tr><td>P1</td><td>SIPD</td></tr></tbody></table>"
    before, after = "<h2 id='a'>Program</h2><p>Satu<br>dua</p>\n", "\n<p>Sumber: <em>data</em></p>"
    result = label_tables(before + table + after)
    assert result.startswith(before) and result.endswith(after)
    assert 'data-label="Program"' in result


BOX = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
BOXED = [
    # a data table: Material's box (as its script would build it), the class that makes the script skip
    # it, and a tab stop so that a keyboard can scroll the box
    ("<p>a</p><table><tr><td>1</td></tr></table><p>b</p>",
     f'<p>a</p>{BOX}<table class="tabel-data" tabindex="0"><tr><td>1</td></tr></table></div></div><p>b</p>'),
    # attributes kept, a tab stop already there not doubled, a ">" inside a quoted value
    ('<table tabindex="-1" title="a>b" data-kartu=""><tr><td>1</td></tr></table>',
     f'{BOX}<table class="tabel-data" tabindex="-1" title="a>b" data-kartu=""><tr><td>1</td></tr></table></div></div>'),
    # a table with a class (the theme's layout tables) is not a data table: unchanged
    ('<table class="highlighttable"><tr><td>1</td></tr></table>', None),
    # a data table inside a layout table, and one inside another data table: each in its own box
    ('<table class="x"><tr><td><table><tr><td>1</td></tr></table></td></tr></table>',
     f'<table class="x"><tr><td>{BOX}<table class="tabel-data" tabindex="0"><tr><td>1</td></tr></table>'
     '</div></div></td></tr></table>'),
    ("<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>",
     f'{BOX}<table class="tabel-data" tabindex="0"><tr><td>{BOX}<table class="tabel-data" tabindex="0"><tr>'
     '<td>1</td></tr></table></div></div></td></tr></table></div></div>'),
    ("<p>Teks tanpa tabel</p>", None),
]


@pytest.mark.parametrize(("page", "expected"), BOXED)
def test_boxed_tables(page: str, expected: str | None) -> None:
    assert boxed_tables(page) == (page if expected is None else expected)
