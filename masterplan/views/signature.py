"""The draft notice and signature block of text written for the Bupati (Kata Pengantar).

Text for a real person's signature is always marked as a draft (developers' guide); the title and name
come from ``extra.rencana.penandatangan`` in ``mkdocs.yml``, never from the prose.
"""

from __future__ import annotations

import html

from masterplan.model.markers import badge
from masterplan.model.settings import Plan

DRAFT_NOTICE = (
    '!!! warning "Draf untuk ditandatangani"\n'
    "    Teks ini adalah rancangan yang disiapkan Tim Penyusun untuk ditinjau dan ditandatangani\n"
    "    {title}. Teks ini belum merupakan pernyataan resmi sebelum ditandatangani.\n\n"
)


def signature_markdown(markdown: str, plan: Plan, year: int) -> str:
    """Return ``markdown`` with the draft notice after its H1 and the signature block at the end.

    ``year`` is printed after the blank date (the day is filled in when the document is signed).
    """
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    notice = DRAFT_NOTICE.format(title=plan.signatory_title)
    name = html.escape(plan.signatory_name.upper())
    if not plan.signatory_verified:
        name += " " + badge("nama penanda tangan saat dokumen difinalkan")
    block = (
        '\n\n<div class="blok-tanda-tangan">\n'
        f'<p>{html.escape(plan.place)}, ........................ {year}</p>\n'
        f'<p class="jabatan">{html.escape(plan.signatory_title.upper())},</p>\n'
        '<div class="ruang-tanda-tangan" aria-hidden="true">&nbsp;</div>\n'
        f'<p class="nama">{name}</p>\n'
        "</div>\n"
    )
    return "\n".join(lines[:at]) + "\n\n" + notice + "\n".join(lines[at:]) + block
