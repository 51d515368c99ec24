"""Checks of the plan's logic, targets part: a target waits for its baseline, a programme promises its
sasaran indicator's own target, a horizon's target has a programme at work in that horizon, and a
milestone lies within its programme's years. Each rule is one small
generator over a :class:`~masterplan.model.logic_types.PlanLogic` yielding a
:data:`~masterplan.checks.logic_chain.Finding`; :mod:`masterplan.checks.plan_logic` runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from masterplan.checks.logic_chain import Finding, programme_line
from masterplan.model.logic_types import PlanLogic
from masterplan.model.milestones import MILESTONES
from masterplan.model.plan_logic import INDICATOR_FILE, MISSING, TARGET_HORIZONS
from masterplan.model.programmes import PROGRAMMES
from masterplan.model.rules import message

# The rules of this module, named once for the findings and their texts in rules.yml.
TARGET_BASELINE = "LOGIKA-TARGET-BASELINE"
TARGET_AGREES = "LOGIKA-TARGET"
TARGET_ACTIVE = "LOGIKA-TARGET-AKTIF"
MILESTONE_YEARS = "LOGIKA-TONGGAK"
KPBU_PHASE = "LOGIKA-KPBU"
SERVICES_OPERATED = "LOGIKA-OPERASI"


def targets_wait_for_baselines(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-TARGET-BASELINE: an indicator whose baseline is missing has no short-term (``pendek``)
    target: with one year to go and no known starting point, any number would be invented (BAB VII's own
    criterion). The table prints "ditetapkan setelah baseline tersedia (perlu verifikasi)" and the office
    that must supply it. The same holds for a programme's own indicator in data/program.yml: a short-term
    programme or quick win whose baseline is missing sets no share (``satuan: persen``) as its target,
    since a share of offices, markets or facilities needs the count it is a share of; a count of what the
    programme itself produces (documents, participants) needs no starting point. A programme whose
    indicator is a sasaran indicator (``indikator.sasaran``) has that indicator's baseline and target
    (rule LOGIKA-TARGET), so the indicator's own check covers it."""
    for programme in logic.catalogue.programmes:
        if (not programme.indicator_code and _horizon_of(programme) == "pendek"
                and programme.baseline == MISSING and programme.unit.startswith("persen")
                and isinstance(programme.target, (int, float))):
            yield PROGRAMMES, programme_line(logic, programme.code, "indikator"), TARGET_BASELINE, message(
                TARGET_BASELINE, "program", kode=programme.code, selesai=programme.end_year,
                target=f"{programme.target:g}", satuan=programme.unit, status=MISSING)
    for indicator in logic.indicators.values():
        short = indicator.targets.get("pendek")
        if indicator.baseline.missing and short is not None:
            yield INDICATOR_FILE, indicator.line, TARGET_BASELINE, message(
                TARGET_BASELINE, "indikator", indikator=indicator.code, target=short, status=MISSING,
                opd=indicator.baseline.office)


# A count or share in a rencana aksi target ("90% posyandu", "20 desa"), not a year ("akhir 2026").
_NUMBER_IN_TEXT = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d[\d.,]*")


def _said(value) -> str:
    if value is None:
        return message(TARGET_AGREES, "target_null")
    return f"{value:g}" if isinstance(value, (int, float)) else f"'{value}'"


def _horizon_of(programme) -> str:
    return "pendek" if programme.quick_win else programme.horizon


