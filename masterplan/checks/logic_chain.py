"""Checks of the plan's logic, first part: references between the data files, the chain isu → misi →
sasaran → program → indikator, and the horizons, phases and rencana aksi. Each rule is one small generator
over a :class:`~masterplan.model.logic_types.PlanLogic` yielding a :data:`Finding`;
:mod:`masterplan.checks.plan_logic` holds the other rules and runs them all.
"""

from __future__ import annotations

from collections.abc import Iterator

from masterplan.model.logic_types import PlanLogic
from masterplan.model.plan_logic import (ALIGNMENT_FILE, HORIZON_FILE, INDICATOR_FILE, ISSUE_FILE, MISSING,
                                         MISSION_FILE, SWOT_FILE)
from masterplan.model.programmes import PROGRAMMES
from masterplan.model.rules import message

Finding = tuple[str, int, str, str]  # (path, line, rule, message)

# The rules of this module, named once for the findings and their texts in rules.yml.
REFERENCES = "LOGIKA-RUJUKAN"
ISSUE_PROGRAMME = "LOGIKA-ISU-PROGRAM"
PROGRAMME_ISSUE = "LOGIKA-PROGRAM-ISU"
PROGRAMME_INDICATOR = "LOGIKA-PROGRAM-INDIKATOR"
INDICATOR_PROGRAMME = "LOGIKA-INDIKATOR-PROGRAM"
GOAL_INDICATOR = "LOGIKA-SASARAN-INDIKATOR"
BASELINE = "LOGIKA-BASELINE"
MISSION_ISSUE = "LOGIKA-MISI-ISU"
PHASES = "LOGIKA-FASE"
HORIZON = "LOGIKA-HORIZON"
ACTIONS = "LOGIKA-RENCANA-AKSI"


def programme_line(logic: PlanLogic, code: str, field: str = "kode") -> int:
    """The file line of ``field`` of programme ``code`` in data/program.yml (its first line when absent)."""
    return logic.links[code].line(field)


# ---------------------------------------------------------------------------------------------------
# References between the files
# ---------------------------------------------------------------------------------------------------

