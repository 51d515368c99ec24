"""Checks of the plan's logic: the chain isu → misi → sasaran → program → indikator, the horizons and
phases, rencana aksi, the quick-win criteria, the TOWS strategies, and counts written in the prose.

Each rule is one small generator over a :class:`~masterplan.model.plan_logic.PlanLogic` that yields
``(path, line, rule, message)``; :func:`check` runs them all and returns :class:`Problem` objects with
the severity from ``rules.yml`` and the help reference, so ``scripts/validate.py`` and the build print
the same messages. Messages say, in Bahasa Indonesia, what is wrong and how to fix it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from masterplan.model import documents, rules as rules_module, stage_dates
from masterplan.model.plan_logic import (INDICATOR_FILE, ISSUE_FILE, MISSING, MISSION_FILE, SWOT_FILE,
                                         HORIZON_FILE, TOWS, PlanLogic, load_plan_logic)
from masterplan.model.problems import Problem, help_reference
from masterplan.model.programmes import PROGRAMMES, Catalogue, load_catalogue
from masterplan.model.sources import read_yaml

Finding = tuple[str, int, str, str]  # (path, line, rule, message)


def _programme_line(logic: PlanLogic, code: str, field: str = "kode") -> int:
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
    """LOGIKA-ISU-PROGRAM: every priority issue is answered by at least one programme."""
    for issue in logic.issues.values():
        if issue.priority and not logic.programmes_answering(issue.number):
            yield ISSUE_FILE, issue.line, "LOGIKA-ISU-PROGRAM", (
                f"Isu prioritas {issue.number} ({issue.title}) belum dijawab program mana pun. Tambahkan "
                f"'{issue.number}' ke kolom isu program yang menjawabnya di {PROGRAMMES}, tambahkan program baru, "
                "atau ubah 'prioritas: false' dengan 'ditangani_di' yang menyebut bagian dokumen yang menanganinya.")


def programmes_answer(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-PROGRAM-ISU: every programme answers at least one strategic issue."""
    for programme in logic.catalogue.programmes:
        if not logic.links[programme.code].issues:
            yield PROGRAMMES, _programme_line(logic, programme.code, "isu"), "LOGIKA-PROGRAM-ISU", (
                f"Program {programme.code} belum menjawab isu strategis mana pun. Tulis 'isu: [nomor]' pada program "
                f"ini dengan nomor isu dari {ISSUE_FILE} (mis. isu: [5]), atau hapus program yang tidak menjawab isu.")


