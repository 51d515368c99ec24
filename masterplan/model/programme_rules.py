"""The rules of the programme data (``data/program.yml``) once it is read: its JSON Schema
(:func:`schema_problems`) and the cross-checks against the offices, the dimensions, the plan period and
the horizons (:func:`cross_problems`). Every problem points at the line of the offending YAML node.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

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
    problems = []
    for rule, text, path, validator in errors:
        target = node_at(node, path)
        if path and isinstance(path[-1], str) and validator in ("additionalProperties", "propertyNames"):
            target = key_node(node_at(node, path[:-1]), path[-1]) or target
        line, column = where(target)
        problems.append(Problem(shown, line, column, rule, f"{text} {help_reference(rule)}"))
    return sorted(set(problems))


def cross_problems(entries: list[dict], node: yaml.Node | None, offices: dict, dimensions: dict,
                   start_year: int, end_year: int, horizons: dict) -> list[Problem]:
    """Rules that need the other data files, for schema-valid ``entries`` (the ``program`` list).

    PROGRAM-OPD (unknown office), PROGRAM-DIMENSI / PROGRAM-ELEMEN (unknown dimension or element),
    PROGRAM-KODE-GANDA, PROGRAM-TAHUN (outside ``start_year``–``end_year`` or ending before it starts),
    PROGRAM-QUICK-WIN (a quick win longer than one year), PROGRAM-HORIZON (longer than its horizon
    allows: ``horizons`` is :func:`masterplan.model.programmes.horizon_labels`), PROGRAM-DIMENSI-KOSONG
    (a dimension without any programme).
    """
    problems: list[Problem] = []

    def add(index: int, field, rule: str, said: str) -> None:
        path = ["program", index] + (field if isinstance(field, list) else [field])
        line, column = where(node_at(node, path))
        problems.append(Problem(PROGRAMMES, line, column, rule, f"{said} {help_reference(rule)}"))

    def report(index: int, field, rule: str, text: str, **values: object) -> None:
        add(index, field, rule, message(rule, text, **values))

    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        code = entry["kode"]
        if code in seen:
            report(index, "kode", "PROGRAM-KODE-GANDA", "kode_ganda", kode=code, baris=seen[code])
        else:
            seen[code] = where(node_at(node, ["program", index, "kode"]))[0]
        offices_used = [("opd_pengampu", entry["opd_pengampu"])] + \
            [(["opd_mitra", i], key) for i, key in enumerate(entry["opd_mitra"])]
        for field, key in offices_used:
            if key not in offices:
                report(index, field, "PROGRAM-OPD", "tidak_ada", kode=code, opd=key, berkas=OFFICES,
                       contoh=", ".join(list(offices)[:3]))
        dimension = dimensions.get(entry["dimensi"])
        if dimension is None:
            report(index, "dimensi", "PROGRAM-DIMENSI", "tidak_dikenal", kode=code, dimensi=entry["dimensi"],
                   pilihan=", ".join(dimensions))
        elif entry["elemen"] not in dimension.elements:
            report(index, "elemen", "PROGRAM-ELEMEN", "bukan_elemen", kode=code, elemen=entry["elemen"],
                   dimensi=dimension.name, pilihan=", ".join(dimension.elements))
        first, last = entry["tahun_mulai"], entry["tahun_selesai"]
        for field, year in (("tahun_mulai", first), ("tahun_selesai", last)):
            if not start_year <= year <= end_year:
                report(index, field, "PROGRAM-TAHUN", "di_luar_periode", kode=code, kolom=field, tahun=year,
                       awal=start_year, akhir=end_year)
        if last < first:
            report(index, "tahun_selesai", "PROGRAM-TAHUN", "terbalik", kode=code, selesai=last, mulai=first)
            continue
        if entry["horizon"] not in horizons:
            continue  # data/horizon.yml itself is broken: reported by the plan-logic checks
        label, longest = horizons[entry["horizon"]]
        duration = last - first + 1
        if duration > longest:
            quick_win = entry["horizon"] == "quick-win"
            add(index, "tahun_selesai", "PROGRAM-QUICK-WIN" if quick_win else "PROGRAM-HORIZON",
                message("PROGRAM-HORIZON", "terlalu_lama", kode=code, horizon=label.lower(), lama_maks=longest,
                        lama=duration, mulai=first, selesai=last))
    used = {entry["dimensi"] for entry in entries}
    for key, dimension in dimensions.items():
        if key not in used:
            line, column = where(key_node(node, "program"))
            text = message("PROGRAM-DIMENSI-KOSONG", "tanpa_program", dimensi=dimension.name, kode=key)
            problems.append(Problem(PROGRAMMES, line, column, "PROGRAM-DIMENSI-KOSONG",
                                    f"{text} {help_reference('PROGRAM-DIMENSI-KOSONG')}"))
    return problems
