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

Finding = tuple[str, int, str, str]  # (path, line, rule, message)


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
                yield ISSUE_FILE, issue.line, rule, (f"Isu {issue.number}: butir SWOT {code} tidak ada di {SWOT_FILE}. "
                                                     "Pakai kode butir yang ada (mis. K1, L2, P3, A4).")
    for strategy in logic.strategies:
        for code in strategy.swot:
            if code not in logic.swot:
                yield SWOT_FILE, strategy.line, rule, (f"Strategi {strategy.code}: butir SWOT {code} tidak ada di "
                                                       "daftar butir. Pakai kode butir yang ada.")
        for code in strategy.programmes:
            if code not in codes:
                yield SWOT_FILE, strategy.line, rule, (f"Strategi {strategy.code}: program {code} tidak ada di "
                                                       f"{PROGRAMMES}. Periksa kodenya.")
    for mission in logic.missions:
        dimension = logic.catalogue.dimensions.get(mission.dimension)
        if dimension is None:
            yield MISSION_FILE, mission.line, rule, (f"Misi {mission.number}: dimensi '{mission.dimension}' tidak "
                                                     f"dikenal. Pilih salah satu: {', '.join(logic.catalogue.dimensions)}.")
        for number in mission.issues:
            if number not in logic.issues:
                yield MISSION_FILE, mission.line, rule, f"Misi {mission.number}: isu {number} tidak ada di {ISSUE_FILE}."
        for goal in mission.goals:
            if not goal.code.startswith(f"{mission.number}."):
                yield MISSION_FILE, goal.line, rule, (f"Sasaran {goal.code} berada di bawah misi {mission.number}; "
                                                      f"kodenya harus diawali '{mission.number}.'.")
            if dimension is not None and goal.element not in dimension.elements:
                yield MISSION_FILE, goal.line, rule, (f"Sasaran {goal.code}: elemen '{goal.element}' bukan elemen "
                                                      f"{dimension.name}. Pilih: {', '.join(dimension.elements)}.")
    goals = logic.goals
    for indicator in logic.indicators.values():
        if indicator.goal not in goals:
            yield INDICATOR_FILE, indicator.line, rule, (f"Indikator {indicator.code}: sasaran {indicator.goal} tidak "
                                                         f"ada di {MISSION_FILE}. Kode indikator = kode sasaran + huruf.")
    for programme in logic.catalogue.programmes:
        links = logic.links[programme.code]
        for number in links.issues:
            if number not in logic.issues:
                yield PROGRAMMES, links.line("isu"), rule, (f"Program {programme.code}: isu {number} tidak ada di "
                                                            f"{ISSUE_FILE}. Pakai nomor isu 1–{len(logic.issues)}.")
        for code in links.indicators:
            if code not in logic.indicators:
                yield PROGRAMMES, links.line("indikator_sasaran"), rule, (
                    f"Program {programme.code}: indikator sasaran {code} tidak ada di {INDICATOR_FILE}.")
        for action in links.actions:
            if action.office not in logic.catalogue.offices:
                yield PROGRAMMES, links.line("rencana_aksi"), rule, (
                    f"Program {programme.code}: OPD '{action.office}' pada rencana aksi tidak ada di data/opd.yml.")


# ---------------------------------------------------------------------------------------------------
# The chain isu → misi → sasaran → program → indikator
# ---------------------------------------------------------------------------------------------------

