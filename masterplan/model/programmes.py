"""The programme data (``data/program.yml``): loaded, validated against its JSON Schema, cross-checked
against the offices (``data/opd.yml``), the dimensions (``data/dimensi.yml``) and the plan period
(``mkdocs.yml`` → ``extra.rencana``), and returned as a :class:`Catalogue` for the generated views.

Every problem is reported at once as a :class:`~masterplan.problems.Problem` pointing at the line of the
offending YAML node, in Bahasa Indonesia.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from masterplan.model import milestones, rules, settings
from masterplan.model.problems import Problem
from masterplan.model.sources import read_yaml

PROGRAMMES = "data/program.yml"
SCHEMA = "data/program.schema.json"
OFFICES = "data/opd.yml"
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

# Characters that Word and web pages paste in and that look like ordinary text: the one list in rules.yml
# (karakter_tak_terlihat, kutip_miring), named as the chapter checks name them; a tab breaks YAML.
_RULES = rules.load().raw
WORD_PASTE = {**_RULES["karakter_tak_terlihat"],
              **{quote: f"tanda kutip lengkung {quote}" for quote in _RULES["kutip_miring"]}, "\t": "tab"}

_TYPES = {"integer": "bilangan bulat", "number": "angka", "string": "teks", "array": "daftar [ ... ]",
          "object": "kelompok kolom (kunci: nilai)", "boolean": "ya/tidak", "null": "kosong"}


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
    """Parse ``root/relative`` into ``(data, node, problems)``; on any problem ``data`` is None."""
    source = read_yaml(root / relative, relative, syntax_rule="PROGRAM-YAML", unreadable_rule="PROGRAM-BERKAS")
    return source.data, source.node, source.problems


def _node_at(node: yaml.Node | None, path) -> yaml.Node | None:
    """The YAML node reached by following ``path`` (keys and list indices) from ``node``; the deepest
    node that exists when the path ends early."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next((value for key, value in node.value if key.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            found = node.value[step]
        else:
            found = None
        if found is None:
            return node
        node = found
    return node


def _key_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((k for k, _ in node.value if k.value == key), None)
    return None


def _where(node: yaml.Node | None) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (1, 0)


# ---------------------------------------------------------------------------------------------------
# Schema errors in Bahasa Indonesia
# ---------------------------------------------------------------------------------------------------

def _word_paste(value: object) -> list[str]:
    return [name for char, name in WORD_PASTE.items() if isinstance(value, str) and char in value]


def _field(path) -> str:
    names = [str(step) for step in path if not isinstance(step, int)]
    return ".".join(names[1:]) if len(names) > 1 else (names[0] if names else "(berkas)")


def _schema_message(error, data) -> tuple[str, str, list]:
    """``(rule, message, path)`` for one jsonschema error; ``path`` is where the message points."""
    path = list(error.absolute_path)
    owner = ""
    if len(path) >= 2 and path[0] == "program" and isinstance(path[1], int):
        code = data["program"][path[1]].get("kode") if isinstance(data["program"][path[1]], dict) else None
        owner = f"Program {code}: " if isinstance(code, str) else f"Program ke-{path[1] + 1}: "
    field = _field(path)
    value = error.instance
    hint = error.schema.get("description", "")
    hint = f" Isi yang benar: {hint}." if hint else ""
    kind = error.validator
    if kind == "required":
        missing = [name for name in error.validator_value if name not in value]
        where = f" pada '{field}'" if path and field != "(berkas)" and not isinstance(path[-1], int) else ""
        return "PROGRAM-SKEMA", f"{owner}kolom {', '.join(repr(m) for m in missing)} wajib diisi{where}.", path
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(k for k in value if k not in known)
        return ("PROGRAM-SKEMA", f"{owner}kolom {', '.join(repr(e) for e in extra)} tidak dikenal. Periksa ejaannya; "
                f"kolom yang dikenal: {', '.join(sorted(known))}.", path + extra[:1])
    pasted = _word_paste(value)
    if pasted:
        return ("PROGRAM-KARAKTER", f"{owner}kolom '{field}' memuat {', '.join(pasted)}, biasanya terbawa saat "
                "menyalin dari Word. Ketik ulang nilainya dengan spasi biasa dan tanda kutip lurus (\" atau ').",
                path)
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        names = " atau ".join(_TYPES.get(w, w) for w in wanted)
        message = f"{owner}nilai {value!r} pada kolom '{field}' harus berupa {names}."
    elif kind == "enum":
        message = (f"{owner}nilai {value!r} pada kolom '{field}' tidak dikenal; pilih salah satu: "
                   f"{', '.join(str(v) for v in error.validator_value)}.")
    elif kind in ("minimum", "maximum"):
        bound = "paling kecil" if kind == "minimum" else "paling besar"
        message = f"{owner}nilai {value!r} pada kolom '{field}' harus {bound} {error.validator_value}."
    elif kind in ("minLength", "minItems"):
        message = f"{owner}kolom '{field}' tidak boleh kosong."
    elif kind == "uniqueItems":
        message = f"{owner}kolom '{field}' memuat nilai yang sama lebih dari sekali."
    elif kind == "pattern":
        message = f"{owner}nilai {value!r} pada kolom '{field}' tidak sesuai format."
    elif kind == "anyOf":
        message = f"{owner}nilai {value!r} pada kolom '{field}' tidak sesuai."
    else:
        message = f"{owner}nilai pada kolom '{field}' tidak sesuai aturan '{kind}'."
    return "PROGRAM-SKEMA", message + hint, path


