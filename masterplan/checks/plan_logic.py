"""Checks of the plan's logic: the chain isu → misi → sasaran → program → indikator, the horizons and
phases, rencana aksi (those in :mod:`masterplan.checks.logic_chain`), targets and milestones
(:mod:`masterplan.checks.logic_targets`), the quick-win criteria, the TOWS
strategies, counts written in the prose, and the edition the prose names
(:mod:`masterplan.checks.edition_prose`).

Each rule is one small generator over a :class:`~masterplan.model.plan_logic.PlanLogic` that yields
``(path, line, rule, message)``; :func:`check` runs them all and returns :class:`Problem` objects with
the severity from ``rules.yml`` and the help reference, so ``scripts/validate.py`` and the build print
the same messages. Messages say, in Bahasa Indonesia, what is wrong and how to fix it, worded by the
rules' ``teks`` in rules.yml.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from masterplan.checks.logic_chain import (Finding, actions_cover, alignment_complete, baselines_owned, goals_measured,
                                           horizons_agree, indicators_moved, issues_answered, missions_match,
                                           phases_tile, programme_line, programmes_answer, programmes_move,
                                           references)
from masterplan.checks.logic_targets import (kpbu_in_last_phase, milestones_in_programmes, services_operated,
                                             programme_targets_agree, targets_have_active_programmes,
                                             targets_wait_for_baselines)
from masterplan.checks import edition_prose, plan_dates
from masterplan.model import documents, rules as rules_module, stage_dates
from masterplan.model.plan_logic import HORIZON_FILE, SWOT_FILE, TOWS, PlanLogic, load_plan_logic
from masterplan.model.problems import EDITORS_GUIDE, ERROR, Problem, help_reference, help_url
from masterplan.model.programmes import PROGRAMMES, Catalogue, load_catalogue
from masterplan.model.rules import message
from masterplan.model.result_cache import text_of
from masterplan.model.sources import read_text, shown_path

if TYPE_CHECKING:
    from masterplan.model.result_cache import ResultCache

# The rules of this module, named once for the findings and their texts in rules.yml.
QUICK_WINS = "LOGIKA-QUICK-WIN"
STRATEGIES = "LOGIKA-STRATEGI"
COUNTS = "LOGIKA-HITUNGAN"

# ---------------------------------------------------------------------------------------------------
# Quick wins
# ---------------------------------------------------------------------------------------------------

def _full_without_baseline(programme) -> bool:
    return (programme.unit.startswith("persen") and isinstance(programme.target, (int, float))
            and programme.target >= 100 and not isinstance(programme.baseline, (int, float)))


def quick_wins_kept(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-QUICK-WIN: the quick-win criteria in data/horizon.yml (how many, per dimension, how long,
    what kind, no full target without baseline, complete profile, a success target) are kept: a quick
    win whose indicator target waits for the baseline names a process target in its profile, or nothing
    would say at the end of its year whether it succeeded."""
    rules = logic.quick_win
    chosen = [p for p in logic.catalogue.programmes if p.quick_win]
    per_dimension: Counter = Counter()
    for index, programme in enumerate(chosen, start=1):
        line = programme_line(logic, programme.code, "horizon")
        per_dimension[programme.dimension] += 1
        if index == rules.most + 1:
            yield PROGRAMMES, line, QUICK_WINS, message(
                QUICK_WINS, "terlalu_banyak", berkas=HORIZON_FILE, jumlah=len(chosen), maks=rules.most,
                kode=programme.code)
        if per_dimension[programme.dimension] == rules.per_dimension + 1:
            yield PROGRAMMES, line, QUICK_WINS, message(
                QUICK_WINS, "per_dimensi", kode=programme.code, maks=rules.per_dimension,
                dimensi=logic.catalogue.dimensions[programme.dimension].name)
        if len(programme.years) > rules.longest:
            yield PROGRAMMES, line, QUICK_WINS, message(
                QUICK_WINS, "terlalu_lama", kode=programme.code, maks=rules.longest)
        if programme.action_type in rules.forbidden:
            yield PROGRAMMES, programme_line(logic, programme.code, "jenis_rencana_aksi"), QUICK_WINS, message(
                QUICK_WINS, "jenis_dilarang", kode=programme.code, jenis=programme.action_type)
        if not rules.full_without_baseline and _full_without_baseline(programme):
            yield PROGRAMMES, programme_line(logic, programme.code, "indikator"), QUICK_WINS, message(
                QUICK_WINS, "target_tanpa_baseline", kode=programme.code, target=f"{programme.target:g}")
        profile = logic.links[programme.code].profile
        missing = [name for name in rules.profile if profile is None or not _filled(profile, name)]
        if "layanan_yang_ada" in missing:
            missing.remove("layanan_yang_ada")
            yield PROGRAMMES, programme_line(logic, programme.code, "profil_quick_win"), QUICK_WINS, message(
                QUICK_WINS, "tanpa_layanan", kode=programme.code)
        if programme.target is None and profile is not None and not profile.process_target:
            yield PROGRAMMES, programme_line(logic, programme.code, "profil_quick_win"), QUICK_WINS, message(
                QUICK_WINS, "tanpa_target_proses", kode=programme.code)
        if missing:
            yield PROGRAMMES, programme_line(logic, programme.code, "profil_quick_win"), QUICK_WINS, message(
                QUICK_WINS, "profil_belum_lengkap", kode=programme.code, kolom=", ".join(missing))


