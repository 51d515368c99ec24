"""The rules of the programme data (``data/program.yml``) once it is read: its JSON Schema
(:func:`schema_problems`) and the cross-checks against the offices, the dimensions, the plan period and
the horizons (:func:`cross_problems`). Every problem points at the line of the offending YAML node.
"""

from __future__ import annotations

import yaml
from jsonschema import Draft202012Validator

from masterplan.model.problems import Problem
from masterplan.model.yaml_schema import key_node, node_at, schema_message, where

PROGRAMMES = "data/program.yml"
OFFICES = "data/opd.yml"


def schema_problems(data: object, node: yaml.Node | None, schema: dict) -> list[Problem]:
    """Validate ``data`` (parsed ``data/program.yml``) against ``schema``; one Problem per error, placed
    at the line of the YAML node in ``node`` that the error concerns."""
    problems = []
    for error in Draft202012Validator(schema).iter_errors(data):
        rule, message, path = schema_message(error, data)
        target = node_at(node, path)
        if path and isinstance(path[-1], str) and error.validator == "additionalProperties":
            target = key_node(node_at(node, path[:-1]), path[-1]) or target
        line, column = where(target)
        problems.append(Problem(PROGRAMMES, line, column, rule, message))
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

    def report(index: int, field, rule: str, message: str) -> None:
        path = ["program", index] + (field if isinstance(field, list) else [field])
        line, column = where(node_at(node, path))
        problems.append(Problem(PROGRAMMES, line, column, rule, message))

    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        code = entry["kode"]
        if code in seen:
            report(index, "kode", "PROGRAM-KODE-GANDA",
                   f"Kode {code} sudah dipakai program lain (baris {seen[code]}). Beri kode yang belum dipakai.")
        else:
            seen[code] = where(node_at(node, ["program", index, "kode"]))[0]
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
            line, column = where(key_node(node, "program"))
            problems.append(Problem(PROGRAMMES, line, column, "PROGRAM-DIMENSI-KOSONG",
                                    f"Dimensi {dimension.name} ({key}) belum memiliki program. Tambahkan "
                                    "sekurang-kurangnya satu program dengan 'dimensi: " + key + "'."))
    return problems
