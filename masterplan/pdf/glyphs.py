"""WeasyPrint's warning for a character no font has: the PDF would print an empty box (CATATAN-TEKNIS.md
C20). The writer collects WeasyPrint's warnings (:func:`masterplan.pdf.output.listening`); these name the
characters, and the build fails with them instead of publishing boxes.
"""

from __future__ import annotations

import re

from masterplan.model.rules import message as rule_message

NOTDEF = re.compile(r"\.notdef glyph rendered for Unicode string unsupported by fonts: \"(.*)\" \((.*)\)")


def missing(warnings: list[str]) -> dict[str, str]:
    """The characters WeasyPrint drew as empty boxes, from its ``warnings``: ``{"🫠": "U+1FAE0"}``."""
    found: dict[str, str] = {}
    for warning in warnings:
        match = NOTDEF.search(warning)
        if match:
            found.setdefault(match.group(1), match.group(2))
    return found


def message(found: dict[str, str]) -> str:
    """Indonesian sentence naming the characters ``found`` (from :func:`missing`); empty when none."""
    if not found:
        return ""
    listed = ", ".join(f"'{char}' ({code})" for char, code in found.items())
    return rule_message("KARAKTER-TANPA-FON", "di_pdf", daftar=listed)
