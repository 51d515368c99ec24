"""The types of the plan's logic (:mod:`masterplan.model.plan_logic` reads the files into them): horizons
and phases, SWOT items and TOWS strategies, ranked strategic issues, missions with their sasaran,
indicators with baselines and targets, and the links of every programme; :class:`PlanLogic` holds them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from masterplan.model import programmes

SWOT_KINDS = {"K": "Kekuatan", "L": "Kelemahan", "P": "Peluang", "A": "Ancaman"}


@dataclass(frozen=True)
class Span:
    """A horizon or a roadmap phase: ``key``, ``name``, first and last calendar year (both included),
    the longest programme it holds in years (horizons only; None for phases), its focus and file line."""

    key: str
    name: str
    start: int
    end: int
    longest: int | None
    focus: str
    line: int

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)

    @property
    def label(self) -> str:
        """``2025–2029`` (en dash) or ``2025``."""
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"


@dataclass(frozen=True)
class QuickWinRules:
    """The plan's own quick-win criteria from ``data/horizon.yml``: at most ``most`` quick wins in all,
    ``per_dimension`` per dimension, each at most ``longest`` years, none of the rencana-aksi kinds in
    ``forbidden``; ``full_without_baseline``: whether a 100 % target without baseline is allowed;
    ``profile``: the profile fields every quick win must fill."""

    most: int
    per_dimension: int
    longest: int
    forbidden: tuple
    full_without_baseline: bool
    profile: tuple
    line: int


@dataclass(frozen=True)
class SwotItem:
    """One SWOT item: ``code`` (K1, L3, P2, A1), title, text, where in BAB III it comes from, ``weight``
    1–3 (the team's proposal), optional source, file line."""

    code: str
    title: str
    text: str
    origin: str
    weight: int
    source: str
    line: int

    @property
    def kind(self) -> str:
        """``Kekuatan``, ``Kelemahan``, ``Peluang`` or ``Ancaman``."""
        return SWOT_KINDS[self.code[0]]


@dataclass(frozen=True)
class Strategy:
    """A TOWS strategy: ``code`` (SO-1), ``quadrant`` (SO, ST, WO, WT), its wording, the SWOT codes it
    combines and the programme codes that carry it out."""

    code: str
    quadrant: str
    text: str
    swot: tuple
    programmes: tuple
    line: int


@dataclass(frozen=True)
class Issue:
    """A strategic issue: ``number`` is its rank; ``swot`` the codes it comes from; ``kind`` pemungkin
    (enabler) or pokok. Every ranked issue must be answered by a programme (LOGIKA-ISU-PROGRAM)."""

    number: int
    title: str
    text: str
    swot: tuple
    kind: str
    line: int


@dataclass(frozen=True)
class Goal:
    """A sasaran: ``code`` such as ``5.1``, the dimension element it serves, its wording, its mission."""

    code: str
    element: str
    text: str
    mission: int
    line: int


@dataclass(frozen=True)
class Mission:
    """A mission: number, the dimension it serves, wording, the issue numbers it answers, its purpose
    (tujuan) and its sasaran."""

    number: int
    dimension: str
    text: str
    issues: tuple
    purpose: str
    goals: tuple
    line: int


@dataclass(frozen=True)
class Baseline:
    """An indicator's baseline: ``value`` with ``year`` and ``source``; or, while missing, the ``office``
    that must supply it (``value`` None)."""

    value: object
    year: int | None
    source: str
    office: str

    @property
    def missing(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Indicator:
    """An indicator of a sasaran (``code`` 1.1a → sasaran ``goal`` 1.1): name, unit, baseline, targets
    per horizon key (``pendek``, ``menengah``, ``panjang``; None when not yet set), the SNI ISO 37122
    clause when established (else empty), the reference defining it, file line."""

    code: str
    name: str
    unit: str
    baseline: Baseline
    targets: dict
    iso: str
    reference: str
    line: int

    @property
    def goal(self) -> str:
        return self.code[:-1]


@dataclass(frozen=True)
class Action:
    """One row of a programme's rencana aksi: years ``start``–``end``, activity, output, target, and the
    office carrying it out (the programme's lead office unless the row names another). ``operation``:
    the row runs and maintains what the programme built (``tahap: operasi``), so it lies after the
    programme's own years; a target the indicator sets for a later horizon needs someone to keep it."""

    start: int
    end: int
    activity: str
    output: str
    target: str
    office: str
    operation: bool = False

    @property
    def label(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"


@dataclass(frozen=True)
class Profile:
    """A quick win's profile: problem, beneficiaries, schedule ``((when, what), ...)``, budget line,
    risks ``((risk, mitigation), ...)``, the existing service or system it sharpens (quick-win
    criterion: no new application or infrastructure) and the process target that says it succeeded
    while its own indicator's target waits for the baseline."""

    problem: str
    beneficiaries: str
    schedule: tuple
    budget_line: str
    risks: tuple
    existing_service: str = ""
    process_target: str = ""


@dataclass(frozen=True)
class Links:
    """What a programme says about the plan's logic, with the file line of each field (the programme's
    first line when the field is absent)."""

    issues: tuple
    indicators: tuple
    actions: tuple
    profile: Profile | None
    lines: dict

    def line(self, field: str) -> int:
        return self.lines.get(field) or self.lines["kode"]


@dataclass(frozen=True)
class Alignment:
    """The missions mapped to the region's planning documents (data/rpjmd.yml, Tabel 4.2): caption
    ``title``, ``source`` line, the documents' ``columns``, and ``rows`` of ``(mission number, cells,
    file line)``, one cell per column; ``line``: the line of its ``pemetaan`` list."""

    title: str
    source: str
    columns: tuple
    rows: tuple
    line: int


@dataclass(frozen=True)
class PlanLogic:
    """Everything the logic checks and views need, read once per build."""

    catalogue: programmes.Catalogue
    horizons: tuple
    phases: tuple
    quick_win: QuickWinRules
    swot: dict
    strategies: tuple
    issues: dict
    missions: tuple
    indicators: dict
    links: dict
    alignment: Alignment | None = None

    @property
    def goals(self) -> dict[str, Goal]:
        """Every sasaran by code, in document order."""
        return {goal.code: goal for mission in self.missions for goal in mission.goals}

    def horizon(self, key: str) -> Span | None:
        return next((h for h in self.horizons if h.key == key), None)

    def mission_of(self, dimension: str) -> Mission | None:
        return next((m for m in self.missions if m.dimension == dimension), None)

    def programmes_answering(self, issue: int) -> list[programmes.Programme]:
        return [p for p in self.catalogue.programmes if issue in self.links[p.code].issues]

    def programmes_moving(self, indicator: str) -> list[programmes.Programme]:
        return [p for p in self.catalogue.programmes if indicator in self.links[p.code].indicators]

    def indicators_of(self, goal: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.goal == goal]

    def strategies_of(self, programme: str) -> list[Strategy]:
        return [s for s in self.strategies if programme in s.programmes]

    def expected_horizon(self, programme: programmes.Programme) -> Span | None:
        """The shortest non-quick-win horizon that holds the programme's years, or None if none does."""
        duration = len(programme.years)
        for horizon in self.horizons:
            if horizon.key != "quick-win" and horizon.start <= programme.start_year \
                    and programme.end_year <= horizon.end and duration <= (horizon.longest or duration):
                return horizon
        return None
