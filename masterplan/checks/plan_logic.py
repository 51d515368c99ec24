"""Checks of the plan's logic: the chain isu → misi → sasaran → program → indikator, the horizons and
phases, rencana aksi (those in :mod:`masterplan.checks.logic_chain`), targets and milestones
(:mod:`masterplan.checks.logic_targets`), the quick-win criteria, the TOWS
strategies, what the prose says of the data (:mod:`masterplan.checks.logic_prose`), and the
edition the prose names (:mod:`masterplan.checks.edition_prose`).

Each rule is one small generator over a :class:`~masterplan.model.plan_logic.PlanLogic` that yields
``(path, line, rule, message)``; :func:`check` runs them all and returns :class:`Problem` objects with
the severity from ``rules.yml`` and the help reference, so ``scripts/validate.py`` and the build print
the same messages. Messages say, in Bahasa Indonesia, what is wrong and how to fix it, worded by the
rules' ``teks`` in rules.yml.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from masterplan.checks.logic_chain import (Finding, actions_cover, alignment_complete, baselines_owned, goals_measured,
                                           horizons_agree, indicators_moved, issues_answered, missions_match,
                                           phases_tile, programme_line, programmes_answer, programmes_move,
                                           references)
from masterplan.checks.logic_targets import (kpbu_in_last_phase, milestones_in_programmes, services_operated,
                                             programme_targets_agree, targets_have_active_programmes,
                                             targets_wait_for_baselines)
from masterplan.checks import edition_prose, logic_prose, plan_dates
from masterplan.model import documents, rules as rules_module, stage_dates
from masterplan.model.plan_logic import HORIZON_FILE, SWOT_FILE, TOWS, PlanLogic, load_plan_logic
from masterplan.model.problems import EDITORS_GUIDE, ERROR, Problem, help_reference, help_url
from masterplan.model.programmes import PROGRAMMES, Catalogue, load_catalogue
from masterplan.model.rules import message
from masterplan.model.sources import read_text, shown_path

if TYPE_CHECKING:
    from masterplan.model.result_cache import ResultCache

# The rules of this module, named once for the findings and their texts in rules.yml.
QUICK_WINS = "LOGIKA-QUICK-WIN"
STRATEGIES = "LOGIKA-STRATEGI"

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
    dimension_of = {p.code: p.dimension for p in logic.catalogue.programmes}
    for programme in logic.catalogue.programmes:
        if logic.strategies_of(programme.code):
            continue
        # At the programme, which the editor has just added (in the pull request's diff), not at swot.yml.
        kin = next(((s, code) for s in logic.strategies for code in s.programmes
                    if dimension_of.get(code) == programme.dimension), None)
        example = message(STRATEGIES, "contoh_strategi", strategi=kin[0].code, baris=kin[0].line,
                          program=kin[1]) if kin else ""
        yield PROGRAMMES, programme_line(logic, programme.code), STRATEGIES, message(
            STRATEGIES, "program_tanpa_strategi", kode=programme.code, contoh=example)


# ---------------------------------------------------------------------------------------------------
# Running everything
# ---------------------------------------------------------------------------------------------------

RULES = (references, alignment_complete, issues_answered, programmes_answer, programmes_move, indicators_moved, goals_measured,
         baselines_owned, targets_wait_for_baselines, programme_targets_agree, targets_have_active_programmes,
         missions_match, phases_tile,
         horizons_agree, milestones_in_programmes, actions_cover, quick_wins_kept, strategies_sound,
         kpbu_in_last_phase, services_operated)


def findings(logic: PlanLogic, pages: list[documents.Document] = ()) -> list[Finding]:
    """Every finding of every rule for ``logic`` and what the prose of ``pages`` says of the data."""
    found = [finding for rule in RULES for finding in rule(logic)]
    return found + logic_prose.findings(logic, list(pages))


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
    page_rules = [logic_prose.page_rule(logic), *filter(None, [edition_prose.page_rule(root)])]
    found = findings(logic) + _page_findings(page_rules, paths, root, memo)
    return logic, to_problems(found + plan_dates.findings(root, logic))