def programmes_move(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-PROGRAM-INDIKATOR: every programme moves at least one sasaran indicator."""
    for programme in logic.catalogue.programmes:
        if not logic.links[programme.code].indicators:
            yield PROGRAMMES, _programme_line(logic, programme.code, "indikator_sasaran"), "LOGIKA-PROGRAM-INDIKATOR", (
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
    priority issue belongs to a mission."""
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
        if issue.priority and issue.number not in in_missions:
            yield ISSUE_FILE, issue.line, rule, f"Isu prioritas {issue.number} tidak dijawab misi mana pun di {MISSION_FILE}."


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
        line = _programme_line(logic, programme.code, "horizon")
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
    """LOGIKA-RENCANA-AKSI: a programme has rencana aksi rows inside its years covering every year."""
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
            if action.end < action.start or action.start < programme.start_year or action.end > programme.end_year:
                yield PROGRAMMES, line, rule, (f"Program {programme.code}: rencana aksi {action.label} di luar tahun "
                                               f"program {programme.start_year}–{programme.end_year}.")
            covered.update(range(action.start, action.end + 1))
        gaps = [year for year in programme.years if year not in covered]
        if gaps:
            yield PROGRAMMES, line, rule, (f"Program {programme.code}: tahun {', '.join(map(str, gaps))} belum "
                                           "memiliki rencana aksi. Tambahkan kegiatan untuk tahun itu.")


# ---------------------------------------------------------------------------------------------------
# Quick wins
# ---------------------------------------------------------------------------------------------------

def _full_without_baseline(programme) -> bool:
    return (programme.unit.startswith("persen") and programme.target >= 100
            and not isinstance(programme.baseline, (int, float)))


def quick_wins_kept(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-QUICK-WIN: the quick-win criteria in data/horizon.yml (how many, per dimension, how long,
    what kind, no full target without baseline, complete profile) are kept."""
    rule = "LOGIKA-QUICK-WIN"
    rules = logic.quick_win
    chosen = [p for p in logic.catalogue.programmes if p.quick_win]
    per_dimension: Counter = Counter()
    for index, programme in enumerate(chosen, start=1):
        line = _programme_line(logic, programme.code, "horizon")
        per_dimension[programme.dimension] += 1
        if index == rules.most + 1:
            yield PROGRAMMES, line, rule, (
                f"Terlalu banyak quick win: {len(chosen)}, paling banyak {rules.most} ({HORIZON_FILE}, quick_win). "
                f"Pilih yang paling unggul; ubah horizon program lain menjadi pendek atau menengah "
                f"(kelebihan mulai dari {programme.code}).")
        if per_dimension[programme.dimension] == rules.per_dimension + 1:
            yield PROGRAMMES, line, rule, (
                f"Program {programme.code}: dimensi {logic.catalogue.dimensions[programme.dimension].name} sudah "
                f"memiliki {rules.per_dimension} quick win (batas per dimensi). Pilih satu.")
        if len(programme.years) > rules.longest:
            yield PROGRAMMES, line, rule, (f"Program {programme.code}: quick win paling lama {rules.longest} tahun.")
        if programme.action_type in rules.forbidden:
            yield PROGRAMMES, _programme_line(logic, programme.code, "jenis_rencana_aksi"), rule, (
                f"Program {programme.code}: quick win tidak boleh berjenis {programme.action_type} (kriteria: mempertajam "
                "layanan yang ada, bukan membangun infrastruktur baru). Ubah horizonnya menjadi pendek atau menengah.")
        if not rules.full_without_baseline and _full_without_baseline(programme):
            yield PROGRAMMES, _programme_line(logic, programme.code, "indikator"), rule, (
                f"Program {programme.code}: target {programme.target:g} persen dalam satu tahun tanpa baseline tidak "
                "dapat dipertanggungjawabkan. Ukur baseline dulu, turunkan target, atau jangan jadikan quick win.")
        profile = logic.links[programme.code].profile
        missing = [name for name in rules.profile if profile is None or not _filled(profile, name)]
        if missing:
            yield PROGRAMMES, _programme_line(logic, programme.code, "profil_quick_win"), rule, (
                f"Program {programme.code}: profil quick win belum lengkap ({', '.join(missing)}). Lengkapi "
                "'profil_quick_win:' pada program ini.")


def _filled(profile, name: str) -> bool:
    field = {"masalah": "problem", "penerima_manfaat": "beneficiaries", "jadwal": "schedule",
             "mata_anggaran": "budget_line", "risiko": "risks"}[name]
    return bool(getattr(profile, field))


# ---------------------------------------------------------------------------------------------------
# TOWS strategies
# ---------------------------------------------------------------------------------------------------

def strategies_sound(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-STRATEGI: a strategy combines both sides of its TOWS quadrant and its code names the
    quadrant; every programme carries out at least one strategy."""
    rule = "LOGIKA-STRATEGI"
    for strategy in logic.strategies:
        inner, outer = TOWS[strategy.quadrant]
        sides = {code[0] for code in strategy.swot}
        if not strategy.code.startswith(strategy.quadrant + "-") or inner not in sides or outer not in sides:
            yield SWOT_FILE, strategy.line, rule, (
                f"Strategi {strategy.code} berjenis {strategy.quadrant}: kodenya diawali '{strategy.quadrant}-' dan "
                f"'swot'-nya memuat paling sedikit satu butir {inner} dan satu butir {outer}.")
    for programme in logic.catalogue.programmes:
        if not logic.strategies_of(programme.code):
            yield SWOT_FILE, 1, rule, (f"Program {programme.code} tidak berasal dari strategi TOWS mana pun. "
                                       "Tambahkan kodenya ke 'program' strategi yang melahirkannya.")


# ---------------------------------------------------------------------------------------------------
# Counts written in the prose
# ---------------------------------------------------------------------------------------------------

_UNITS = {"satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
          "sembilan": 9}
_WORD = r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
_NUMBER = (rf"(?:\d+|(?:ke)?(?:{_WORD}\s+puluh(?:\s+{_WORD})?|{_WORD}\s+belas|sepuluh|sebelas|{_WORD}"
           r"|(?<=ke)sepuluh|se(?:puluh|belas)))")
# Nouns whose counts are the plan's own (a "misi" count would also match the RPJMD's nine missions).
_NOUNS = {"program quick win": "quick win", "quick win": "quick win", "usulan program": "program",
          "program": "program", "isu strategis": "isu", "indikator sasaran": "indikator",
          "sasaran": "sasaran", "strategi": "strategi"}
_CLAIM = re.compile(rf"(?<![\w-])(?P<number>{_NUMBER})\s+(?P<noun>{'|'.join(sorted(_NOUNS, key=len, reverse=True))})\b",
                    re.IGNORECASE)


def spoken_number(text: str) -> int | None:
    """The value of ``52``, ``lima puluh dua``, ``kesepuluh``, ``dua belas`` or ``sebelas``; None otherwise."""
    words = text.lower().split()
    if not words:
        return None
    if words[0].isdigit():
        return int(words[0])
    if words[0].startswith("ke") and len(words) == 1 and words[0] not in _UNITS:
        words = [words[0][2:]]
    first = words[0]
    if first == "sepuluh":
        return 10
    if first == "sebelas":
        return 11
    if len(words) >= 2 and words[1] == "belas":
        return 10 + _UNITS[first]
    if len(words) >= 2 and words[1] == "puluh":
        return 10 * _UNITS[first] + (_UNITS[words[2]] if len(words) > 2 else 0)
    return _UNITS.get(first)


def valid_counts(logic: PlanLogic) -> dict[str, set[int]]:
    """Every count of each noun the data supports: the total and each subtotal a sentence may state
    (per dimension, horizon, kind of rencana aksi, phase, office, year, quadrant, mission)."""
    programmes = logic.catalogue.programmes
    groups = [Counter(p.dimension for p in programmes), Counter(p.horizon for p in programmes),
              Counter(p.action_type for p in programmes), Counter(p.lead_office for p in programmes),
              Counter(year for p in programmes for year in p.years),
              Counter(phase.key for p in programmes for phase in logic.phases if phase.start <= p.end_year <= phase.end)]
    quick = [p for p in programmes if p.quick_win]
    counts = {
        "program": {len(programmes)} | {n for group in groups for n in group.values()},
        "quick win": {len(quick)} | set(Counter(p.dimension for p in quick).values())
        | set(Counter(p.start_year for p in quick).values()),
        "isu": {len(logic.issues), sum(i.priority for i in logic.issues.values()),
                sum(i.kind == "pemungkin" for i in logic.issues.values())},
        "indikator": {len(logic.indicators)} | set(Counter(i.goal[0] for i in logic.indicators.values()).values()),
        "sasaran": {len(logic.goals)} | {len(m.goals) for m in logic.missions},
        "strategi": {len(logic.strategies)} | set(Counter(s.quadrant for s in logic.strategies).values()),
    }
    counts["program"] |= counts["quick win"]
    return counts


def prose_counts(logic: PlanLogic, pages: list[documents.Document]) -> Iterator[Finding]:
    """LOGIKA-HITUNGAN: a number of programmes, quick wins, issues, indicators, sasaran or strategies
    written in the text must be a count the data supports (:func:`valid_counts`)."""
    allowed = valid_counts(logic)
    for page in pages:
        for token, line in page.inline_tokens():
            if token.type != "text":
                continue
            for match in _CLAIM.finditer(token.content):
                noun = _NOUNS[match.group("noun").lower()]
                value = spoken_number(match.group("number"))
                if value is None or value < 2 or 1900 <= value <= 2100:  # "satu program", "pada 2024 program"
                    continue
                if value not in allowed[noun]:
                    total = max(allowed[noun])
                    yield page.path, line, "LOGIKA-HITUNGAN", (
                        f"Teks menyebut '{match.group(0)}', tetapi data mencatat {total} {noun} seluruhnya dan tidak ada "
                        f"kelompok berjumlah {value}. Perbaiki angkanya sesuai data atau pakai tabel yang dibuat dari "
                        "data (mis. [[ringkasan-program]]).")


# ---------------------------------------------------------------------------------------------------
# Running everything
# ---------------------------------------------------------------------------------------------------

RULES = (references, issues_answered, programmes_answer, programmes_move, indicators_moved, goals_measured,
         baselines_owned, missions_match, phases_tile, horizons_agree, actions_cover, quick_wins_kept,
         strategies_sound)


def findings(logic: PlanLogic, pages: list[documents.Document] = ()) -> list[Finding]:
    """Every finding of every rule for ``logic`` and the prose of ``pages``."""
    found = [finding for rule in RULES for finding in rule(logic)]
    return found + list(prose_counts(logic, list(pages)))


def stage_dates_known(root: Path) -> Iterator[Finding]:
    """TAHAPAN-TANGGAL: every workshop stage has a document date with a year (printed on the cover and
    under the Kata Pengantar when that stage is published). A file that cannot be read is reported once,
    by the stage checks (YAML-SALAH), not again for each stage."""
    if read_yaml(root / stage_dates.STAGES_FILE, stage_dates.STAGES_FILE).problems:
        return
    for stage in range(1, 5):
        try:
            stage_dates.stage_date(root, stage)
        except ValueError as error:
            yield stage_dates.STAGES_FILE, 1, "TAHAPAN-TANGGAL", str(error)


def to_problems(found: list[Finding]) -> list[Problem]:
    """Findings as :class:`Problem` with severity from rules.yml and the pointer to the help page
    (added once: messages from the shared reader already carry it)."""
    registry = rules_module.load()
    return sorted(Problem(path, line, 0, rule, message if "Lihat panduan:" in message
                          else f"{message} {help_reference(rule)}", registry.severity(rule))
                  for path, line, rule, message in found)


def check(root: Path, docs_dir: Path | None = None, catalogue: Catalogue | None = None
          ) -> tuple[PlanLogic | None, list[Problem]]:
    """Read the programme and logic data of the repository at ``root``, run every rule, and check the
    counts in the prose of ``docs_dir`` (default ``root/docs``). Returns ``(logic, problems)``; ``logic``
    is None when the data cannot be read (the problems say why). Never raises for bad data.
    ``catalogue``: the programme data already read and found valid (the build reads it once)."""
    if catalogue is None:
        catalogue, problems = load_catalogue(root)
        if catalogue is None:
            return None, problems
    logic, problems = load_plan_logic(root, catalogue)
    if logic is None:
        return None, to_problems([(p.path, p.line, "LOGIKA-SKEMA", p.message) for p in problems])
    docs_dir = docs_dir or root / "docs"
    pages = [documents.load(path, root) for path in sorted(docs_dir.rglob("*.md"))
             if not path.relative_to(docs_dir).as_posix().startswith("panduan/")]
    return logic, to_problems(findings(logic, pages) + list(stage_dates_known(root)))

