"""The "perlu verifikasi" marker: how editors flag a fact that still needs a source.

Editors write ``(perlu verifikasi)`` or ``(perlu verifikasi: alasan)`` right after a claim. The build
shows it as the same visible badge everywhere and lists every marker on one page, so nothing unsourced
can pass as fact: public government text never states a number without a source or this visible marker.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from masterplan.model.markdown_table import markup_cell, pipe_table

MARKER = re.compile(r"\(\s*perlu\s+verifikasi\s*(?::\s*(?P<reason>[^)]*?))?\s*\)", re.IGNORECASE)
# In a quoted line a Markdown link reads as its text, and a web address as its host: a whole address is
# one unbreakable word wider than a table column (Tabel F.2 and the editors' list at 1280 px), and a quote
# cut short must not leave half of a link's syntax on the page.
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
_ADDRESS = re.compile(r"https?://([^/\s)\],;]+)(?:/[^\s)\]]*[^\s)\].,;:!?])?/?")


@dataclass(frozen=True)
class Marker:
    """One marker: 1-based ``line`` in the page body, the ``reason`` (may be empty) and the ``context``
    (the line's text with markers removed, links as their text and web addresses as their host, for the
    list of open verifications)."""

    line: int
    reason: str
    context: str


def badge(reason: str | None) -> str:
    """Return the inline HTML badge for one marker (text escaped)."""
    text = "perlu verifikasi" + (f": {reason.strip()}" if reason and reason.strip() else "")
    return f'<span class="perlu-verifikasi">{html.escape(text)}</span>'


def render(markdown: str) -> str:
    """Replace every marker in ``markdown`` with its badge."""
    return MARKER.sub(lambda match: badge(match.group("reason")), markdown)


def find(markdown: str) -> list[Marker]:
    """List the markers of ``markdown`` in order, with line numbers counted from 1."""
    found = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        matches = list(MARKER.finditer(line))
        if not matches:
            continue
        # Readable on paper (Lampiran F quotes it): a link as its text, an address as its host, no space
        # left before the punctuation that followed a marker, a table row's cells joined by semicolons.
        text = _ADDRESS.sub(r"\1", _LINK.sub(r"\1", MARKER.sub("", line)))
        text = re.sub(r"\s+([.,;:])", r"\1", text).strip(" |-*")
        context = " ".join(re.sub(r"\s*(?<!\\)\|\s*", "; ", text).split())
        for match in matches:
            found.append(Marker(number, (match.group("reason") or "").strip(), context))
    return found


def listing(pages: list[tuple[str, str, str, int]]) -> str:
    """Markdown listing every marker of the plan, for the editors' page of open verifications.

    ``pages`` is ``(title, source path shown to editors, page body Markdown, file line of the body's
    first line)`` in nav order; each marker becomes one row: page, ``path:line``, what needs checking
    and the line it stands in. Returns a short sentence instead of a table when nothing is marked.
    """
    rows = []
    for title, path, body, first_line in pages:
        for marker in find(body):
            reason = marker.reason or "(tanpa keterangan)"
            context = marker.context if len(marker.context) <= 160 else marker.context[:157] + "..."
            rows.append([title, f"`{path}:{first_line + marker.line - 1}`", reason, context])
    if not rows:
        return "Tidak ada butir bertanda perlu verifikasi."
    return (f"Jumlah butir: **{len(rows)}**.\n\n"
            + pipe_table(["Halaman", "Berkas:baris", "Yang perlu diverifikasi", "Baris teks"], "llll", rows,
                         markup_cell) + "\n")