def _filled(profile, name: str) -> bool:
    field = {"masalah": "problem", "penerima_manfaat": "beneficiaries", "jadwal": "schedule",
             "mata_anggaran": "budget_line", "risiko": "risks", "layanan_yang_ada": "existing_service"}[name]
    return bool(getattr(profile, field))


# ---------------------------------------------------------------------------------------------------
# TOWS strategies
# ---------------------------------------------------------------------------------------------------

def strategies_sound(logic: PlanLogic) -> Iterator[Finding]:
    """LOGIKA-STRATEGI: a strategy combines both sides of its TOWS quadrant and its code names the
    quadrant; every programme carries out at least one strategy."""
    for strategy in logic.strategies:
        inner, outer = TOWS[strategy.quadrant]
        sides = {code[0] for code in strategy.swot}
        if not strategy.code.startswith(strategy.quadrant + "-") or inner not in sides or outer not in sides:
            yield SWOT_FILE, strategy.line, STRATEGIES, message(
                STRATEGIES, "kuadran", strategi=strategy.code, jenis=strategy.quadrant, dalam=inner, luar=outer)
    for programme in logic.catalogue.programmes:
        if not logic.strategies_of(programme.code):
            yield SWOT_FILE, 1, STRATEGIES, message(STRATEGIES, "program_tanpa_strategi", kode=programme.code)


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


@lru_cache(maxsize=16384)
def _claims(text: str) -> tuple[tuple[str, str, str], ...]:
    """``(claim, number, noun)`` of each count written in ``text``: searched once per text in a process,
    because every check of one file reads the prose of every page again (most of that check's time)."""
    return tuple((m.group(0), m.group("number"), m.group("noun")) for m in _CLAIM.finditer(text))


def spoken_number(text: str) -> int | None:
    """The value of ``52``, ``lima puluh dua``, ``kesepuluh``, ``dua belas`` or ``sebelas``; None otherwise."""
    words = text.lower().split()
    if not words:
        return None
    if words[0].isdigit():
        return int(words[0])
    if words[0].startswith("ke") and words[0] not in _UNITS and words[0][2:] in (*_UNITS, "sepuluh", "sebelas"):
        words = [words[0][2:], *words[1:]]  # "kesepuluh", "ketiga belas", "kedua puluh"
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
        "isu": {len(logic.issues), sum(i.kind == "pemungkin" for i in logic.issues.values())},
        "indikator": {len(logic.indicators)} | set(Counter(i.goal[0] for i in logic.indicators.values()).values()),
        "sasaran": {len(logic.goals)} | {len(m.goals) for m in logic.missions},
        "strategi": {len(logic.strategies)} | set(Counter(s.quadrant for s in logic.strategies).values()),
    }
    counts["program"] |= counts["quick win"]
    return counts


def prose_counts(logic: PlanLogic, pages: list[documents.Document]) -> Iterator[Finding]:
    """LOGIKA-HITUNGAN: a number of programmes, quick wins, issues, indicators, sasaran or strategies
    written in the text must be a count the data supports (:func:`valid_counts`)."""
    return _claims_against(valid_counts(logic), pages)


def _claims_against(allowed: dict[str, set[int]], pages: list[documents.Document]) -> Iterator[Finding]:
    for page in pages:
        for token, line in page.inline_tokens():
            if token.type != "text":
                continue
            for claim, number, noun_written in _claims(token.content):
                noun = _NOUNS[noun_written.lower()]
                value = spoken_number(number)
                if value is None or value < 2 or 1900 <= value <= 2100:  # "satu program", "pada 2024 program"
                    continue
                if value not in allowed[noun]:
                    total = max(allowed[noun])
                    yield page.path, line, COUNTS, message(
                        COUNTS, "angka_tidak_sesuai", klaim=claim, total=total, jenis=noun, nilai=value)


# ---------------------------------------------------------------------------------------------------
# Running everything
# ---------------------------------------------------------------------------------------------------

