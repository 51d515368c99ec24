"""Plan-wide settings (title, plan period, workshop stage, signatory) kept in ``mkdocs.yml`` → ``extra.rencana``."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from babel.dates import format_date


@dataclass(frozen=True)
class Plan:
    """The values a maintainer sets in one place; read by the hooks, the PDF cover and the checks."""

    title: str
    region: str
    start_year: int
    end_year: int
    stage: int
    status: str
    place: str
    signatory_title: str
    signatory_name: str
    signatory_verified: bool
    # The "Sumber:" lines under views drawn from data, as readers see them (the real source, never a
    # file name): ``program`` (programme tables and roadmap), ``tahapan`` (workshop stages), ``status``
    # (chapter status dashboard).
    sources: dict = field(default_factory=dict)

    @property
    def period(self) -> str:
        """The plan period with an en dash, e.g. ``2025–2034``."""
        return f"{self.start_year}–{self.end_year}"


def from_extra(extra: dict) -> Plan:
    """Build :class:`Plan` from the ``extra`` mapping of ``mkdocs.yml``.

    Raises ``KeyError`` naming the missing key when ``extra.rencana`` lacks a value.
    """
    plan = extra["rencana"]
    signer = plan["penandatangan"]
    return Plan(
        title=plan["judul"], region=plan["daerah"],
        start_year=int(plan["periode_mulai"]), end_year=int(plan["periode_selesai"]),
        stage=int(plan["tahap"]), status=str(plan["status"]), place=plan["tempat"],
        signatory_title=signer["jabatan"], signatory_name=signer["nama"],
        signatory_verified=bool(signer.get("terverifikasi", False)),
        sources=dict(plan.get("sumber") or {}),
    )


def build_date(repo: Path) -> dt.date:
    """The date printed on the cover: ``SOURCE_DATE_EPOCH`` if set, else the last commit's date, else today.

    Taking it from the commit makes two builds of the same commit print the same date.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    try:
        out = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=10, check=True).stdout.strip()
        if out:
            return dt.datetime.fromtimestamp(int(out), dt.timezone.utc).date()
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return dt.date.today()


def indonesian_date(day: dt.date) -> str:
    """Format ``day`` the Indonesian way, e.g. ``30 November 2026`` (CLDR ``id`` locale via Babel)."""
    return format_date(day, "d MMMM y", locale="id")
