"""Reading the built PDF back in tests (pypdf): its bookmark titles."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def outline_titles(path: Path) -> list[str]:
    """All bookmark titles of the PDF at ``path``, depth-first in document order."""
    found: list[str] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append(item.title)

    walk(PdfReader(path).outline)
    return found