RULES = (references, alignment_complete, issues_answered, programmes_answer, programmes_move, indicators_moved, goals_measured,
         baselines_owned, targets_wait_for_baselines, programme_targets_agree, targets_have_active_programmes,
         missions_match, phases_tile,
         horizons_agree, milestones_in_programmes, actions_cover, quick_wins_kept, strategies_sound,
         kpbu_in_last_phase, services_operated)


def findings(logic: PlanLogic, pages: list[documents.Document] = ()) -> list[Finding]:
    """Every finding of every rule for ``logic`` and the prose of ``pages``."""
    found = [finding for rule in RULES for finding in rule(logic)]
    return found + list(prose_counts(logic, list(pages)))


def _page_findings(rules: list, paths: list[Path], root: Path, memo: ResultCache | None) -> list[Finding]:
    """The findings of each per-page rule ``(kind, key, rule)`` (``rule(document)`` yields findings) on
    the pages at ``paths``, each page read once and parsed at most once. With ``memo`` (the build's) a
    rule's findings on a page are kept between builds under the page's path and text and the rule's
    ``key`` (all it reads of the data): a pull request that rewords a programme does not count every page
    again."""
    found: list[Finding] = []
    for path in paths:
        shown = shown_path(path, root)
        text = read_text(path, shown)
        if isinstance(text, Problem):  # the editors' checks report the unreadable file
            continue
        parsed = cache(lambda text=text, shown=shown: documents.parse(text, shown))
        for kind, key, rule in rules:
            if memo is None:
                found += rule(parsed())
                continue
            found += memo.get(kind, (shown, text, key), lambda rule=rule, parsed=parsed: list(rule(parsed())),
                              lambda kept: [list(finding) for finding in kept], lambda kept: [tuple(f) for f in kept])
    return found


def reports(stages: list[Problem], found: list[Problem]) -> list[tuple[str, list[Problem]]]:
    """How the build reports the workshop stages' problems (``stages``, TAHAPAN-DATA) and :func:`check`'s
    ``found``: ``(title, problems)`` in the order to stop on, each titled by what is wrong, and a group
    only when it holds an error (warnings are the editors' checks' to report). First the stages' file with
    its dates (TAHAPAN-TANGGAL), which set the edition year the logic is judged by; then the prose naming
    another edition (TAHAP-EDISI); then the plan's logic."""
    dates = stages + [p for p in found if p.rule == stage_dates.DATES]
    edition = [p for p in found if p.rule == edition_prose.RULE]
    logic = [p for p in found if p not in dates and p not in edition]
    groups = [(f"Data tahapan Bimtek ({stage_dates.STAGES_FILE}) belum benar", dates),
              ("Teks naskah menyebut edisi lain daripada yang diterbitkan (mkdocs.yml, extra.rencana.tahap)", edition),
              ("Logika rencana (isu, misi, sasaran, program, indikator) belum benar", logic)]
    return [(title, group) for title, group in groups if any(p.severity == ERROR for p in group)]


def to_problems(found: list[Finding]) -> list[Problem]:
    """Findings as :class:`Problem` with severity from rules.yml and the pointer to the help page
    (added once: messages from the shared reader already carry it)."""
    registry = rules_module.load()
    return sorted(Problem(path, line, 0, rule, text if help_url() in text
                          else f"{text} {help_reference(rule)}", registry.severity(rule))
                  for path, line, rule, text in found)


def check(root: Path, docs_dir: Path | None = None, catalogue: Catalogue | None = None,
          memo: ResultCache | None = None) -> tuple[PlanLogic | None, list[Problem]]:
    """Read the programme and logic data of the repository at ``root``, run every rule, and check the
    counts in the prose of ``docs_dir`` (default ``root/docs``). Returns ``(logic, problems)``; ``logic``
    is None when the data cannot be read (the problems say why). Never raises for bad data.
    ``catalogue``: the programme data already read and found valid (the build reads it once); ``memo``:
    the build's answers kept between builds (schema verdicts, the counts in each page's prose)."""
    if catalogue is None:
        catalogue, problems = load_catalogue(root, memo=memo)
        if catalogue is None:
            return None, problems
    logic, problems = load_plan_logic(root, catalogue, memo)
    if logic is None:
        return None, to_problems([(p.path, p.line, "LOGIKA-SKEMA", p.message) for p in problems])
    docs_dir = docs_dir or root / "docs"
    paths = [path for path in sorted(docs_dir.rglob("*.md"))
             if not path.relative_to(docs_dir).as_posix().startswith(EDITORS_GUIDE)]
    allowed = valid_counts(logic)
    counts = text_of({noun: sorted(values) for noun, values in allowed.items()})
    page_rules = [("logika-hitungan", counts, lambda document: _claims_against(allowed, [document])),
                  *filter(None, [edition_prose.page_rule(root)])]
    found = findings(logic) + _page_findings(page_rules, paths, root, memo)
    return logic, to_problems(found + plan_dates.findings(root, logic))
