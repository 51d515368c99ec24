"""The "perlu verifikasi" marker: how editors flag a fact that still needs a source.

Editors write ``(perlu verifikasi)`` or ``(perlu verifikasi: alasan)`` right after a claim. The build
shows it as the same visible badge everywhere and lists every marker on one page, so nothing unsourced
can pass as fact (issue "A full, sourced draft", quality bar).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from masterplan.model.markdown_table import markup_cell, pipe_table

MARKER = re.compile(r"\(\s*perlu\s+verifikasi\s*(?::\s*(?P<reason>[^)]*?))?\s*\)", re.IGNORECASE)
# A Markdown link or inline code span: never cut in two when a context line is shortened
_ATOM = re.compile(r"\[[^\]]*\]\([^)\s]*\)|`[^`]*`")


@dataclass(frozen=True)
class Marker:
    """One marker: 1-based ``line`` in the page body, the ``reason`` (may be empty) and the ``context``
    (the line's text with markers removed, for the list of open verifications)."""

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
        context = " ".join(re.sub(r"\s*" + MARKER.pattern, "", line, flags=re.IGNORECASE).split()).strip(" |-*")
        for match in matches:
            found.append(Marker(number, (match.group("reason") or "").strip(), context))
    return found


def shorten(markdown: str, limit: int) -> str:
    """``markdown`` (one line of a page) cut to about ``limit`` visible characters at a word boundary,
    with "..." when cut, for a list that shows it on another page. A web link counts as its text and is
    never cut in two (a half link shows as raw Markdown; a printed worksheet needs the whole address); a
    link to a page of the plan becomes its text (its relative address would be wrong elsewhere).
    Emphasis left open by the cut is closed."""
    pieces, position = [], 0
    for atom in _ATOM.finditer(markdown):
        pieces += [(word, len(word)) for word in markdown[position:atom.start()].split()]
        pieces.append(_atom(atom.group(0)))
        position = atom.end()
    pieces += [(word, len(word)) for word in markdown[position:].split()]
    out, shown = [], 0
    for text, width in pieces:
        if out and shown + width > limit:
            cut = " ".join(out)
            return cut + ("*" if cut.count("*") % 2 else "") + " ..."
        out.append(text)
        shown += width + 1
    return " ".join(out)


def _atom(piece: str) -> tuple[str, int]:
    """One link or code span as it is shown in a shortened line, and its visible width."""
    if piece.startswith("`"):
        return piece, len(piece) - 2
    label, target = piece[1:-1].split("](", 1)
    if not re.match(r"https?://", target):
        return label, len(label)
    return piece, len(label)


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
            context = shorten(marker.context, 160)
            rows.append([title, f"`{path}:{first_line + marker.line - 1}`", reason, context])
    if not rows:
        return "Tidak ada butir bertanda perlu verifikasi."
    return (f"Jumlah butir: **{len(rows)}**.\n\n"
            + pipe_table(["Halaman", "Berkas:baris", "Yang perlu diverifikasi", "Baris teks"], "llll", rows,
                         markup_cell) + "\n")
