"""The plan's logic as data: horizons and phases, SWOT and TOWS strategies, ranked strategic issues,
missions with their sasaran, indicators, and the links of every programme to the issues it answers, the
indicators it moves, its rencana aksi and (for a quick win) its profile.

Files (each with a JSON Schema beside it): ``data/horizon.yml``, ``data/swot.yml``, ``data/isu.yml``,
``data/misi.yml``, ``data/indikator.yml``; the programme links are fields of ``data/program.yml``, read
once by :mod:`masterplan.model.programmes`. This module only reads and shapes; whether the chain
isu → misi → sasaran → program → indikator holds is checked by :mod:`masterplan.checks.plan_logic`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator

from masterplan.model import programmes
from masterplan.model.problems import Problem
from masterplan.model.sources import read_text, read_yaml

HORIZON_FILE = programmes.HORIZON_FILE
SWOT_FILE = "data/swot.yml"
ISSUE_FILE = "data/isu.yml"
MISSION_FILE = "data/misi.yml"
INDICATOR_FILE = "data/indikator.yml"
FILES = (HORIZON_FILE, SWOT_FILE, ISSUE_FILE, MISSION_FILE, INDICATOR_FILE)

MISSING = "belum tersedia"  # what a baseline without data says, in data and in every table
TARGET_HORIZONS = ("pendek", "menengah", "panjang")  # the horizons an indicator has targets for

# The four TOWS quadrants: (internal side, external side) of the SWOT codes a strategy must combine.
TOWS = {"SO": ("K", "P"), "ST": ("K", "A"), "WO": ("L", "P"), "WT": ("L", "A")}
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
    office carrying it out (the programme's lead office unless the row names another)."""

    start: int
    end: int
    activity: str
    output: str
    target: str
    office: str

    @property
    def label(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"


@dataclass(frozen=True)
class Profile:
    """A quick win's profile: problem, beneficiaries, schedule ``((when, what), ...)``, budget line,
    risks ``((risk, mitigation), ...)`` and the existing service or system it sharpens (quick-win
    criterion: no new application or infrastructure)."""

    problem: str
    beneficiaries: str
    schedule: tuple
    budget_line: str
    risks: tuple
    existing_service: str = ""


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


# ---------------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------------

def _schema_problems(relative: str, data: object, node, schema: dict) -> list[Problem]:
    """Schema errors of one logic data file, in Bahasa Indonesia at the line of the offending node."""
    found = []
    for error in Draft202012Validator(schema).iter_errors(data):
        _, message, path = programmes._schema_message(error, data)
        line, column = programmes._where(programmes._node_at(node, path))
        found.append(Problem(relative, line, column, "LOGIKA-SKEMA", message))
    return sorted(set(found))


def _line(node, path) -> int:
    return programmes._where(programmes._node_at(node, path))[0]


def _read(root: Path, relative: str) -> tuple[object, object, list[Problem]]:
    source = read_yaml(root / relative, relative, syntax_rule="LOGIKA-SKEMA", unreadable_rule="LOGIKA-SKEMA")
    if source.data is None:
        return None, None, source.problems or [Problem(relative, 1, 0, "LOGIKA-SKEMA", "Berkas kosong.")]
    schema_file = relative.replace(".yml", ".schema.json")
    schema = read_text(root / schema_file, schema_file, "LOGIKA-SKEMA")
    if isinstance(schema, Problem):
        return None, None, [schema]
    return source.data, source.node, _schema_problems(relative, source.data, source.node, json.loads(schema))


def _spans(entries: list, node, key: str) -> tuple[Span, ...]:
    return tuple(Span(e["kode"], e["nama"], e["mulai"], e["selesai"], e.get("durasi_maks"), e["fokus"],
                      _line(node, [key, i])) for i, e in enumerate(entries))


def _baseline(entry: dict) -> Baseline:
    if "status" in entry:
        return Baseline(None, None, "", entry.get("opd", ""))
    return Baseline(entry["nilai"], entry["tahun"], entry["sumber"], "")


def _links(programme: programmes.Programme) -> Links:
    raw = programme.links
    actions = []
    for row in raw.get("rencana_aksi", []):
        start, end = (row["tahun"], row["tahun"]) if isinstance(row["tahun"], int) else tuple(row["tahun"])
        actions.append(Action(start, end, row["kegiatan"], row["keluaran"], row["target"],
                              row.get("opd", programme.lead_office)))
    profile = raw.get("profil_quick_win")
    if profile is not None:
        profile = Profile(profile.get("masalah", ""), profile.get("penerima_manfaat", ""),
                          tuple((s["waktu"], s["kegiatan"]) for s in profile.get("jadwal", [])),
                          profile.get("mata_anggaran", ""),
                          tuple((r["risiko"], r["mitigasi"]) for r in profile.get("risiko", [])),
                          profile.get("layanan_yang_ada", ""))
    return Links(tuple(raw.get("isu", ())), tuple(str(code) for code in raw.get("indikator_sasaran", ())),
                 tuple(actions), profile, dict(programme.lines))


def load_plan_logic(root: Path, catalogue: programmes.Catalogue) -> tuple[PlanLogic | None, list[Problem]]:
    """Read the logic data files of the repository at ``root`` for the programme ``catalogue``.

    Returns ``(logic, [])`` when every file is readable YAML matching its schema, else ``(None,
    problems)`` naming file and line (rule ``LOGIKA-SKEMA``). References between the files (an unknown
    SWOT code, issue or office) are not judged here but by ``masterplan.checks.plan_logic``. Raises
    ``OSError`` only when a schema file itself is missing (a maintainer's error).
    """
    read = {relative: _read(root, relative) for relative in FILES}
    problems = [p for _, _, found in read.values() for p in found]
    if problems:
        return None, sorted(problems)
    (horizon, h_node, _), (swot, s_node, _), (issues, i_node, _), (missions, m_node, _), (indicators, n_node, _) = \
        (read[f] for f in FILES)
    rules = horizon["quick_win"]
    quick_win = QuickWinRules(rules["jumlah_maks"], rules["per_dimensi_maks"], rules["durasi_maks"],
                              tuple(rules["jenis_dilarang"]), rules["target_penuh_tanpa_baseline"],
                              tuple(rules["profil_wajib"]), _line(h_node, ["quick_win"]))
    items = {e["kode"]: SwotItem(e["kode"], e["judul"], e["uraian"], e["asal"], e["bobot"], e.get("sumber", ""),
                                 _line(s_node, ["butir", i])) for i, e in enumerate(swot["butir"])}
    strategies = tuple(Strategy(e["kode"], e["jenis"], e["rumusan"], tuple(e["swot"]), tuple(e["program"]),
                                _line(s_node, ["strategi", i])) for i, e in enumerate(swot["strategi"]))
    ranked = {e["nomor"]: Issue(e["nomor"], e["judul"], e["uraian"], tuple(e["swot"]), e["jenis"],
                                _line(i_node, ["isu", i]))
              for i, e in enumerate(issues["isu"])}
    mission_list = tuple(
        Mission(e["nomor"], e["dimensi"], e["rumusan"], tuple(e["isu"]), e["tujuan"],
                tuple(Goal(g["kode"], g["elemen"], g["rumusan"], e["nomor"], _line(m_node, ["misi", i, "sasaran", j]))
                      for j, g in enumerate(e["sasaran"])), _line(m_node, ["misi", i]))
        for i, e in enumerate(missions["misi"]))
    measured = {str(e["kode"]): Indicator(str(e["kode"]), e["nama"], e["satuan"], _baseline(e["baseline"]),
                                          dict(e["target"]), e["sni_iso_37122"] or "", e["acuan"],
                                          _line(n_node, ["indikator", i]))
                for i, e in enumerate(indicators["indikator"])}
    links = {p.code: _links(p) for p in catalogue.programmes}
    logic = PlanLogic(catalogue, _spans(horizon["horizon"], h_node, "horizon"), _spans(horizon["fase"], h_node, "fase"),
                      quick_win, items, strategies, ranked, mission_list, measured, links)
    return logic, []