def schema_problems(data: object, node: yaml.Node | None, schema: dict) -> list[Problem]:
    """Validate ``data`` (parsed ``data/program.yml``) against ``schema``; one Problem per error, placed
    at the line of the YAML node in ``node`` that the error concerns."""
    problems = []
    for error in Draft202012Validator(schema).iter_errors(data):
        rule, message, path = _schema_message(error, data)
        target = _node_at(node, path)
        if path and isinstance(path[-1], str) and error.validator == "additionalProperties":
            target = _key_node(_node_at(node, path[:-1]), path[-1]) or target
        line, column = _where(target)
        problems.append(Problem(PROGRAMMES, line, column, rule, message))
    return sorted(set(problems))


# ---------------------------------------------------------------------------------------------------
# Cross-checks against offices, dimensions and the plan period
# ---------------------------------------------------------------------------------------------------

def cross_problems(entries: list[dict], node: yaml.Node | None, offices: dict, dimensions: dict,
                   start_year: int, end_year: int, horizons: dict | None = None) -> list[Problem]:
    """Rules that need the other data files, for schema-valid ``entries`` (the ``program`` list).

    PROGRAM-OPD (unknown office), PROGRAM-DIMENSI / PROGRAM-ELEMEN (unknown dimension or element),
    PROGRAM-KODE-GANDA, PROGRAM-TAHUN (outside ``start_year``–``end_year`` or ending before it starts),
    PROGRAM-QUICK-WIN (a quick win longer than one year), PROGRAM-HORIZON (longer than its horizon
    allows, see :func:`horizon_labels`; ``horizons`` defaults to :data:`HORIZONS`), PROGRAM-DIMENSI-KOSONG
    (a dimension without any programme).
    """
    horizons = HORIZONS if horizons is None else horizons
    problems: list[Problem] = []

    def report(index: int, field, rule: str, message: str) -> None:
        path = ["program", index] + (field if isinstance(field, list) else [field])
        line, column = _where(_node_at(node, path))
        problems.append(Problem(PROGRAMMES, line, column, rule, message))

    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        code = entry["kode"]
        if code in seen:
            report(index, "kode", "PROGRAM-KODE-GANDA",
                   f"Kode {code} sudah dipakai program lain (baris {seen[code]}). Beri kode yang belum dipakai.")
        else:
            seen[code] = _where(_node_at(node, ["program", index, "kode"]))[0]
        offices_used = [("opd_pengampu", entry["opd_pengampu"])] + \
            [(["opd_mitra", i], key) for i, key in enumerate(entry["opd_mitra"])]
        for field, key in offices_used:
            if key not in offices:
                report(index, field, "PROGRAM-OPD",
                       f"Program {code}: kode OPD '{key}' tidak ada di {OFFICES}. Pakai salah satu kode di "
                       f"berkas itu (mis. {', '.join(list(offices)[:3])}) atau tambahkan OPD-nya di sana.")
        dimension = dimensions.get(entry["dimensi"])
        if dimension is None:
            report(index, "dimensi", "PROGRAM-DIMENSI",
                   f"Program {code}: dimensi '{entry['dimensi']}' tidak dikenal. Pilih salah satu: "
                   f"{', '.join(dimensions)}.")
        elif entry["elemen"] not in dimension.elements:
            report(index, "elemen", "PROGRAM-ELEMEN",
                   f"Program {code}: elemen '{entry['elemen']}' bukan elemen {dimension.name}. Pilih salah satu: "
                   f"{', '.join(dimension.elements)}.")
        first, last = entry["tahun_mulai"], entry["tahun_selesai"]
        for field, year in (("tahun_mulai", first), ("tahun_selesai", last)):
            if not start_year <= year <= end_year:
                report(index, field, "PROGRAM-TAHUN",
                       f"Program {code}: {field} {year} di luar periode rencana {start_year}–{end_year} "
                       f"(mkdocs.yml, extra.rencana). Pilih tahun dalam periode itu.")
        if last < first:
            report(index, "tahun_selesai", "PROGRAM-TAHUN",
                   f"Program {code}: tahun_selesai {last} lebih awal dari tahun_mulai {first}.")
            continue
        if entry["horizon"] not in horizons:
            continue  # data/horizon.yml itself is broken: reported by the plan-logic checks
        label, longest = horizons[entry["horizon"]]
        duration = last - first + 1
        if duration > longest:
            rule = "PROGRAM-QUICK-WIN" if entry["horizon"] == "quick-win" else "PROGRAM-HORIZON"
            report(index, "tahun_selesai", rule,
                   f"Program {code}: horizon {label.lower()} paling lama {longest} tahun, tetapi program berjalan "
                   f"{duration} tahun ({first}–{last}). Perpendek jadwalnya atau ubah horizonnya.")
    used = {entry["dimensi"] for entry in entries}
    for key, dimension in dimensions.items():
        if key not in used:
            line, column = _where(_key_node(node, "program"))
            problems.append(Problem(PROGRAMMES, line, column, "PROGRAM-DIMENSI-KOSONG",
                                    f"Dimensi {dimension.name} ({key}) belum memiliki program. Tambahkan "
                                    "sekurang-kurangnya satu program dengan 'dimensi: " + key + "'."))
    return problems


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
    return Programme(
        code=entry["kode"], name=entry["nama"], description=entry["deskripsi"], dimension=entry["dimensi"],
        element=entry["elemen"], lead_office=entry["opd_pengampu"], partner_offices=tuple(entry["opd_mitra"]),
        horizon=entry["horizon"], start_year=entry["tahun_mulai"], end_year=entry["tahun_selesai"],
        action_type=entry["jenis_rencana_aksi"], indicator=indicator["nama"], unit=indicator["satuan"],
        baseline=indicator["baseline"], target=indicator["target"], cost=cost["perkiraan"],
        funding=tuple(cost["sumber_dana"]), status=entry["status"], indicator_code=str(indicator.get("sasaran", "")),
        line=_where(_node_at(node, ["program", index]))[0],
        links={key: entry[key] for key in LINK_FIELDS if key in entry},
        lines={key: _where(_key_node(_node_at(node, ["program", index]), key))[0] for key in entry},
    )


