"""The programme data (``data/program.yml``): loaded with the offices (``data/opd.yml``), the dimensions
(``data/dimensi.yml``) and the plan period (``mkdocs.yml`` → ``extra.rencana``), checked by the rules of
:mod:`masterplan.model.programme_rules`, and returned as a :class:`Catalogue` for the generated views.

Every problem is reported at once as a :class:`~masterplan.model.problems.Problem` pointing at the line of
the offending YAML node, in Bahasa Indonesia.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from masterplan.model import milestones, settings
from masterplan.model.problems import Problem, help_reference
from masterplan.model.programme_rules import OFFICES, PROGRAMMES, programme_problems
from masterplan.model.rules import code_schema_problems, message, read_codes
from masterplan.model.sources import read_json, read_yaml
from masterplan.model.yaml_schema import node_at, where

if TYPE_CHECKING:
    from masterplan.model.result_cache import ResultCache

SCHEMA = "data/program.schema.json"
DIMENSIONS = "data/dimensi.yml"
CONFIG = settings.CONFIG
LINK_FIELDS = ("isu", "indikator_sasaran", "rencana_aksi", "profil_quick_win")

HORIZON_FILE = "data/horizon.yml"


def horizon_labels(root: Path) -> dict[str, tuple[str, int]]:
    """Horizon key → (label used in tables, longest duration in years), in the order of
    ``root/data/horizon.yml``, the one place where horizons are defined (read and checked in full by
    ``masterplan.model.plan_logic`` and ``masterplan.checks.plan_logic``). Returns ``{}`` when the file
    is unreadable or malformed (those checks then say why); never raises."""
    data = read_yaml(root / HORIZON_FILE, HORIZON_FILE).data
    try:
        return {str(h["kode"]): (str(h["nama"]), int(h["durasi_maks"])) for h in data["horizon"]}
    except (KeyError, TypeError, ValueError):
        return {}


# Read once from the repository this package belongs to (installed editable): the views' labels.
HORIZONS = horizon_labels(Path(__file__).resolve().parents[2])

@dataclass(frozen=True)
class Dimension:
    """A smart city dimension: key (``smart-governance``), English name, Indonesian name, and its
    elements as ``{key: name}`` in the order of ``data/dimensi.yml``."""

    key: str
    name: str
    name_id: str
    elements: dict


@dataclass(frozen=True)
class Office:
    """A regional office (OPD): key (``kominfo``), official name and short form."""

    key: str
    name: str
    short: str


@dataclass(frozen=True)
class Programme:
    """One programme of ``data/program.yml``. Cost is in rupiah (an estimate); years are calendar years."""

    code: str
    name: str
    description: str
    dimension: str
    element: str
    lead_office: str
    partner_offices: tuple
    horizon: str
    start_year: int
    end_year: int
    action_type: str
    indicator: str
    unit: str
    baseline: object
    target: float | None      # None: set once the baseline is known ("ditetapkan setelah baseline tersedia")
    cost: int
    funding: tuple
    status: str
    line: int
    # The sasaran indicator (data/indikator.yml) that the programme's own indicator is, when it is one:
    # its target must then agree with that indicator's (rule LOGIKA-TARGET).
    indicator_code: str = ""
    # Operation and maintenance per year once built (``biaya.operasi_pemeliharaan``): rupiah when counted
    # with the regional cost standard, else the words "perlu dihitung (perlu verifikasi: ...)". Never a guess.
    upkeep: int | str = ""
    # The plan-logic fields (issues, indicators, rencana aksi, quick-win profile) as written, read by
    # masterplan.model.plan_logic, and the file line of each top-level field of the entry.
    links: dict = field(default_factory=dict, compare=False)
    lines: dict = field(default_factory=dict, compare=False)

    @property
    def years(self) -> range:
        """The calendar years the programme runs, both ends included."""
        return range(self.start_year, self.end_year + 1)

    @property
    def quick_win(self) -> bool:
        return self.horizon == "quick-win"


@dataclass(frozen=True)
class Catalogue:
    """Validated programme data with what the views need to draw it: dimensions in document order,
    offices, the plan period (``start_year``–``end_year``) and the funding sources in schema order."""

    programmes: tuple
    dimensions: dict
    offices: dict
    start_year: int
    end_year: int
    funding_sources: tuple
    source: str = ""          # who the data comes from, for "Sumber:" lines (extra.rencana.sumber.program)
    milestones: tuple = ()    # milestones.Milestone of data/tonggak.yml, in file order
    stage: int = 1            # the workshop stage being published (extra.rencana.tahap), 1–4

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    def of_dimension(self, key: str | None) -> list[Programme]:
        """Programmes of dimension ``key`` (all when None), grouped by dimension in document order."""
        keys = list(self.dimensions) if key is None else [key]
        return [p for k in keys for p in self.programmes if p.dimension == k]


# ---------------------------------------------------------------------------------------------------
# Reading YAML with line numbers
# ---------------------------------------------------------------------------------------------------

def _read_yaml(root: Path, relative: str) -> tuple[object, yaml.Node | None, list[Problem]]:
    """Parse ``root/relative`` into ``(data, node, problems)``; on any problem ``data`` is None. An empty
    file (or one holding only comments) is a problem too: there is nothing to build the tables from."""
    source = read_yaml(root / relative, relative, syntax_rule="PROGRAM-YAML", unreadable_rule="PROGRAM-BERKAS")
    if source.data is None and not source.problems:
        text = message("PROGRAM-BERKAS", "kosong", berkas=relative)
        return None, None, [Problem(relative, 1, 0, "PROGRAM-BERKAS", f"{text} {help_reference('PROGRAM-BERKAS')}")]
    return source.data, source.node, source.problems


# ---------------------------------------------------------------------------------------------------
# Loading everything
# ---------------------------------------------------------------------------------------------------

def _dimensions(data: object) -> dict[str, Dimension]:
    return {key: Dimension(key, value["nama"], value["nama_id"], dict(value["elemen"]))
            for key, value in data.items()}


def _offices(data: object) -> dict[str, Office]:
    return {key: Office(key, value["nama"], value.get("singkatan") or value["nama"]) for key, value in data.items()}


def _programme(entry: dict, node: yaml.Node | None, index: int) -> Programme:
    indicator, cost = entry["indikator"], entry["biaya"]
    entry_node = node_at(node, ["program", index])
    key_lines = ({key.value: key.start_mark.line + 1 for key, _ in entry_node.value}
                 if isinstance(entry_node, yaml.MappingNode) else {})
    return Programme(
        code=entry["kode"], name=entry["nama"], description=entry["deskripsi"], dimension=entry["dimensi"],
        element=entry["elemen"], lead_office=entry["opd_pengampu"], partner_offices=tuple(entry["opd_mitra"]),
        horizon=entry["horizon"], start_year=entry["tahun_mulai"], end_year=entry["tahun_selesai"],
        action_type=entry["jenis_rencana_aksi"], indicator=indicator["nama"], unit=indicator["satuan"],
        baseline=indicator["baseline"], target=indicator["target"], cost=cost["perkiraan"],
        funding=tuple(cost["sumber_dana"]), status=entry["status"], indicator_code=str(indicator.get("sasaran", "")),
        upkeep=cost["operasi_pemeliharaan"],
        line=where(entry_node)[0],
        links={key: entry[key] for key in LINK_FIELDS if key in entry},
        lines={key: key_lines.get(key, 1) for key in entry},
    )


def load_catalogue(root: Path, plan: settings.Plan | None = None, memo: ResultCache | None = None
                   ) -> tuple[Catalogue | None, list[Problem]]:
    """Load and check the programme data of the repository at ``root``.

    ``plan`` gives the plan period; when None it is read from ``root/mkdocs.yml``. ``memo`` (the build's)
    keeps the schema's verdict between builds (:func:`masterplan.model.yaml_schema.schema_errors`). Returns
    ``(catalogue, [])`` when the data is valid, else ``(None, problems)`` with every problem found.
    Never raises for bad data; an unreadable or broken schema file is a PROGRAM-BERKAS problem at its line.
    """
    problems: list[Problem] = []
    if plan is None:
        loaded = settings.load(root)
        plan = loaded.plan
        problems += loaded.problems
    offices_data, found = read_codes(root, OFFICES)
    problems += found or code_schema_problems(root, OFFICES, memo)
    dimensions_data, found = read_codes(root, DIMENSIONS)
    problems += found or code_schema_problems(root, DIMENSIONS, memo)
    data, node, found = _read_yaml(root, PROGRAMMES)
    problems += found
    schema = read_json(root / SCHEMA, SCHEMA, "PROGRAM-BERKAS")
    if isinstance(schema, Problem):  # without its schema the data cannot be judged: the schema is the cause
        return None, [*problems, schema]
    if data is None:
        return None, problems
    # The cross-checks need the offices, dimensions and plan period as read: codes nobody could read judge
    # no programme. They run with the schema, so that every problem is said in one run.
    against = None
    if plan is not None and not problems:
        try:
            offices, dimensions = _offices(offices_data), _dimensions(dimensions_data)
        except (AttributeError, KeyError, TypeError) as error:
            text = message("PROGRAM-BERKAS", "bentuk_data", berkas_opd=OFFICES, berkas_dimensi=DIMENSIONS, galat=error)
            return None, [Problem(OFFICES, 1, 0, "PROGRAM-BERKAS", f"{text} {help_reference('PROGRAM-BERKAS')}")]
        against = (offices, dimensions, plan.start_year, plan.end_year, horizon_labels(root))
    problems += programme_problems(data, node, schema, memo, against)
    if problems or against is None:
        return None, problems
    entries = data["program"]
    sources = tuple(schema["$defs"]["program"]["properties"]["biaya"]["properties"]["sumber_dana"]["items"]["enum"])
    programmes = tuple(_programme(entry, node, index) for index, entry in enumerate(entries))
    marks, problems = milestones.load(root, plan.start_year, plan.end_year)
    if problems:
        return None, problems
    return Catalogue(programmes, dimensions, offices, plan.start_year, plan.end_year, sources,
                     plan.sources.get("program", ""), marks, plan.stage), []

