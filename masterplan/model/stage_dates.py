"""The four Bimtek workshop stages of ``data/tahapan.yml``, read here and nowhere else: what each stage
covers (for the home page's stages table, :class:`Stage` from :func:`load_stages`, which reports a broken
file as problems at their line) and each stage's document date (:func:`stage_date`).

The document date is the date of the workshop stage being published, not the day it was built.

The cover and the place-and-date line under the Kata Pengantar show the stage's date from
``data/tahapan.yml`` (``tanggal_dokumen`` of the stage set in ``mkdocs.yml`` → ``extra.rencana.tahap``).
The build date is shown apart, as the day the file was made, so that a reader is never told the draft
is from the day of the build. A stage's draft may be updated after its workshop: ``edisi`` in
``data/tahapan.yml`` (``pemutakhiran``) then says that the date is that of the update.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from masterplan.model.problems import Problem, help_reference
from masterplan.model.rules import message
from masterplan.model.settings import STAGES
from masterplan.model.sources import YamlSource, read_yaml
from masterplan.model.yaml_schema import key_node, where

STAGES_FILE = "data/tahapan.yml"
DATA, DATES = "TAHAPAN-DATA", "TAHAPAN-TANGGAL"  # a stage's content; its document date
_YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass(frozen=True)
class Stage:
    """One Bimtek workshop stage: ``number`` 1–4, when it took place, its topics and its output."""

    number: int
    when: str
    topics: str
    output: str


def read(root: Path) -> YamlSource:
    """``root/data/tahapan.yml`` as read by the tolerant reader (its ``problems`` name a file that cannot
    be read or is not YAML, as YAML-SALAH or BERKAS-TAK-TERBACA). Never raises."""
    return read_yaml(root / STAGES_FILE, STAGES_FILE)


def load_stages(root: Path) -> tuple[tuple[Stage, ...], list[Problem]]:
    """The four stages of ``root/data/tahapan.yml`` in order, and the problems found (then no stages).
    Never raises: bad encoding, bad YAML or a stage without ``waktu``/``pokok``/``keluaran`` are problems
    (rule TAHAPAN-DATA) at their line."""
    def problem(line: int, text: str, **values: object) -> Problem:
        return Problem(STAGES_FILE, line, 0, DATA, f"{message(DATA, text, **values)} {help_reference(DATA)}")

    source = read(root)
    if source.problems:
        return (), source.problems
    data = source.data if isinstance(source.data, dict) else {}
    stages, problems = [], []
    for number, entry in data.items():
        fields = [entry.get(key) if isinstance(entry, dict) else None for key in ("waktu", "pokok", "keluaran")]
        if not isinstance(number, int) or None in fields:
            problems.append(problem(source.line_of(number), "tahap_tidak_lengkap", tahap=number))
            continue
        stages.append(Stage(number, *(str(value) for value in fields)))
    if not problems and [s.number for s in stages] != list(STAGES):
        problems.append(problem(1, "urutan", tahap=", ".join(map(str, STAGES))))
    return (tuple(stages), []) if not problems else ((), problems)


@dataclass(frozen=True)
class StageDate:
    """``text`` as printed (``Juni 2024``, ``2024``), its calendar ``year``, and ``edition``: what the
    date marks when it is not the workshop itself (``pemutakhiran``: the draft as updated to that date;
    empty when the date is the stage's own)."""

    text: str
    year: int
    edition: str = ""

    def label(self, stage_roman: str, final: bool, draft: str = "Draf") -> str:
        """The edition as the cover and the colophon name it: ``Draf Tahap II, pemutakhiran Desember
        2026`` (or ``Draf Tahap I, Juni 2024``; ``Tahap IV, September 2024`` for a final document).
        ``draft="draf"`` words it inside a sentence (the prose's ``[[edisi]]``)."""
        when = f"{self.edition} {self.text}" if self.edition else self.text
        return f"{'' if final else draft + ' '}Tahap {stage_roman}, {when}"


def date_line(root: Path, stage: int) -> int:
    """The line in ``root/data/tahapan.yml`` where an editor fixes ``stage``'s document date: its
    ``tanggal_dokumen``, else the stage's own key (``3:``), else 1 when the stage is not in the file."""
    source = read(root)
    entry = source.data.get(stage) if isinstance(source.data, dict) else None
    if isinstance(entry, dict) and "tanggal_dokumen" in entry:
        return source.line_of(stage, "tanggal_dokumen")
    return where(key_node(source.node, str(stage)))[0]


def stage_date(root: Path, stage: int) -> StageDate:
    """The document date of workshop ``stage`` (1–4) from ``root/data/tahapan.yml``.

    Raises ``ValueError`` with a Bahasa Indonesia message naming the fix when the file cannot be read,
    the stage is missing, or its ``tanggal_dokumen`` has no four-digit year.
    """
    source = read(root)
    if source.problems:
        raise ValueError(source.problems[0].text())
    entry = source.data.get(stage) if isinstance(source.data, dict) else None  # a text or list: no stages
    try:
        text = str(entry["tanggal_dokumen"]).strip()
        edition = str(entry.get("edisi") or "").strip()
    except (KeyError, TypeError, AttributeError):
        raise ValueError(message(DATES, "tanpa_tanggal", tahap=stage)) from None
    match = _YEAR.search(text)
    if not match:
        raise ValueError(message(DATES, "tanpa_tahun", tahap=stage, tanggal=text))
    return StageDate(text, int(match.group(0)), edition)
