"""The rules of the programme data (``data/program.yml``) once it is read: its JSON Schema
(:func:`schema_problems`) and the cross-checks against the offices, the dimensions, the plan period and
the horizons (:func:`cross_problems`). Every problem points at the line of the offending YAML node.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

from masterplan.model.code_guess import closest_codes
from masterplan.model.problems import Problem, help_reference
from masterplan.model.rule_texts import message
from masterplan.model.yaml_schema import (BrokenSchema, broken_schema_problem, key_node, node_at, schema_errors,
                                          where)

if TYPE_CHECKING:
    from masterplan.model.result_cache import ResultCache

PROGRAMMES = "data/program.yml"
OFFICES = "data/opd.yml"


def schema_of(relative: str) -> str:
    """The JSON Schema kept beside a data file: ``data/opd.yml`` -> ``data/opd.schema.json``."""
    return relative.removesuffix(".yml") + ".schema.json"


def schema_problems(data: object, node: yaml.Node | None, schema: dict, memo: ResultCache | None = None,
                    shown: str = PROGRAMMES) -> list[Problem]:
    """Validate ``data`` (parsed ``data/program.yml``, or the file ``shown``) against ``schema`` (the file
    beside it, :func:`schema_of`); one Problem per error, placed at the line of the YAML node in ``node``
    that the error concerns; a schema that cannot judge data is one PROGRAM-BERKAS problem at its top.
    ``memo``: see :func:`schema_errors`."""
    try:
        errors = schema_errors(data, schema, memo)
    except BrokenSchema as error:
        return [broken_schema_problem(schema_of(shown), "PROGRAM-BERKAS", error)]
    return _placed(errors, node, shown)


def _placed(errors: list[tuple[str, str, list, str]], node: yaml.Node | None, shown: str) -> list[Problem]:
    problems = []
    for rule, text, path, validator in errors:
        target = node_at(node, path)
        if path and isinstance(path[-1], str) and validator in ("additionalProperties", "propertyNames"):
            target = key_node(node_at(node, path[:-1]), path[-1]) or target
        line, column = where(target)
        problems.append(Problem(shown, line, column, rule, f"{text} {help_reference(rule)}"))
    return sorted(set(problems))


def programme_problems(data: object, node: yaml.Node | None, schema: dict, memo: ResultCache | None,
                       against: tuple | None) -> list[Problem]:
    """Every problem of the parsed programme data at once: its schema's (:func:`schema_problems`) and, when
    ``against`` holds what :func:`cross_problems` compares with (None when those files are broken), the
    cross-checks' of every value the schema found sound. A code the schema refuses only for its form
    (``Diskominfosan``) is checked against its file all the same and said once, as a code that is not there,
    with the codes meant: before, the existence checks waited for a schema-valid file, so an editor fixed one
    office code per round."""
    try:
        errors = schema_errors(data, schema, memo)
    except BrokenSchema as error:
        return [broken_schema_problem(schema_of(PROGRAMMES), "PROGRAM-BERKAS", error)]
    flawed = {tuple(path): (rule, validator) for rule, _, path, validator in errors}
    cross, said = cross_problems(data, node, *against, flawed) if against is not None else ([], set())
    return _placed([error for error in errors if tuple(error[2]) not in said], node, PROGRAMMES) + cross


# The one fault of a code that its file's check still judges (and then says instead): its form.
_FORM = ("PROGRAM-SKEMA", "pattern")


def cross_problems(data: object, node: yaml.Node | None, offices: dict, dimensions: dict, start_year: int,
                   end_year: int, horizons: dict, flawed: dict | None = None) -> tuple[list[Problem], set[tuple]]:
    """Rules that need the other data files, for the ``program`` list of ``data`` as far as it can be read:
    a value with a schema error at its path (``flawed``: path -> (rule, keyword)) is left to that error,
    except a code whose only fault is its form. Returns the problems and the paths of the codes said here.

    PROGRAM-OPD (unknown office, with the codes meant), PROGRAM-DIMENSI / PROGRAM-ELEMEN (unknown dimension
    or element), PROGRAM-KODE-GANDA, PROGRAM-TAHUN (outside ``start_year``–``end_year`` or ending before it
    starts), PROGRAM-QUICK-WIN (a quick win longer than one year), PROGRAM-HORIZON (longer than its horizon
    allows: ``horizons`` is :func:`masterplan.model.programmes.horizon_labels`), PROGRAM-DIMENSI-KOSONG
    (a dimension without any programme).
    """
    problems: list[Problem] = []
    flawed = flawed or {}
    said: set[tuple] = set()
    entries = data.get("program") if isinstance(data, dict) else None
    entries = entries if isinstance(entries, list) else []
    names = {key: (office.name, office.short) for key, office in offices.items()}

    def add(index: int, field, rule: str, text: str) -> None:
        path = ["program", index] + (field if isinstance(field, list) else [field])
        line, column = where(node_at(node, path))
        problems.append(Problem(PROGRAMMES, line, column, rule, f"{text} {help_reference(rule)}"))

    def report(index: int, field, rule: str, text: str, **values: object) -> None:
        add(index, field, rule, message(rule, text, **values))

    def unknown(index: int, field: list, rule: str, text: str, **values: object) -> None:
        """A code not in its file: said here, so its schema error (only its form: :func:`sound`) is not."""
        add(index, field, rule, message(rule, text, **values))
        said.add(("program", index, *field))

    def sound(index: int, *field, kind: type = str, code: bool = False):
        """The value at ``field`` of entry ``index`` when it is of ``kind`` and the schema has nothing
        against it (a code: nothing but its form), else None."""
        fault = flawed.get(("program", index, *field))
        value = entries[index]
        for step in field:
            value = value.get(step) if isinstance(value, dict) else \
                value[step] if isinstance(value, list) and isinstance(step, int) and step < len(value) else None
        if fault is not None and not (code and fault == _FORM) or isinstance(value, bool):
            return None
        return value if isinstance(value, kind) else None

    seen: dict[str, int] = {}
    all_known = bool(entries)  # every programme's dimension read and known: else one may only seem unused
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            all_known = False
            continue
        code = sound(index, "kode")
        shown = entry["kode"] if isinstance(entry.get("kode"), str) else f"ke-{index + 1}"  # as the schema names it
        if code in seen:
            report(index, "kode", "PROGRAM-KODE-GANDA", "kode_ganda", kode=code, baris=seen[code])
        elif code:
            seen[code] = where(node_at(node, ["program", index, "kode"]))[0]
        partners = entry.get("opd_mitra") if isinstance(entry.get("opd_mitra"), list) else []
        for field in [["opd_pengampu"], *(["opd_mitra", i] for i in range(len(partners)))]:
            key = sound(index, *field, code=True)
            if key is None or key in offices:
                continue
            close = closest_codes(key, list(offices), names)
            if close:
                unknown(index, field, "PROGRAM-OPD", "tidak_ada_mirip", kode=shown, opd=key, berkas=OFFICES,
                        dugaan=", ".join(close))
            else:
                unknown(index, field, "PROGRAM-OPD", "tidak_ada", kode=shown, opd=key, berkas=OFFICES,
                        contoh=", ".join(list(offices)[:3]))
        key = sound(index, "dimensi", code=True)
        dimension = dimensions.get(key)
        all_known = all_known and dimension is not None
        if key is not None and dimension is None:
            unknown(index, ["dimensi"], "PROGRAM-DIMENSI", "tidak_dikenal", kode=shown, dimensi=key,
                    pilihan=", ".join(dimensions))
        element = sound(index, "elemen", code=True)  # judged only within a known dimension
        if dimension is not None and element is not None and element not in dimension.elements:
            unknown(index, ["elemen"], "PROGRAM-ELEMEN", "bukan_elemen", kode=shown, elemen=element,
                    dimensi=dimension.name, pilihan=", ".join(dimension.elements))
        first, last = sound(index, "tahun_mulai", kind=int), sound(index, "tahun_selesai", kind=int)
        for field, year in (("tahun_mulai", first), ("tahun_selesai", last)):
            if year is not None and not start_year <= year <= end_year:
                report(index, field, "PROGRAM-TAHUN", "di_luar_periode", kode=shown, kolom=field, tahun=year,
                       awal=start_year, akhir=end_year)
        if first is None or last is None:
            continue
        if last < first:
            report(index, "tahun_selesai", "PROGRAM-TAHUN", "terbalik", kode=shown, selesai=last, mulai=first)
            continue
        horizon = sound(index, "horizon")
        if horizon not in horizons:
            continue  # unknown: the schema says so; or data/horizon.yml is broken: the plan-logic checks say so
        label, longest = horizons[horizon]
        duration = last - first + 1
        if duration > longest:
            add(index, "tahun_selesai", "PROGRAM-QUICK-WIN" if horizon == "quick-win" else "PROGRAM-HORIZON",
                message("PROGRAM-HORIZON", "terlalu_lama", kode=shown, horizon=label.lower(), lama_maks=longest,
                        lama=duration, mulai=first, selesai=last))
    used = {entry.get("dimensi") for entry in entries if isinstance(entry, dict)}
    for key, dimension in dimensions.items() if all_known else ():
        if key not in used:
            line, column = where(key_node(node, "program"))
            text = message("PROGRAM-DIMENSI-KOSONG", "tanpa_program", dimensi=dimension.name, kode=key)
            problems.append(Problem(PROGRAMMES, line, column, "PROGRAM-DIMENSI-KOSONG",
                                    f"{text} {help_reference('PROGRAM-DIMENSI-KOSONG')}"))
    return problems, said
