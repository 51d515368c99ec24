"""The edition being published, in the words readers see on the PDF cover, in the colophon and in the
prose, from one place: the stage in ``mkdocs.yml`` (``extra.rencana.tahap``, ``status``) and its date in
``data/tahapan.yml`` (``tanggal_dokumen``, ``edisi``).

:func:`extras` gives the values the templates print; in a chapter, ``[[edisi]]`` inside a sentence
(:data:`INLINE`, replaced by :func:`masterplan.views.directives.fill_inline`) is the same edition as
running text ("draf Tahap II, pemutakhiran Desember 2026"), so that a new stage's release never prints
one edition on the cover and another in the Kata Pengantar. An edition typed by hand that is not the
published one is reported by TAHAP-EDISI (:mod:`masterplan.checks.edition_prose`).
"""

from __future__ import annotations

from pathlib import Path

from masterplan.model import numbering, stage_dates
from masterplan.model.settings import Plan

IN_PROSE = "edisi_kalimat"  # extra key of the edition as running text
INLINE = {"edisi": IN_PROSE}  # inline marker name -> the extra value it stands for


def extras(root: Path, plan: Plan) -> dict[str, object]:
    """The edition's values for ``config.extra``: the plan period, the stage's document date and its
    year, the stage in Roman numerals, the edition as the cover names it and as a sentence names it.
    Raises ``ValueError`` (Bahasa Indonesia) when the stage has no document date with a year."""
    stage = stage_dates.stage_date(root, plan.stage)
    roman, final = numbering.roman(plan.stage), plan.status == "final"  # "Tahap II", one form everywhere
    return {"rencana_periode": plan.period, "tanggal_dokumen": stage.text, "tahun_dokumen": stage.year,
            "tahap_romawi": roman, "edisi_dokumen": stage.label(roman, final),
            IN_PROSE: stage.label(roman, final, draft="draf")}
