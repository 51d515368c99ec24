"""Checks of the plan's dates: the document date of each workshop stage (data/tahapan.yml) and the
years the plan proposes against the year of the edition being published. The edition is the published
stage's ``tanggal_dokumen`` (extra.rencana.tahap in mkdocs.yml); run by
:func:`masterplan.checks.plan_logic.check` with the other rules of the plan's logic.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from masterplan.checks.logic_chain import Finding, programme_line
from masterplan.model import stage_dates
from masterplan.model.logic_types import PlanLogic
from masterplan.model.milestones import MILESTONES
from masterplan.model.plan_logic import HORIZON_FILE
from masterplan.model.programmes import PROGRAMMES
from masterplan.model.rules import message

PAST_YEARS = "LOGIKA-TAHUN-LAMPAU"


def findings(root: Path, logic: PlanLogic) -> list[Finding]:
    """TAHAPAN-TANGGAL for the stages of the repository at ``root``, then LOGIKA-TAHUN-LAMPAU for
    ``logic`` against the year of the published stage's date (skipped when that date has no year: the
    first rule reports it)."""
    found = list(stage_dates_known(root, logic.catalogue.stage))
    try:
        edition = stage_dates.stage_date(root, logic.catalogue.stage).year
    except ValueError:
        return found
    return found + list(plans_not_before_edition(logic, edition))


def stage_dates_known(root: Path, current: int) -> Iterator[Finding]:
    """TAHAPAN-TANGGAL: the stage being published (``current``, extra.rencana.tahap) and every stage
    before it have a document date with a year (printed on the cover and under the Kata Pengantar); a
    later stage may still be unscheduled ("belum dijadwalkan"), but a later stage dated before the
    current one would put it in the past of the document. Each finding is at the line of the stage's
    ``tanggal_dokumen`` (or of the stage itself when it has none). A file that cannot be read is reported once,
    by the stage checks (YAML-SALAH), not again for each stage."""
    if stage_dates.read(root).problems:
        return
    dates = {}
    for stage in range(1, 5):
        try:
            dates[stage] = stage_dates.stage_date(root, stage)
        except ValueError as error:
            if stage <= current:
                yield stage_dates.STAGES_FILE, stage_dates.date_line(root, stage), stage_dates.DATES, str(error)
    if current not in dates:
        return
    for stage in range(current + 1, 5):
        if stage in dates and dates[stage].year < dates[current].year:
            yield stage_dates.STAGES_FILE, stage_dates.date_line(root, stage), stage_dates.DATES, message(
                stage_dates.DATES, "lebih_awal", tahap=stage, tanggal=dates[stage].text, sekarang=current,
                tanggal_sekarang=dates[current].text)


def plans_not_before_edition(logic: PlanLogic, edition_year: int) -> Iterator[Finding]:
    """LOGIKA-TAHUN-LAMPAU: nothing the plan proposes (a horizon, a programme, a rencana aksi row, a
    milestone) is scheduled in a year before ``edition_year``, the year of the published stage's date
    (data/tahapan.yml): such a year is already past when the edition is read. Phases are not judged: the
    first phase may begin with the plan period and hold the years the draft was written in. Source of
    the rule: the ministry review of the plan's logic (a 2026 edition planning quick wins in 2025)."""
    fix = message(PAST_YEARS, "perbaikan", edisi=edition_year)
    for horizon in logic.horizons:
        if horizon.start < edition_year:
            yield HORIZON_FILE, horizon.line, PAST_YEARS, message(
                PAST_YEARS, "horizon", horizon=horizon.name, mulai=horizon.start, edisi=edition_year, perbaikan=fix)
    for programme in logic.catalogue.programmes:
        if programme.start_year < edition_year:
            yield PROGRAMMES, programme_line(logic, programme.code, "tahun_mulai"), PAST_YEARS, message(
                PAST_YEARS, "program", kode=programme.code, mulai=programme.start_year, edisi=edition_year,
                perbaikan=fix)
        early = [a.label for a in logic.links[programme.code].actions if a.start < edition_year]
        if early and programme.start_year >= edition_year:
            yield PROGRAMMES, programme_line(logic, programme.code, "rencana_aksi"), PAST_YEARS, message(
                PAST_YEARS, "rencana_aksi", kode=programme.code, baris=", ".join(early), edisi=edition_year,
                perbaikan=fix)
    for milestone in logic.catalogue.milestones:
        if milestone.year < edition_year:
            yield MILESTONES, milestone.line, PAST_YEARS, message(
                PAST_YEARS, "tonggak", tonggak=milestone.name, tahun=milestone.year, edisi=edition_year, perbaikan=fix)
