"""The document date: the date of the workshop stage being published, not the day it was built.

The cover and the place-and-date line under the Kata Pengantar show the stage's date from
``data/tahapan.yml`` (``tanggal_dokumen`` of the stage set in ``mkdocs.yml`` → ``extra.rencana.tahap``).
The build date is shown apart, as the day the file was made, so that a reader of a stage-II draft of
2024 is never told the draft is from the day of the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from masterplan.model.sources import read_yaml

STAGES_FILE = "data/tahapan.yml"
_YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass(frozen=True)
class StageDate:
    """``text`` as printed (``Juni 2024``, ``2024``), and its calendar ``year``."""

    text: str
    year: int


def stage_date(root: Path, stage: int) -> StageDate:
    """The document date of workshop ``stage`` (1–4) from ``root/data/tahapan.yml``.

    Raises ``ValueError`` with a Bahasa Indonesia message naming the fix when the file cannot be read,
    the stage is missing, or its ``tanggal_dokumen`` has no four-digit year.
    """
    source = read_yaml(root / STAGES_FILE, STAGES_FILE)
    if source.problems:
        raise ValueError(source.problems[0].text())
    try:
        text = str(source.data[stage]["tanggal_dokumen"]).strip()
    except (KeyError, TypeError):
        raise ValueError(f"Tahap {stage} belum memiliki 'tanggal_dokumen'. Tulis tanggal "
                         "dokumen tahap itu, mis. tanggal_dokumen: Juni 2024.") from None
    match = _YEAR.search(text)
    if not match:
        raise ValueError(f"Isian 'tanggal_dokumen' tahap {stage} ('{text}') tidak memuat tahun empat "
                         "angka, mis. Juni 2024.")
    return StageDate(text, int(match.group(0)))
