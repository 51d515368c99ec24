"""Rencana aksi per office and year (BAB VI): activity, output and target of every programme, grouped by
the office carrying it out, after a jump list with one link per office.

The table runs to some 150 rows, about 110 screens on a 360-px phone; the jump list (``nav.lompat-opd``,
site only: the PDF stylesheet hides it, the PDF has its own table of contents) leads to each office's
bold row, which carries the anchor ``aksi-opd-<office key>``.
"""

from __future__ import annotations

from html import escape

from masterplan.model.logic_types import PlanLogic
from masterplan.views.logic_tables import table
from masterplan.views.upkeep import OPERATION_LABEL

ANCHOR = "aksi-opd-{key}"  # the id of an office's bold row; office keys (data/opd.yml) are slugs


def _jump_list(counts: dict[str, tuple[str, int]]) -> str:
    """The ``<nav>`` of links to each office's rows: ``counts`` maps an office key to its short name and
    number of rows, in table order."""
    items = "\n".join(f'<li><a href="#{ANCHOR.format(key=key)}">{escape(short)} '
                      f'<span class="lompat-opd__jumlah">({rows} baris)</span></a></li>'
                      for key, (short, rows) in counts.items())
    return (f'<nav class="lompat-opd" aria-label="Lompat ke OPD pelaksana">\n'
            f'<p class="lompat-opd__judul">Lompat ke OPD pelaksana:</p>\n<ul>\n{items}\n</ul>\n</nav>\n\n')


def action_plan(logic: PlanLogic) -> str:
    """Markdown of Tabel "Rencana aksi per OPD dan tahun": every programme's rencana aksi grouped by office
    (in the order of data/opd.yml), then by year, each office opened by a bold row with its anchor; the
    jump list to those rows comes first."""
    catalogue = logic.catalogue
    rows, counts = [], {}
    for key, office in catalogue.offices.items():
        entries = sorted(((action.start, p.code, p.name, action) for p in catalogue.programmes
                          for action in logic.links[p.code].actions if action.office == key),
                         key=lambda entry: entry[:2])
        if entries:
            # attr_list gives the bold name its anchor (cells are text: HTML in them is escaped)
            # The short name goes with the row for the PDF's "(lanjutan)" line (masterplan.pdf.tables).
            rows.append([f'**{office.name}**{{#{ANCHOR.format(key=key)} data-singkatan="{office.short}"}}', "", "", ""])
            counts[key] = (office.short, len(entries))
        # The programme's name with its code: on a phone each row is a card titled by this cell alone
        for _, code, name, action in entries:
            stage = f" ({OPERATION_LABEL})" if action.operation else ""
            rows.append([f"{action.label} {code} {name}{stage}", action.activity, action.output, action.target])
    return _jump_list(counts) + table(
        ["Tahun dan program", "Kegiatan", "Keluaran", "Target"], "llll", rows, "Rencana aksi per OPD dan tahun",
        f"baris tebal menandai OPD pelaksana; baris bertanda \"{OPERATION_LABEL}\" menjalankan dan memelihara "
        "hasil program setelah tahun selesainya; kegiatan tahunan dirinci OPD dalam Renja; target adalah usulan")
