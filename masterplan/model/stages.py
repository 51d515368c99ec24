"""Release tags of the plan: one per Bimtek workshop stage (``tahap-1`` … ``tahap-4``), then the adopted
plan (``final`` or ``v…``), and what each tag is called on the website, in the PDF name and in git order."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

PDF_STEM = "Masterplan-Smart-City-Bangli"  # start of every PDF file name (see pdf_file)
LATEST_ALIAS = "terbaru"  # the newest released stage; also the site's default version
DRAFT_VERSION = "draf"  # the development version published from main
DRAFT_TITLE = "Draf (belum dirilis)"  # the draft's name in the version selector
VERSION_VARIABLE = "MIKE_DOCS_VERSION"  # set by mike while it builds one version (mike.mkdocs_utils)

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


def building() -> str | None:
    """The version mike is building right now (``tahap-2``, ``draf``), or ``None`` for a plain
    ``mkdocs build`` (local preview, pull-request check)."""
    return os.environ.get(VERSION_VARIABLE) or None


def title(version: str | None) -> str | None:
    """How the version selector and the feedback links name ``version``: ``Tahap 2``,
    :data:`DRAFT_TITLE`, or ``None`` for an unversioned build or an unknown name."""
    if version == DRAFT_VERSION:
        return DRAFT_TITLE
    stage = parse(version or "")
    return stage.label if stage else None


def pdf_file(version: str | None) -> str:
    """The PDF's file name in the site of ``version``: the stage's release name
    (``Masterplan-Smart-City-Bangli-Tahap-2.pdf``), ``…-Draf.pdf`` for the draft, and the plain
    ``Masterplan-Smart-City-Bangli.pdf`` for an unversioned build. A downloaded copy thus says which
    stage it is; ``pdf/`` of every version forwards to it, and each release of the newest stage also
    keeps a copy at the stable address ``terbaru/pdf/`` + the plain name (``release.stable_pdf_path``)."""
    stage = parse(version or "")
    if stage is not None:
        return stage.pdf_name
    return f"{PDF_STEM}-Draf.pdf" if version == DRAFT_VERSION else f"{PDF_STEM}.pdf"


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