def load_catalogue(root: Path, plan: settings.Plan | None = None) -> tuple[Catalogue | None, list[Problem]]:
    """Load and check the programme data of the repository at ``root``.

    ``plan`` gives the plan period; when None it is read from ``root/mkdocs.yml``. Returns
    ``(catalogue, [])`` when the data is valid, else ``(None, problems)`` with every problem found.
    Never raises for bad data; raises ``OSError`` only when the schema file itself cannot be read.
    """
    problems: list[Problem] = []
    if plan is None:
        loaded = settings.load(root)
        plan = loaded.plan
        problems += loaded.problems
    offices_data, _, found = _read_yaml(root, OFFICES)
    problems += found
    dimensions_data, _, found = _read_yaml(root, DIMENSIONS)
    problems += found
    data, node, found = _read_yaml(root, PROGRAMMES)
    problems += found
    schema = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
    if data is not None:
        problems += schema_problems(data, node, schema)
    if problems or plan is None:
        return None, problems
    try:
        offices, dimensions = _offices(offices_data), _dimensions(dimensions_data)
    except (AttributeError, KeyError, TypeError) as error:
        return None, [Problem(OFFICES, 1, 0, "PROGRAM-BERKAS",
                              f"{OFFICES} atau {DIMENSIONS} tidak berbentuk seperti biasa ({error}); "
                              "bandingkan dengan contoh di awal berkas.")]
    entries = data["program"]
    problems = cross_problems(entries, node, offices, dimensions, plan.start_year, plan.end_year,
                              horizon_labels(root))
    if problems:
        return None, problems
    sources = tuple(schema["$defs"]["program"]["properties"]["biaya"]["properties"]["sumber_dana"]["items"]["enum"])
    programmes = tuple(_programme(entry, node, index) for index, entry in enumerate(entries))
    marks, problems = milestones.load(root, plan.start_year, plan.end_year)
    if problems:
        return None, problems
    return Catalogue(programmes, dimensions, offices, plan.start_year, plan.end_year, sources,
                     plan.sources.get("program", ""), marks), []