def references(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-RUJUKAN: every code one file uses exists in the file that defines it."""
    codes = {p.code for p in logic.catalogue.programmes}
    for issue in logic.issues.values():
        for code in issue.swot:
            if code not in logic.swot:
                yield ISSUE_FILE, issue.line, REFERENCES, message(
                    REFERENCES, "isu_swot", berkas=SWOT_FILE, isu=issue.number, kode=code)
    for strategy in logic.strategies:
        for code in strategy.swot:
            if code not in logic.swot:
                yield SWOT_FILE, strategy.line, REFERENCES, message(
                    REFERENCES, "strategi_swot", strategi=strategy.code, kode=code)
        for code in strategy.programmes:
            if code not in codes:
                yield SWOT_FILE, strategy.line, REFERENCES, message(
                    REFERENCES, "strategi_program", berkas=PROGRAMMES, strategi=strategy.code, kode=code)
    for mission in logic.missions:
        dimension = logic.catalogue.dimensions.get(mission.dimension)
        if dimension is None:
            yield MISSION_FILE, mission.line, REFERENCES, message(
                REFERENCES, "misi_dimensi", misi=mission.number, dimensi=mission.dimension,
                pilihan=", ".join(logic.catalogue.dimensions))
        for number in mission.issues:
            if number not in logic.issues:
                yield MISSION_FILE, mission.line, REFERENCES, message(
                    REFERENCES, "misi_isu", berkas=ISSUE_FILE, misi=mission.number, isu=number)
        for goal in mission.goals:
            if not goal.code.startswith(f"{mission.number}."):
                yield MISSION_FILE, goal.line, REFERENCES, message(
                    REFERENCES, "kode_sasaran", sasaran=goal.code, misi=mission.number)
            if dimension is not None and goal.element not in dimension.elements:
                yield MISSION_FILE, goal.line, REFERENCES, message(
                    REFERENCES, "sasaran_elemen", sasaran=goal.code, elemen=goal.element, dimensi=dimension.name,
                    pilihan=", ".join(dimension.elements))
    goals = logic.goals
    for indicator in logic.indicators.values():
        if indicator.goal not in goals:
            yield INDICATOR_FILE, indicator.line, REFERENCES, message(
                REFERENCES, "indikator_sasaran", berkas=MISSION_FILE, indikator=indicator.code, sasaran=indicator.goal)
    for programme in logic.catalogue.programmes:
        links = logic.links[programme.code]
        for number in links.issues:
            if number not in logic.issues:
                yield PROGRAMMES, links.line("isu"), REFERENCES, message(
                    REFERENCES, "program_isu", berkas=ISSUE_FILE, kode=programme.code, isu=number,
                    jumlah=len(logic.issues))
        for code in links.indicators:
            if code not in logic.indicators:
                yield PROGRAMMES, links.line("indikator_sasaran"), REFERENCES, message(
                    REFERENCES, "program_indikator", berkas=INDICATOR_FILE, kode=programme.code, indikator=code)
        for action in links.actions:
            if action.office not in logic.catalogue.offices:
                yield PROGRAMMES, links.line("rencana_aksi"), REFERENCES, message(
                    REFERENCES, "rencana_aksi_opd", kode=programme.code, opd=action.office)


# ---------------------------------------------------------------------------------------------------
# The chain isu → misi → sasaran → program → indikator
# ---------------------------------------------------------------------------------------------------

def issues_answered(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-ISU-PROGRAM: every ranked strategic issue is answered by at least one programme (an issue
    no programme answers is not a strategic issue of this plan)."""
    for issue in logic.issues.values():
        if not logic.programmes_answering(issue.number):
            yield ISSUE_FILE, issue.line, ISSUE_PROGRAMME, message(
                ISSUE_PROGRAMME, "tanpa_program", berkas=PROGRAMMES, isu=issue.number, judul=issue.title)


def programmes_answer(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-PROGRAM-ISU: every programme answers at least one strategic issue."""
    for programme in logic.catalogue.programmes:
        if not logic.links[programme.code].issues:
            yield PROGRAMMES, programme_line(logic, programme.code, "isu"), PROGRAMME_ISSUE, message(
                PROGRAMME_ISSUE, "tanpa_isu", berkas=ISSUE_FILE, kode=programme.code)


def programmes_move(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-PROGRAM-INDIKATOR: every programme moves at least one sasaran indicator."""
    for programme in logic.catalogue.programmes:
        if not logic.links[programme.code].indicators:
            yield PROGRAMMES, programme_line(logic, programme.code, "indikator_sasaran"), PROGRAMME_INDICATOR, message(
                PROGRAMME_INDICATOR, "tanpa_indikator", berkas=INDICATOR_FILE, kode=programme.code)


def indicators_moved(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-INDIKATOR-PROGRAM: every indicator is moved by at least one programme."""
    for indicator in logic.indicators.values():
        if not logic.programmes_moving(indicator.code):
            yield INDICATOR_FILE, indicator.line, INDICATOR_PROGRAMME, message(
                INDICATOR_PROGRAMME, "tanpa_program", indikator=indicator.code, nama=indicator.name)


def goals_measured(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-SASARAN-INDIKATOR: every sasaran has at least one indicator."""
    for goal in logic.goals.values():
        if not logic.indicators_of(goal.code):
            yield MISSION_FILE, goal.line, GOAL_INDICATOR, message(
                GOAL_INDICATOR, "tanpa_indikator", berkas=INDICATOR_FILE, sasaran=goal.code)


def baselines_owned(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-BASELINE: every indicator has a sourced baseline or a known office that must supply it."""
    for indicator in logic.indicators.values():
        baseline = indicator.baseline
        if baseline.missing and baseline.office not in logic.catalogue.offices:
            yield INDICATOR_FILE, indicator.line, BASELINE, (
                message(BASELINE, "opd_tidak_dikenal", indikator=indicator.code, status=MISSING, opd=baseline.office)
                if baseline.office else message(BASELINE, "tanpa_opd", indikator=indicator.code, status=MISSING))


def missions_match(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-MISI-ISU: a mission lists exactly the issues its dimension's programmes answer, and every
    ranked issue belongs to a mission."""
    for mission in logic.missions:
        answered: dict[int, list[str]] = {}
        for programme in logic.catalogue.of_dimension(mission.dimension):
            for number in logic.links[programme.code].issues:
                answered.setdefault(number, []).append(programme.code)
        for number, codes in sorted(answered.items()):
            if number not in mission.issues:
                yield MISSION_FILE, mission.line, MISSION_ISSUE, message(
                    MISSION_ISSUE, "isu_tidak_dicantumkan", misi=mission.number, isu=number, program=", ".join(codes))
        for number in mission.issues:
            if number in logic.issues and number not in answered:
                yield MISSION_FILE, mission.line, MISSION_ISSUE, message(
                    MISSION_ISSUE, "isu_tanpa_program", misi=mission.number, isu=number)
    in_missions = {number for mission in logic.missions for number in mission.issues}
    for issue in logic.issues.values():
        if issue.number not in in_missions:
            yield ISSUE_FILE, issue.line, MISSION_ISSUE, message(
                MISSION_ISSUE, "isu_tanpa_misi", berkas=MISSION_FILE, isu=issue.number)


# ---------------------------------------------------------------------------------------------------
# Horizons, phases and rencana aksi
# ---------------------------------------------------------------------------------------------------

def phases_tile(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-FASE: phases follow each other without gap or overlap and cover the plan period exactly;
    every horizon lies inside the plan period."""
    catalogue = logic.catalogue
    expected = catalogue.start_year
    for phase in logic.phases:
        if phase.start != expected or phase.end < phase.start:
            yield HORIZON_FILE, phase.line, PHASES, message(
                PHASES, "bercelah", fase=phase.name, tahun=phase.label, mulai=expected, awal=catalogue.start_year,
                akhir=catalogue.end_year)
        expected = phase.end + 1
    if logic.phases and logic.phases[-1].end != catalogue.end_year:
        last = logic.phases[-1]
        yield HORIZON_FILE, last.line, PHASES, message(
            PHASES, "akhir_berbeda", selesai=last.end, akhir=catalogue.end_year)
    for horizon in logic.horizons:
        if horizon.start < catalogue.start_year or horizon.end > catalogue.end_year or horizon.end < horizon.start:
            yield HORIZON_FILE, horizon.line, PHASES, message(
                PHASES, "horizon_di_luar", horizon=horizon.name, tahun=horizon.label, awal=catalogue.start_year,
                akhir=catalogue.end_year)


def horizons_agree(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-HORIZON: a programme's horizon is the one its years belong to (data/horizon.yml)."""
    for programme in logic.catalogue.programmes:
        line = programme_line(logic, programme.code, "horizon")
        declared = logic.horizon(programme.horizon)
        if declared is None:
            yield PROGRAMMES, line, HORIZON, message(
                HORIZON, "tidak_didefinisikan", berkas=HORIZON_FILE, kode=programme.code, horizon=programme.horizon)
            continue
        years = f"{programme.start_year}–{programme.end_year}"
        if programme.quick_win:
            if not (declared.start <= programme.start_year and programme.end_year <= declared.end):
                yield PROGRAMMES, line, HORIZON, message(
                    HORIZON, "quick_win_di_luar", kode=programme.code, jendela=declared.label, tahun=years)
            continue
        expected = logic.expected_horizon(programme)
        if expected is None:
            yield PROGRAMMES, line, HORIZON, message(HORIZON, "tanpa_horizon", kode=programme.code, tahun=years)
        elif expected.key != programme.horizon:
            yield PROGRAMMES, line, HORIZON, message(
                HORIZON, "salah_horizon", berkas=HORIZON_FILE, kode=programme.code, tahun=years,
                horizon=programme.horizon, selesai=programme.end_year, lama=len(programme.years),
                seharusnya=expected.key, nama=expected.name, jendela=expected.label)


def actions_cover(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-RENCANA-AKSI: a programme has rencana aksi rows inside its years covering every year; an
    operation row (``tahap: operasi``) runs what was built, so it starts after the programme's last year
    and ends within the plan period."""
    for programme in logic.catalogue.programmes:
        links = logic.links[programme.code]
        line = links.line("rencana_aksi")
        if not links.actions:
            yield PROGRAMMES, line, ACTIONS, message(ACTIONS, "tanpa_rencana_aksi", kode=programme.code)
            continue
        covered = set()
        for action in links.actions:
            if action.operation:
                if action.end < action.start or action.start <= programme.end_year \
                        or action.end > logic.catalogue.end_year:
                    yield PROGRAMMES, line, ACTIONS, message(
                        ACTIONS, "operasi_di_luar", kode=programme.code, baris=action.label, selesai=programme.end_year,
                        akhir=logic.catalogue.end_year)
                continue
            if action.end < action.start or action.start < programme.start_year or action.end > programme.end_year:
                after = action.start > programme.end_year  # running the result: only then is 'operasi' the fix
                yield PROGRAMMES, line, ACTIONS, message(
                    ACTIONS, "di_luar_tahun", kode=programme.code, baris=action.label, mulai=programme.start_year,
                    selesai=programme.end_year, saran=message(ACTIONS, "saran_operasi" if after else "saran_tahun"))
            covered.update(range(action.start, action.end + 1))
        gaps = [year for year in programme.years if year not in covered]
        if gaps:
            yield PROGRAMMES, line, ACTIONS, message(
                ACTIONS, "tahun_kosong", kode=programme.code, tahun=", ".join(map(str, gaps)))



def alignment_complete(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-RUJUKAN for Tabel 4.2 (data/rpjmd.yml): every row names a mission of data/misi.yml, every
    mission has exactly one row, and every row fills one cell per planning-document column."""
    alignment = logic.alignment
    if alignment is None:
        return
    numbers = [mission.number for mission in logic.missions]
    seen: set[int] = set()
    for number, cells, line in alignment.rows:
        if number not in numbers or number in seen:
            missions = ", ".join(map(str, numbers))
            yield ALIGNMENT_FILE, line, REFERENCES, (
                message(REFERENCES, "baris_ganda", misi=number, daftar=missions) if number in seen
                else message(REFERENCES, "baris_tanpa_misi", berkas=MISSION_FILE, misi=number, daftar=missions))
        elif len(cells) != len(alignment.columns):
            yield ALIGNMENT_FILE, line, REFERENCES, message(
                REFERENCES, "jumlah_sel", misi=number, sel=len(cells), jumlah_kolom=len(alignment.columns),
                kolom="; ".join(alignment.columns))
        seen.add(number)
    for number in (n for n in numbers if n not in seen):
        yield ALIGNMENT_FILE, alignment.line, REFERENCES, message(
            REFERENCES, "misi_tanpa_baris", berkas=ALIGNMENT_FILE, misi=number)
