"""The plan's logic as data: horizons and phases, SWOT and TOWS strategies, ranked strategic issues,
missions with their sasaran, indicators, and the links of every programme to the issues it answers, the
indicators it moves, its rencana aksi and (for a quick win) its profile.

Files (each with a JSON Schema beside it): ``data/horizon.yml``, ``data/swot.yml``, ``data/isu.yml``,
``data/misi.yml``, ``data/indikator.yml``, ``data/rpjmd.yml`` (missions mapped to the RPJMD and RKPD); the programme links are fields of ``data/program.yml``, read
once by :mod:`masterplan.model.programmes`. This module reads them into the types of
:mod:`masterplan.model.logic_types`; whether the chain isu → misi → sasaran → program → indikator holds
is checked by :mod:`masterplan.checks.plan_logic`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from masterplan.model import programmes
from masterplan.model.logic_types import (Action, Alignment, Baseline, Goal, Indicator, Issue, Links, Mission, PlanLogic,
                                          Profile, QuickWinRules, Span, Strategy, SwotItem)
from masterplan.model.problems import Problem
from masterplan.model.rules import message
from masterplan.model.sources import read_json, read_yaml
from masterplan.model.programme_rules import schema_of
from masterplan.model.yaml_schema import BrokenSchema, broken_schema_problem, node_at, schema_errors, where

if TYPE_CHECKING:
    from masterplan.model.result_cache import ResultCache

HORIZON_FILE = programmes.HORIZON_FILE
SWOT_FILE = "data/swot.yml"
ISSUE_FILE = "data/isu.yml"
MISSION_FILE = "data/misi.yml"
INDICATOR_FILE = "data/indikator.yml"
ALIGNMENT_FILE = "data/rpjmd.yml"
FILES = (HORIZON_FILE, SWOT_FILE, ISSUE_FILE, MISSION_FILE, INDICATOR_FILE, ALIGNMENT_FILE)

MISSING = "belum tersedia"  # what a baseline without data says, in data and in every table
TARGET_HORIZONS = ("pendek", "menengah", "panjang")  # the horizons an indicator has targets for
OPERATION = "operasi"  # `tahap:` of a rencana aksi row that runs what the programme built, after its years

# The four TOWS quadrants: (internal side, external side) of the SWOT codes a strategy must combine.
TOWS = {"SO": ("K", "P"), "ST": ("K", "A"), "WO": ("L", "P"), "WT": ("L", "A")}


# ---------------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------------

def _schema_problems(relative: str, data: object, node, schema: dict, memo: ResultCache | None) -> list[Problem]:
    """Schema errors of one logic data file, in Bahasa Indonesia at the line of the offending node; a
    schema that cannot judge data is one problem at its top."""
    try:
        errors = schema_errors(data, schema, memo)
    except BrokenSchema as error:
        return [broken_schema_problem(schema_of(relative), "LOGIKA-SKEMA", error)]
    found = []
    for _, text, path, _ in errors:
        line, column = where(node_at(node, path))
        found.append(Problem(relative, line, column, "LOGIKA-SKEMA", text))
    return sorted(set(found))


def _line(node, path) -> int:
    return where(node_at(node, path))[0]


def _read(root: Path, relative: str, memo: ResultCache | None) -> tuple[object, object, list[Problem]]:
    source = read_yaml(root / relative, relative, syntax_rule="LOGIKA-SKEMA", unreadable_rule="LOGIKA-SKEMA")
    if source.data is None:
        empty = Problem(relative, 1, 0, "LOGIKA-SKEMA", message("LOGIKA-SKEMA", "kosong"))
        return None, None, source.problems or [empty]
    schema_file = schema_of(relative)
    schema = read_json(root / schema_file, schema_file, "LOGIKA-SKEMA")
    if isinstance(schema, Problem):
        return None, None, [schema]
    return source.data, source.node, _schema_problems(relative, source.data, source.node, schema, memo)


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
                              row.get("opd", programme.lead_office), row.get("tahap") == OPERATION))
    profile = raw.get("profil_quick_win")
    if profile is not None:
        profile = Profile(profile.get("masalah", ""), profile.get("penerima_manfaat", ""),
                          tuple((s["waktu"], s["kegiatan"]) for s in profile.get("jadwal", [])),
                          profile.get("mata_anggaran", ""),
                          tuple((r["risiko"], r["mitigasi"]) for r in profile.get("risiko", [])),
                          profile.get("layanan_yang_ada", ""), profile.get("target_proses", ""))
    return Links(tuple(raw.get("isu", ())), tuple(str(code) for code in raw.get("indikator_sasaran", ())),
                 tuple(actions), profile, dict(programme.lines))


def load_plan_logic(root: Path, catalogue: programmes.Catalogue, memo: ResultCache | None = None
                    ) -> tuple[PlanLogic | None, list[Problem]]:
    """Read the logic data files of the repository at ``root`` for the programme ``catalogue``.

    Returns ``(logic, [])`` when every file is readable YAML matching its schema, else ``(None,
    problems)`` naming file and line (rule ``LOGIKA-SKEMA``). References between the files (an unknown
    SWOT code, issue or office) are not judged here but by ``masterplan.checks.plan_logic``. A missing,
    unreadable or non-JSON schema file is a LOGIKA-SKEMA problem at its line. Never raises for bad files.
    """
    read = {relative: _read(root, relative, memo) for relative in FILES}
    problems = [p for _, _, found in read.values() for p in found]
    if problems:
        return None, sorted(problems)
    (horizon, h_node, _), (swot, s_node, _), (issues, i_node, _), (missions, m_node, _), (indicators, n_node, _), \
        (aligned, a_node, _) = (read[f] for f in FILES)
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
    alignment = Alignment(aligned["judul"], aligned["sumber"], tuple(aligned["kolom"]),
                          tuple((e["misi"], tuple(e["isi"]), _line(a_node, ["pemetaan", i]))
                                for i, e in enumerate(aligned["pemetaan"])), _line(a_node, ["pemetaan"]))
    logic = PlanLogic(catalogue, _spans(horizon["horizon"], h_node, "horizon"), _spans(horizon["fase"], h_node, "fase"),
                      quick_win, items, strategies, ranked, mission_list, measured, links, alignment)
    return logic, []
