"""The "perlu verifikasi" marker: how editors flag a fact that still needs a source.

Editors write ``(perlu verifikasi)`` or ``(perlu verifikasi: alasan)`` right after a claim. The build
shows it as the same visible badge everywhere and lists every marker on one page, so nothing unsourced
can pass as fact (issue "A full, sourced draft", quality bar).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

MARKER = re.compile(r"\(\s*perlu\s+verifikasi\s*(?::\s*(?P<reason>[^)]*?))?\s*\)", re.IGNORECASE)


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
        context = " ".join(MARKER.sub("", line).split()).strip(" |-*")
        for match in matches:
            found.append(Marker(number, (match.group("reason") or "").strip(), context))
    return found