def issues_answered(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-ISU-PROGRAM: every ranked strategic issue is answered by at least one programme (an issue
    no programme answers is not a strategic issue of this plan)."""
    for issue in logic.issues.values():
        if not logic.programmes_answering(issue.number):
            yield ISSUE_FILE, issue.line, "LOGIKA-ISU-PROGRAM", (
                f"Isu {issue.number} ({issue.title}) belum dijawab program mana pun. Tambahkan '{issue.number}' ke "
                f"kolom isu program yang menjawabnya di {PROGRAMMES} atau tambahkan program baru; isu yang tidak "
                "dijawab program mana pun dihapus dari peringkat atau digabung dengan isu yang dijawab.")


def programmes_answer(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-PROGRAM-ISU: every programme answers at least one strategic issue."""
    for programme in logic.catalogue.programmes:
        if not logic.links[programme.code].issues:
            yield PROGRAMMES, programme_line(logic, programme.code, "isu"), "LOGIKA-PROGRAM-ISU", (
                f"Program {programme.code} belum menjawab isu strategis mana pun. Tulis 'isu: [nomor]' pada program "
                f"ini dengan nomor isu dari {ISSUE_FILE} (mis. isu: [5]), atau hapus program yang tidak menjawab isu.")


def programmes_move(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-PROGRAM-INDIKATOR: every programme moves at least one sasaran indicator."""
    for programme in logic.catalogue.programmes:
        if not logic.links[programme.code].indicators:
            yield PROGRAMMES, programme_line(logic, programme.code, "indikator_sasaran"), "LOGIKA-PROGRAM-INDIKATOR", (
                f"Program {programme.code} belum menggerakkan indikator sasaran mana pun. Tulis "
                f"'indikator_sasaran: [kode]' dengan kode dari {INDICATOR_FILE} (mis. indikator_sasaran: [1.1a]).")


def indicators_moved(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-INDIKATOR-PROGRAM: every indicator is moved by at least one programme."""
    for indicator in logic.indicators.values():
        if not logic.programmes_moving(indicator.code):
            yield INDICATOR_FILE, indicator.line, "LOGIKA-INDIKATOR-PROGRAM", (
                f"Indikator {indicator.code} ({indicator.name}) tidak digerakkan program mana pun: tidak ada yang "
                f"dapat mencapainya. Tambahkan {indicator.code} ke 'indikator_sasaran' program yang terkait, "
                "atau hapus indikatornya.")


def goals_measured(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-SASARAN-INDIKATOR: every sasaran has at least one indicator."""
    for goal in logic.goals.values():
        if not logic.indicators_of(goal.code):
            yield MISSION_FILE, goal.line, "LOGIKA-SASARAN-INDIKATOR", (
                f"Sasaran {goal.code} belum memiliki indikator. Tambahkan indikator berkode {goal.code}a di "
                f"{INDICATOR_FILE}.")


def baselines_owned(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-BASELINE: every indicator has a sourced baseline or a known office that must supply it."""
    for indicator in logic.indicators.values():
        baseline = indicator.baseline
        if baseline.missing and baseline.office not in logic.catalogue.offices:
            what = f"OPD '{baseline.office}' tidak dikenal" if baseline.office else "tidak menyebut OPD"
            yield INDICATOR_FILE, indicator.line, "LOGIKA-BASELINE", (
                f"Indikator {indicator.code}: baseline {MISSING} dan {what}. Tulis baseline sebagai "
                "{nilai: ..., tahun: ..., sumber: ...} atau sebut OPD penanggung jawabnya: "
                f"{{status: {MISSING}, opd: kode}} dengan kode dari data/opd.yml.")


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
                yield MISSION_FILE, mission.line, rule, (
                    f"Misi {mission.number} tidak mencantumkan isu {number}, padahal program dimensinya menjawab isu "
                    f"itu ({', '.join(codes)}). Tambahkan {number} ke 'isu' misi ini atau perbaiki 'isu' programnya.")
        for number in mission.issues:
            if number in logic.issues and number not in answered:
                yield MISSION_FILE, mission.line, rule, (
                    f"Misi {mission.number} mencantumkan isu {number}, tetapi tidak ada program dimensinya yang "
                    f"menjawab isu itu. Hapus {number} dari 'isu' misi ini atau tautkan program dimensinya ke isu itu.")
    in_missions = {number for mission in logic.missions for number in mission.issues}
    for issue in logic.issues.values():
        if issue.number not in in_missions:
            yield ISSUE_FILE, issue.line, rule, f"Isu {issue.number} tidak dijawab misi mana pun di {MISSION_FILE}."


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
            yield HORIZON_FILE, phase.line, rule, (
                f"{phase.name} ({phase.label}) harus dimulai {expected} dan tidak boleh berakhir sebelum dimulai: "
                f"fase berurutan tanpa celah dan tanpa tumpang tindih dari {catalogue.start_year} sampai "
                f"{catalogue.end_year} (periode di mkdocs.yml).")
        expected = phase.end + 1
    if logic.phases and logic.phases[-1].end != catalogue.end_year:
        last = logic.phases[-1]
        yield HORIZON_FILE, last.line, rule, (f"Fase terakhir berakhir {last.end}, periode rencana berakhir "
                                              f"{catalogue.end_year}. Samakan tahun selesainya.")
    for horizon in logic.horizons:
        if horizon.start < catalogue.start_year or horizon.end > catalogue.end_year or horizon.end < horizon.start:
            yield HORIZON_FILE, horizon.line, rule, (
                f"Horizon {horizon.name} ({horizon.label}) berada di luar periode rencana "
                f"{catalogue.start_year}–{catalogue.end_year}.")


def horizons_agree(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-HORIZON: a programme's horizon is the one its years belong to (data/horizon.yml)."""
    rule = "LOGIKA-HORIZON"
    for programme in logic.catalogue.programmes:
        line = programme_line(logic, programme.code, "horizon")
        declared = logic.horizon(programme.horizon)
        if declared is None:
            yield PROGRAMMES, line, rule, (f"Program {programme.code}: horizon '{programme.horizon}' tidak "
                                           f"didefinisikan di {HORIZON_FILE}.")
            continue
        years = f"{programme.start_year}–{programme.end_year}"
        if programme.quick_win:
            if not (declared.start <= programme.start_year and programme.end_year <= declared.end):
                yield PROGRAMMES, line, rule, (f"Program {programme.code}: quick win harus berjalan dalam "
                                               f"{declared.label}, bukan {years}.")
            continue
        expected = logic.expected_horizon(programme)
        if expected is None:
            yield PROGRAMMES, line, rule, f"Program {programme.code}: tahun {years} tidak masuk horizon mana pun."
        elif expected.key != programme.horizon:
            yield PROGRAMMES, line, rule, (
                f"Program {programme.code} ({years}) berhorizon '{programme.horizon}', tetapi menurut {HORIZON_FILE} "
                f"program yang selesai {programme.end_year} dalam {len(programme.years)} tahun termasuk "
                f"'{expected.key}' ({expected.name}, {expected.label}). Ubah horizonnya menjadi {expected.key} "
                "atau sesuaikan tahunnya.")


def actions_cover(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-RENCANA-AKSI: a programme has rencana aksi rows inside its years covering every year; an
    operation row (``tahap: operasi``) runs what was built, so it starts after the programme's last year
    and ends within the plan period."""
    rule = "LOGIKA-RENCANA-AKSI"
    for programme in logic.catalogue.programmes:
        links = logic.links[programme.code]
        line = links.line("rencana_aksi")
        if not links.actions:
            yield PROGRAMMES, line, rule, (f"Program {programme.code} belum memiliki rencana aksi. Tulis "
                                           "'rencana_aksi:' dengan baris {tahun, kegiatan, keluaran, target}.")
            continue
        covered = set()
        for action in links.actions:
            if action.operation:
                if action.end < action.start or action.start <= programme.end_year \
                        or action.end > logic.catalogue.end_year:
                    yield PROGRAMMES, line, rule, (
                        f"Program {programme.code}: rencana aksi operasi {action.label} harus dimulai setelah program "
                        f"selesai ({programme.end_year}) dan berakhir paling lambat {logic.catalogue.end_year}. "
                        "Kegiatan di dalam tahun program ditulis tanpa 'tahap: operasi'.")
                continue
            if action.end < action.start or action.start < programme.start_year or action.end > programme.end_year:
                yield PROGRAMMES, line, rule, (f"Program {programme.code}: rencana aksi {action.label} di luar tahun "
                                               f"program {programme.start_year}–{programme.end_year}. Kegiatan "
                                               "menjalankan hasil program setelah selesai ditulis dengan 'tahap: operasi'.")
            covered.update(range(action.start, action.end + 1))
        gaps = [year for year in programme.years if year not in covered]
        if gaps:
            yield PROGRAMMES, line, rule, (f"Program {programme.code}: tahun {', '.join(map(str, gaps))} belum "
                                           "memiliki rencana aksi. Tambahkan kegiatan untuk tahun itu.")



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
            problem = "sudah ada" if number in seen else f"tidak ada di {MISSION_FILE}"
            yield ALIGNMENT_FILE, line, rule, (f"Baris misi {number} {problem}. Tulis satu baris untuk setiap "
                                               f"misi {', '.join(map(str, numbers))}.")
        elif len(cells) != len(alignment.columns):
            yield ALIGNMENT_FILE, line, rule, (
                f"Baris misi {number} berisi {len(cells)} sel, padahal kolomnya {len(alignment.columns)} "
                f"({'; '.join(alignment.columns)}). Isi satu sel untuk setiap kolom; tulis 'Belum dapat "
                "dipetakan' bila belum diketahui.")
        seen.add(number)
    for number in (n for n in numbers if n not in seen):
        yield ALIGNMENT_FILE, alignment.line, rule, f"Misi {number} belum memiliki baris di {ALIGNMENT_FILE}. Tambahkan '- misi: {number}'."
