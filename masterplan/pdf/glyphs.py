"""WeasyPrint's warning for a character no font has (it prints an empty box), made loud.

mkdocs-with-pdf sets the ``weasyprint`` logger to ERROR unless ``verbose`` (CATATAN-TEKNIS.md), so the
warning ".notdef glyph rendered for Unicode string unsupported by fonts" never reaches anyone and the
PDF is published with empty boxes. :func:`watch` lets exactly that warning through (every other warning
stays dropped, as the plugin wants) and collects the characters.
"""

from __future__ import annotations

import logging
import re

NOTDEF = re.compile(r"\.notdef glyph rendered for Unicode string unsupported by fonts: \"(.*)\" \((.*)\)")


class MissingGlyphs(logging.Filter):
    """Logger filter: passes WeasyPrint's missing-glyph warnings (noting the characters in :attr:`found`,
    e.g. ``{"🫠": "U+1FAE0"}``), drops its other warnings when the logger was quiet (ERROR), passes the
    rest."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] = {}
        self.quiet = True  # drop other warnings: the logger was at ERROR before (the plugin's default)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.WARNING:
            return True
        match = NOTDEF.search(record.getMessage())
        if match:
            self.found.setdefault(match.group(1), match.group(2))
        return bool(match) or not self.quiet

    def message(self) -> str:
        """Indonesian sentence naming the characters found; empty when none."""
        if not self.found:
            return ""
        listed = ", ".join(f"'{char}' ({code})" for char, code in self.found.items())
        return (f"karakter {listed} tidak ada di fon dokumen dan tercetak sebagai kotak kosong di PDF; "
                "jalankan scripts/validate.py untuk berkas dan barisnya (aturan KARAKTER-TANPA-FON)")


def watch(logger: logging.Logger | None = None) -> MissingGlyphs:
    """Install (once) a :class:`MissingGlyphs` filter first on ``logger`` (WeasyPrint's by default) and
    lower the logger to WARNING, so that the filter sees the warnings; returns the filter. Call it after
    mkdocs-with-pdf has set its level (the plugin's ``on_config``) and before rendering."""
    logger = logger or logging.getLogger("weasyprint")
    existing = next((f for f in logger.filters if isinstance(f, MissingGlyphs)), None)
    if existing is None:
        existing = MissingGlyphs()
        logger.filters.insert(0, existing)  # before the plugin's counter, which counts what passes
    existing.found.clear()
    existing.quiet = logger.level >= logging.ERROR
    if existing.quiet:
        logger.setLevel(logging.WARNING)
    return existing
