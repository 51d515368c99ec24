"""Release tags of the plan: one per Bimtek workshop stage (``tahap-1`` … ``tahap-4``), then the adopted
plan (``final`` or ``v…``), and what each tag is called on the website, in the PDF name and in git order."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

PDF_STEM = "Masterplan-Smart-City-Bangli"  # the site's PDF is pdf/<PDF_STEM>.pdf (mkdocs.yml, masterplan-pdf)
LATEST_ALIAS = "terbaru"  # the newest released stage; also the site's default version
DRAFT_VERSION = "draf"  # the development version published from main

_TAHAP = re.compile(r"tahap-([1-4])")
_FINAL = re.compile(r"final")
_V = re.compile(r"v(\d+(?:\.\d+)*)")

TAG_RULE = "tahap-1 … tahap-4, final, atau v<nomor> (mis. v1.0)"


@dataclass(frozen=True, order=True)
class Stage:
    """A release tag. ``rank`` orders stages (tahap 1–4, then final, then v-versions by number), so the
    order never depends on commit dates. ``number`` is the workshop stage (1–4) or ``None`` for the
    adopted plan."""

    rank: tuple
    tag: str
    number: int | None

    @property
    def label(self) -> str:
        """How readers see the stage: ``Tahap 2``, ``Final``, ``v1.0``."""
        if self.number is not None:
            return f"Tahap {self.number}"
        return "Final" if self.tag == "final" else self.tag

    @property
    def pdf_name(self) -> str:
        """The release asset's file name, e.g. ``Masterplan-Smart-City-Bangli-Tahap-2.pdf``."""
        return f"{PDF_STEM}-{self.label.replace(' ', '-')}.pdf"

    @property
    def zip_name(self) -> str:
        """The zipped offline site, e.g. ``Masterplan-Smart-City-Bangli-Tahap-2-situs.zip``."""
        return f"{PDF_STEM}-{self.label.replace(' ', '-')}-situs.zip"


def parse(tag: str) -> Stage | None:
    """The :class:`Stage` of a release tag, or ``None`` when ``tag`` is not one (see :data:`TAG_RULE`)."""
    if match := _TAHAP.fullmatch(tag):
        return Stage((0, int(match[1])), tag, int(match[1]))
    if _FINAL.fullmatch(tag):
        return Stage((1,), tag, None)
    if match := _V.fullmatch(tag):
        return Stage((2, *(int(part) for part in match[1].split("."))), tag, None)
    return None


def released(repo: Path) -> list[Stage]:
    """Every release tag in the git repository ``repo``, oldest stage first.

    Raises ``subprocess.CalledProcessError`` when ``repo`` is not a git repository.
    """
    out = subprocess.run(["git", "-C", str(repo), "tag", "--list"], capture_output=True, text=True,
                         check=True).stdout
    return sorted(stage for stage in map(parse, out.split()) if stage is not None)


def previous(stage: Stage, stages: list[Stage]) -> Stage | None:
    """The release just before ``stage`` in stage order, or ``None`` for the first one."""
    earlier = [s for s in stages if s < stage]
    return earlier[-1] if earlier else None
