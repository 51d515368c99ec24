"""What the PDF says about itself: title, author, subject, keywords, date and PDF variant.

Kept free of WeasyPrint so that the settings are checked in every build, also when the PDF is off.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from babel.dates import get_month_names

from masterplan.model import settings, site_config
from masterplan.model.problems import Problem, help_reference
from masterplan.model.rules import message
from masterplan.model.stage_dates import StageDate, stage_date

# Supported by WeasyPrint 70; "pdf/ua-1" is tagged and accessible, the PDF/A ones are for archiving.
VARIANTS = ("pdf/ua-1", "pdf/ua-2", "pdf/a-2a", "pdf/a-3a", "pdf/a-2u", "pdf/a-3u", "pdf/a-2b", "pdf/a-3b")
VARIANT_SETTING = "pdf_varian"  # under ``extra`` in mkdocs.yml
VARIANT_ENV = "PDF_VARIANT"  # overrides the setting for one build


@dataclass(frozen=True)
class Metadata:
    """Values written into the PDF.

    ``created`` is the W3C date (``2024-06``, ``2024``) of the workshop stage the document is from, as on
    its cover, never the day of the build; ``variant`` is one of :data:`VARIANTS`.
    """

    title: str
    author: str
    subject: str
    keywords: str
    created: str
    variant: str


def variant(extra: dict) -> str:
    """The PDF variant chosen by the environment variable :data:`VARIANT_ENV` or ``extra.pdf_varian``
    (default ``pdf/ua-1``). Raises ``ValueError`` with an Indonesian message naming the choices when the
    value is not one of :data:`VARIANTS`."""
    chosen = os.environ.get(VARIANT_ENV) or extra.get(VARIANT_SETTING, VARIANTS[0])
    if chosen not in VARIANTS:
        raise ValueError(f"{settings.CONFIG}: {_refused(chosen)}")
    return chosen


def _refused(chosen: str) -> str:
    """PENGATURAN-RENCANA's message for the variant ``chosen``, naming where it was set and the choices."""
    where = (message(settings.RULE, "variabel_lingkungan", nama=VARIANT_ENV) if os.environ.get(VARIANT_ENV)
             else f"'extra.{VARIANT_SETTING}'")
    expected = message(settings.RULE, "isi_pdf_varian", pilihan=", ".join(VARIANTS), bawaan=VARIANTS[0])
    return message(settings.RULE, "tidak_sah", letak=where, nilai=chosen, harapan=expected)


def variant_problems(extra: dict, root: Path) -> list[Problem]:
    """The problem (``PENGATURAN-RENCANA``, at the line of ``extra.pdf_varian`` in ``root/mkdocs.yml``, or
    naming the environment variable) when :func:`variant` would refuse the chosen variant; else ``[]``."""
    try:
        variant(extra)
        return []
    except ValueError:
        pass
    line = 1 if os.environ.get(VARIANT_ENV) else \
        site_config.source(root).line_of("extra", VARIANT_SETTING)
    chosen = os.environ.get(VARIANT_ENV) or extra.get(VARIANT_SETTING)
    return [Problem(settings.CONFIG, line, 0, settings.RULE, f"{_refused(chosen)} {help_reference(settings.RULE)}")]


def w3c_date(stage: StageDate) -> str:
    """``stage``'s date as precise as it is written: ``2024-06`` for "Juni 2024", ``2024`` for "2024"."""
    months = {name.casefold(): number for number, name in get_month_names("wide", locale="id").items()}
    month = next((months[word] for word in stage.text.casefold().split() if word in months), None)
    return f"{stage.year}-{month:02d}" if month else str(stage.year)


def from_config(config, root: Path) -> Metadata:
    """The metadata of the PDF built from the MkDocs ``config`` of the repository at ``root``.

    ``created`` is empty when the stage's date cannot be read (the plan's own build stops earlier, in the
    ``masterplan`` plugin, with the message). Raises ``ValueError`` (see :func:`variant`) and ``KeyError`` when
    ``extra.rencana`` lacks its title.
    """
    plan = settings.from_extra(config.extra)
    try:
        created = w3c_date(stage_date(root, plan.stage))
    except ValueError:
        created = ""  # a project without data/tahapan.yml: no date rather than the day of the build
    return Metadata(title=plan.title, author=config.site_author or "",
                    subject=config.site_description or "", keywords=config.extra.get("kata_kunci", ""),
                    created=created, variant=variant(config.extra))