def programme_targets_agree(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-TARGET: a programme whose own indicator is a sasaran indicator (``indikator.sasaran`` in
    data/program.yml) lists that indicator in ``indikator_sasaran`` and promises the indicator's own
    target for the programme's horizon (a quick win: ``pendek``); both unset (null) agree."""
    for programme in logic.catalogue.programmes:
        code = programme.indicator_code
        if not code:
            continue
        line = programme_line(logic, programme.code, "indikator")
        indicator = logic.indicators.get(code)
        if indicator is None or code not in logic.links[programme.code].indicators:
            yield PROGRAMMES, line, TARGET_AGREES, message(
                TARGET_AGREES, "tidak_tercantum", berkas=INDICATOR_FILE, kode=programme.code, indikator=code)
            continue
        if programme.target is None:
            for action in logic.links[programme.code].actions:
                if _NUMBER_IN_TEXT.search(action.target):
                    yield PROGRAMMES, programme_line(logic, programme.code, "rencana_aksi"), TARGET_AGREES, message(
                        TARGET_AGREES, "angka_rencana_aksi", kode=programme.code, baris=action.label,
                        target=action.target)
        key = _horizon_of(programme)
        expected = indicator.targets.get(key)
        if expected != programme.target:
            horizon = logic.horizon(key)
            yield PROGRAMMES, line, TARGET_AGREES, message(
                TARGET_AGREES, "target_berbeda", berkas=INDICATOR_FILE, kode=programme.code,
                target=_said(programme.target), selesai=programme.end_year, indikator=code,
                target_indikator=_said(expected), horizon=horizon.name.lower() if horizon else key)


def horizon_windows(logic: PlanLogic) -> dict[str, range]:
    """The years in which each target horizon's target is earned: from the year after the previous
    target horizon ends (horizons are nested, all starting with the plan) to the horizon's own end, so
    with data/horizon.yml ``pendek`` 2027, ``menengah`` 2028–2029, ``panjang`` 2030–2034."""
    windows, start = {}, None
    for key in TARGET_HORIZONS:
        horizon = logic.horizon(key)
        if horizon is None:
            continue
        first = horizon.start if start is None else start
        windows[key] = range(first, horizon.end + 1)
        start = horizon.end + 1
    return windows


def active_years(logic: PlanLogic, programme) -> set[int]:
    """The years a programme is at work on its indicators: its own years and every rencana aksi row,
    operation rows (``tahap: operasi``) included."""
    years = set(programme.years)
    for action in logic.links[programme.code].actions:
        years.update(range(action.start, action.end + 1))
    return years


def targets_have_active_programmes(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-TARGET-AKTIF: an indicator's target for a horizon (data/indikator.yml) is moved by at least
    one programme at work in that horizon's own years (:func:`horizon_windows`): a programme that ends in
    2026 cannot earn a 2029 target unless a rencana aksi row scales it up or operates it (``tahap:
    operasi``) in 2027–2029, or a follow-on programme does. A target that is null (set after the
    baseline) promises nothing yet and is not judged. Source of the rule: the ministry reviewer's finding
    that 2029 targets had no programme activity after 2026."""
    windows = horizon_windows(logic)
    for indicator in logic.indicators.values():
        movers = logic.programmes_moving(indicator.code)
        for key, window in windows.items():
            target = indicator.targets.get(key)
            if target is None:
                continue
            if any(active_years(logic, p) & set(window) for p in movers):
                continue
            horizon = logic.horizon(key)
            span = f"{window.start}–{window.stop - 1}" if len(window) > 1 else str(window.start)
            ran = "; ".join(f"{p.code} {_span(sorted(active_years(logic, p)))}" for p in movers) \
                or message(TARGET_ACTIVE, "tanpa_penggerak")
            yield INDICATOR_FILE, indicator.line, TARGET_ACTIVE, message(
                TARGET_ACTIVE, "tanpa_program_aktif", berkas=PROGRAMMES, indikator=indicator.code,
                horizon=horizon.name.lower(), target=_said(target), akhir=horizon.end, jendela=span, berjalan=ran)


def _span(years: list[int]) -> str:
    """``2026`` or ``2026–2034`` for consecutive years, else the years with commas."""
    if not years:
        return "-"
    if years == list(range(years[0], years[-1] + 1)):
        return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


def milestones_in_programmes(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-TONGGAK: a milestone tied to a programme (``program:`` in data/tonggak.yml) names a known
    programme and falls within that programme's years."""
    programmes = {p.code: p for p in logic.catalogue.programmes}
    for milestone in logic.catalogue.milestones:
        if not milestone.programme:
            continue
        programme = programmes.get(milestone.programme)
        if programme is None:
            yield MILESTONES, milestone.line, MILESTONE_YEARS, message(
                MILESTONE_YEARS, "program_tidak_ada", berkas=PROGRAMMES, tonggak=milestone.name,
                kode=milestone.programme)
        elif milestone.year not in programme.years:
            span = str(programme.start_year) if len(programme.years) == 1 else \
                f"{programme.start_year}–{programme.end_year}"
            yield MILESTONES, milestone.line, MILESTONE_YEARS, message(
                MILESTONE_YEARS, "di_luar_tahun_program", berkas=PROGRAMMES, tonggak=milestone.name,
                tahun=milestone.year, kode=programme.code, jendela=span)


KPBU = "KPBU"  # the funding source BAB VIII keeps for the last roadmap phase (sumber_dana in data/program.yml)


def kpbu_in_last_phase(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-KPBU: BAB VIII places KPBU (public-private partnership) in the last roadmap phase, once the
    capacity to manage contracts exists; a programme that lists KPBU as a funding source runs into that
    phase (data/horizon.yml), or it promises a partnership the plan says cannot exist yet."""
    if not logic.phases:
        return
    last = logic.phases[-1]
    for programme in logic.catalogue.programmes:
        if KPBU in programme.funding and programme.end_year < last.start:
            yield PROGRAMMES, programme_line(logic, programme.code, "biaya"), KPBU_PHASE, message(
                KPBU_PHASE, "terlalu_awal", kode=programme.code, mulai=programme.start_year, selesai=programme.end_year,
                fase=last.name, fase_mulai=last.start, fase_selesai=last.end)


SERVICE_KINDS = ("aplikasi", "infrastruktur")


def services_operated(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-OPERASI: BAB VIII (Biaya Operasi dan Pemeliharaan) says a programme that builds a service,
    i.e. an application or infrastructure (``jenis_rencana_aksi``), is run and maintained until the end of
    the plan period: when it ends earlier, an operation row (``tahap: operasi``) reaches the plan's last
    year. One-off outputs (a Perbup, a study, a pedoman, a training) are kebijakan or literasi and need none."""
    last = logic.catalogue.end_year
    for programme in logic.catalogue.programmes:
        if programme.action_type not in SERVICE_KINDS or programme.end_year >= last:
            continue
        if not any(a.operation and a.end == last for a in logic.links[programme.code].actions):
            yield PROGRAMMES, programme_line(logic, programme.code, "rencana_aksi"), SERVICES_OPERATED, message(
                SERVICES_OPERATED, "tanpa_operasi", kode=programme.code, jenis=programme.action_type,
                selesai=programme.end_year, akhir=last, mulai_operasi=programme.end_year + 1)
