"""Log records of MkDocs that are advice, not faults, turned into INFO lines so that ``strict: true``
(mkdocs.yml) does not abort a preview for them."""

from __future__ import annotations

import logging

DIRTY = "A 'dirty' build is being performed"


class DirtyNotice(logging.Filter):
    """``mkdocs serve --dirty`` (rebuild only the pages that changed, about three times faster per edit)
    always logs a WARNING that navigation may be stale; under ``strict: true`` that WARNING alone
    aborts the preview at start. This filter, added for dirty previews only, turns exactly that record
    into INFO, in Bahasa Indonesia; every other record passes unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith(DIRTY):
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.msg, record.args = ("Pratinjau --dirty: hanya halaman yang berubah dibangun ulang; navigasi "
                                       "dan nomor bab di halaman lain dapat tertinggal sampai pembangunan penuh."), ()
        return True
