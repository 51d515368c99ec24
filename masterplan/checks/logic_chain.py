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

# The data files by the slot names every LOGIKA-* text of rules.yml may use for them.
FILE_SLOTS = {"berkas_program": PROGRAMMES, "berkas_isu": ISSUE_FILE, "berkas_swot": SWOT_FILE,
              "berkas_misi": MISSION_FILE, "berkas_indikator": INDICATOR_FILE, "berkas_horizon": HORIZON_FILE,
              "berkas_rpjmd": ALIGNMENT_FILE}


def say(rule: str, name: str, **values: object) -> str:
    """The message ``name`` of the LOGIKA-* ``rule`` as rules.yml words it, its slots filled from ``values``
    and the data files' names (:data:`FILE_SLOTS`)."""
    return message(rule, name, **FILE_SLOTS, **values)


def programme_line(logic: PlanLogic, code: str, field: str = "kode") -> int:
    """The file line of ``field`` of programme ``code`` in data/program.yml (its first line when absent)."""
    return logic.links[code].line(field)


# ---------------------------------------------------------------------------------------------------
# References between the files
# ---------------------------------------------------------------------------------------------------

def references(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-RUJUKAN: every code one file uses exists in the file that defines it."""
    rule = "LOGIKA-RUJUKAN"
    codes = {p.code for p in logic.catalogue.programmes}
    for issue in logic.issues.values():
        for code in issue.swot:
            if code not in logic.swot:
                yield ISSUE_FILE, issue.line, rule, say(rule, "isu_swot", isu=issue.number, kode=code)
    for strategy in logic.strategies:
        for code in strategy.swot:
            if code not in logic.swot:
                yield SWOT_FILE, strategy.line, rule, say(rule, "strategi_swot", strategi=strategy.code, kode=code)
        for code in strategy.programmes:
            if code not in codes:
                yield SWOT_FILE, strategy.line, rule, say(rule, "strategi_program", strategi=strategy.code, kode=code)
    for mission in logic.missions:
        dimension = logic.catalogue.dimensions.get(mission.dimension)
        if dimension is None:
            yield MISSION_FILE, mission.line, rule, say(rule, "misi_dimensi", misi=mission.number,
                                                        dimensi=mission.dimension,
                                                        pilihan=", ".join(logic.catalogue.dimensions))
        for number in mission.issues:
            if number not in logic.issues:
                yield MISSION_FILE, mission.line, rule, say(rule, "misi_isu", misi=mission.number, isu=number)
        for goal in mission.goals:
            if not goal.code.startswith(f"{mission.number}."):
                yield MISSION_FILE, goal.line, rule, say(rule, "kode_sasaran", sasaran=goal.code, misi=mission.number)
            if dimension is not None and goal.element not in dimension.elements:
                yield MISSION_FILE, goal.line, rule, say(rule, "sasaran_elemen", sasaran=goal.code, elemen=goal.element,
                                                         dimensi=dimension.name, pilihan=", ".join(dimension.elements))
    goals = logic.goals
    for indicator in logic.indicators.values():
        if indicator.goal not in goals:
            yield INDICATOR_FILE, indicator.line, rule, say(rule, "indikator_sasaran", indikator=indicator.code,
                                                            sasaran=indicator.goal)
    for programme in logic.catalogue.programmes:
        links = logic.links[programme.code]
        for number in links.issues:
            if number not in logic.issues:
                yield PROGRAMMES, links.line("isu"), rule, say(rule, "program_isu", kode=programme.code, isu=number,
                                                               jumlah=len(logic.issues))
        for code in links.indicators:
            if code not in logic.indicators:
                yield PROGRAMMES, links.line("indikator_sasaran"), rule, say(
                    rule, "program_indikator", kode=programme.code, indikator=code)
        for action in links.actions:
            if action.office not in logic.catalogue.offices:
                yield PROGRAMMES, links.line("rencana_aksi"), rule, say(
                    rule, "rencana_aksi_opd", kode=programme.code, opd=action.office)


# ---------------------------------------------------------------------------------------------------
# The chain isu → misi → sasaran → program → indikator
# ---------------------------------------------------------------------------------------------------

def issues_answered(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-ISU-PROGRAM: every ranked strategic issue is answered by at least one programme (an issue
    no programme answers is not a strategic issue of this plan)."""
    for issue in logic.issues.values():
        if not logic.programmes_answering(issue.number):
            yield ISSUE_FILE, issue.line, "LOGIKA-ISU-PROGRAM", say(
                "LOGIKA-ISU-PROGRAM", "tanpa_program", isu=issue.number, judul=issue.title)


def programmes_answer(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-PROGRAM-ISU: every programme answers at least one strategic issue."""
    for programme in logic.catalogue.programmes:
        if not logic.links[programme.code].issues:
            yield PROGRAMMES, programme_line(logic, programme.code, "isu"), "LOGIKA-PROGRAM-ISU", say(
                "LOGIKA-PROGRAM-ISU", "tanpa_isu", kode=programme.code)


def programmes_move(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-PROGRAM-INDIKATOR: every programme moves at least one sasaran indicator."""
    for programme in logic.catalogue.programmes:
        if not logic.links[programme.code].indicators:
            rule = "LOGIKA-PROGRAM-INDIKATOR"
            yield PROGRAMMES, programme_line(logic, programme.code, "indikator_sasaran"), rule, say(
                rule, "tanpa_indikator", kode=programme.code)


def indicators_moved(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-INDIKATOR-PROGRAM: every indicator is moved by at least one programme."""
    for indicator in logic.indicators.values():
        if not logic.programmes_moving(indicator.code):
            yield INDICATOR_FILE, indicator.line, "LOGIKA-INDIKATOR-PROGRAM", say(
                "LOGIKA-INDIKATOR-PROGRAM", "tanpa_program", indikator=indicator.code, nama=indicator.name)


def goals_measured(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-SASARAN-INDIKATOR: every sasaran has at least one indicator."""
    for goal in logic.goals.values():
        if not logic.indicators_of(goal.code):
            yield MISSION_FILE, goal.line, "LOGIKA-SASARAN-INDIKATOR", say(
                "LOGIKA-SASARAN-INDIKATOR", "tanpa_indikator", sasaran=goal.code)


def baselines_owned(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-BASELINE: every indicator has a sourced baseline or a known office that must supply it."""
    for indicator in logic.indicators.values():
        baseline = indicator.baseline
        if baseline.missing and baseline.office not in logic.catalogue.offices:
            yield INDICATOR_FILE, indicator.line, "LOGIKA-BASELINE", say(
                "LOGIKA-BASELINE", "opd_tidak_dikenal" if baseline.office else "tanpa_opd", indikator=indicator.code,
                status=MISSING, opd=baseline.office)


def missions_match(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-MISI-ISU: a mission lists exactly the issues its dimension's programmes answer, and every
    ranked issue belongs to a mission."""
    rule = "LOGIKA-MISI-ISU"
    for mission in logic.missions:
        answered: dict[int, list[str]] = {}
        for programme in logic.catalogue.of_dimension(mission.dimension):
            for number in logic.links[programme.code].issues:
                answered.setdefault(number, []).append(programme.code)
        for number, codes in sorted(answered.items()):
            if number not in mission.issues:
                yield MISSION_FILE, mission.line, rule, say(rule, "isu_tidak_dicantumkan", misi=mission.number,
                                                            isu=number, program=", ".join(codes))
        for number in mission.issues:
            if number in logic.issues and number not in answered:
                yield MISSION_FILE, mission.line, rule, say(rule, "isu_tanpa_program", misi=mission.number, isu=number)
    in_missions = {number for mission in logic.missions for number in mission.issues}
    for issue in logic.issues.values():
        if issue.number not in in_missions:
            yield ISSUE_FILE, issue.line, rule, say(rule, "isu_tanpa_misi", isu=issue.number)


# ---------------------------------------------------------------------------------------------------
# Horizons, phases and rencana aksi
# ---------------------------------------------------------------------------------------------------

def phases_tile(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-FASE: phases follow each other without gap or overlap and cover the plan period exactly;
    every horizon lies inside the plan period."""
    rule = "LOGIKA-FASE"
    catalogue = logic.catalogue
    expected = catalogue.start_year
    for phase in logic.phases:
        if phase.start != expected or phase.end < phase.start:
            yield HORIZON_FILE, phase.line, rule, say(rule, "bercelah", fase=phase.name, tahun=phase.label,
                                                      mulai=expected, awal=catalogue.start_year,
                                                      akhir=catalogue.end_year)
        expected = phase.end + 1
    if logic.phases and logic.phases[-1].end != catalogue.end_year:
        last = logic.phases[-1]
        yield HORIZON_FILE, last.line, rule, say(rule, "akhir_berbeda", selesai=last.end, akhir=catalogue.end_year)
    for horizon in logic.horizons:
        if horizon.start < catalogue.start_year or horizon.end > catalogue.end_year or horizon.end < horizon.start:
            yield HORIZON_FILE, horizon.line, rule, say(rule, "horizon_di_luar", horizon=horizon.name,
                                                        tahun=horizon.label, awal=catalogue.start_year,
                                                        akhir=catalogue.end_year)


def horizons_agree(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-HORIZON: a programme's horizon is the one its years belong to (data/horizon.yml)."""
    rule = "LOGIKA-HORIZON"
    for programme in logic.catalogue.programmes:
        line = programme_line(logic, programme.code, "horizon")
        declared = logic.horizon(programme.horizon)
        if declared is None:
            yield PROGRAMMES, line, rule, say(rule, "tidak_didefinisikan", kode=programme.code,
                                              horizon=programme.horizon)
            continue
        years = f"{programme.start_year}–{programme.end_year}"
        if programme.quick_win:
            if not (declared.start <= programme.start_year and programme.end_year <= declared.end):
                yield PROGRAMMES, line, rule, say(rule, "quick_win_di_luar", kode=programme.code,
                                                  jendela=declared.label, tahun=years)
            continue
        expected = logic.expected_horizon(programme)
        if expected is None:
            yield PROGRAMMES, line, rule, say(rule, "tanpa_horizon", kode=programme.code, tahun=years)
        elif expected.key != programme.horizon:
            yield PROGRAMMES, line, rule, say(rule, "salah_horizon", kode=programme.code, tahun=years,
                                              horizon=programme.horizon, selesai=programme.end_year,
                                              lama=len(programme.years), seharusnya=expected.key, nama=expected.name,
                                              jendela=expected.label)


def actions_cover(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-RENCANA-AKSI: a programme has rencana aksi rows inside its years covering every year; an
    operation row (``tahap: operasi``) runs what was built, so it starts after the programme's last year
    and ends within the plan period."""
    rule = "LOGIKA-RENCANA-AKSI"
    for programme in logic.catalogue.programmes:
        links = logic.links[programme.code]
        line = links.line("rencana_aksi")
        if not links.actions:
            yield PROGRAMMES, line, rule, say(rule, "tanpa_rencana_aksi", kode=programme.code)
            continue
        covered = set()
        for action in links.actions:
            if action.operation:
                if action.end < action.start or action.start <= programme.end_year \
                        or action.end > logic.catalogue.end_year:
                    yield PROGRAMMES, line, rule, say(rule, "operasi_di_luar", kode=programme.code, baris=action.label,
                                                      selesai=programme.end_year, akhir=logic.catalogue.end_year)
                continue
            if action.end < action.start or action.start < programme.start_year or action.end > programme.end_year:
                yield PROGRAMMES, line, rule, say(rule, "di_luar_tahun", kode=programme.code, baris=action.label,
                                                  mulai=programme.start_year, selesai=programme.end_year)
            covered.update(range(action.start, action.end + 1))
        gaps = [year for year in programme.years if year not in covered]
        if gaps:
            yield PROGRAMMES, line, rule, say(rule, "tahun_kosong", kode=programme.code,
                                              tahun=", ".join(map(str, gaps)))



def alignment_complete(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-RUJUKAN for Tabel 4.2 (data/rpjmd.yml): every row names a mission of data/misi.yml, every
    mission has exactly one row, and every row fills one cell per planning-document column."""
    rule, alignment = "LOGIKA-RUJUKAN", logic.alignment
    if alignment is None:
        return
    numbers = [mission.number for mission in logic.missions]
    seen: set[int] = set()
    for number, cells, line in alignment.rows:
        if number not in numbers or number in seen:
            yield ALIGNMENT_FILE, line, rule, say(rule, "baris_ganda" if number in seen else "baris_tanpa_misi",
                                                  misi=number, daftar=", ".join(map(str, numbers)))
        elif len(cells) != len(alignment.columns):
            yield ALIGNMENT_FILE, line, rule, say(rule, "jumlah_sel", misi=number, sel=len(cells),
                                                  jumlah_kolom=len(alignment.columns),
                                                  kolom="; ".join(alignment.columns))
        seen.add(number)
    for number in (n for n in numbers if n not in seen):
        yield ALIGNMENT_FILE, alignment.line, rule, say(rule, "misi_tanpa_baris", misi=number)
