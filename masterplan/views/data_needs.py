"""Daftar Kebutuhan Data: every missing baseline and every "perlu verifikasi" item of the plan, routed
to the office (OPD) that must supply it, drawn as one printable worksheet per office for the next
workshop (heading class ``lembar-kerja``: in the PDF kept with its table; a short worksheet is not split).

Routing: an item names its office (a baseline's ``opd``; a programme's lead office; an office named in
the marker's reason, e.g. "perlu verifikasi: data dari BKPSDM"); otherwise the office that owns the page
(front matter ``opd``) or, in a data file, the plan's secretariat (:data:`SECRETARIAT`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from masterplan.model import markers
from masterplan.model.sources import read_text, read_yaml
from masterplan.model.documents import Document
from masterplan.model.plan_logic import FILES, PlanLogic
from masterplan.model.programmes import OFFICES, PROGRAMMES
from masterplan.views.logic_tables import table

SECRETARIAT = "kominfo"  # Diskominfosan keeps the Tim Pelaksana's secretariat (BAB VIII)
NAMING = "setda-organisasi"  # checks office names marked `terverifikasi: false` in data/opd.yml
ISO_OWNER = "bappeda"  # maps indicators to SNI ISO 37122 clauses (BAB IV is Bappeda's chapter)
DATA_FILES = (PROGRAMMES, *FILES, "data/tahapan.yml")
DATA_LABELS = {PROGRAMMES: "Data program (BAB VI dan VII)", "data/horizon.yml": "Horizon dan fase (BAB I, VI)",
               "data/swot.yml": "Analisis SWOT (BAB III)", "data/isu.yml": "Isu strategis (BAB III)",
               "data/misi.yml": "Misi dan sasaran (BAB IV)", "data/indikator.yml": "Indikator sasaran (BAB IV)",
               "data/tahapan.yml": "Tahapan Bimtek (beranda dan sampul)"}
GENERIC = {"kecamatan"}  # office keys whose names are ordinary words: never matched in free text


@dataclass(frozen=True, order=True)
class Need:
    """One item a worksheet asks for: what is needed, where the plan uses it (``path:line``) and why
    (``kind``: baseline, verifikasi, SNI ISO 37122, nomenklatur)."""

    office: str
    where: str
    kind: str
    what: str
    ref: str = ""  # path:line in the sources, for maintainers (not printed: readers see ``where``)


def named_office(text: str, offices: dict) -> str | None:
    """The key of the office whose full name or short form appears in ``text`` (longest name first), or
    None. Short forms match as whole words, so "DLH" does not match inside another word."""
    candidates = sorted(((name, key) for key, office in offices.items() if key not in GENERIC
                         for name in (office.name, office.short)), key=lambda pair: -len(pair[0]))
    for name, key in candidates:
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            return key
    return None


def _programme_at(logic: PlanLogic, line: int) -> str | None:
    """The lead office of the programme whose entry holds ``line`` of data/program.yml."""
    owner = None
    for programme in sorted(logic.catalogue.programmes, key=lambda p: p.line):
        if programme.line <= line:
            owner = programme.lead_office
    return owner


def collect(logic: PlanLogic, pages: list[tuple[str, str, Document]], root: Path) -> dict[str, list[Need]]:
    """Every need of the plan by office key, in the order of data/opd.yml.

    ``pages`` are ``(source path, title shown to readers, parsed page)`` of the plan document (not the
    editors' guide);
    ``root`` is the repository (its data files are read for markers). Never raises for missing files.
    """
    offices = logic.catalogue.offices
    needs: list[Need] = []
    for indicator in logic.indicators.values():
        where, ref = f"Indikator sasaran {indicator.code} (BAB IV)", f"data/indikator.yml:{indicator.line}"
        if indicator.baseline.missing:
            needs.append(Need(indicator.baseline.office, where, "baseline",
                              f"Baseline: {indicator.name} ({indicator.unit}), dengan tahun dan sumber data", ref))
        if not indicator.iso:
            needs.append(Need(ISO_OWNER, where, "SNI ISO 37122",
                              f"Nomor klausul SNI ISO 37122 yang sepadan dengan indikator {indicator.code}, atau "
                              "keterangan bahwa tidak ada padanannya", ref))
    for programme in logic.catalogue.programmes:
        if not isinstance(programme.baseline, (int, float)):
            needs.append(Need(programme.lead_office, f"Program {programme.code} (BAB VI)", "baseline",
                              f"Baseline: {programme.indicator} ({programme.unit})",
                              f"{PROGRAMMES}:{programme.lines.get('indikator', programme.line)}"))
    for path, title, document in pages:
        owner = document.meta.get("opd") if document.meta.get("opd") in offices else SECRETARIAT
        for marker in markers.find(document.body):
            line = document.body_line + marker.line - 1
            office = named_office(marker.reason, offices) or owner
            needs.append(Need(office, title, "verifikasi", _verification(marker), f"{path}:{line}"))
    for relative in DATA_FILES:
        text = read_text(root / relative, relative)
        if not isinstance(text, str):
            continue
        for marker in markers.find(text):
            owner = _programme_at(logic, marker.line) if relative == PROGRAMMES else None
            office = named_office(marker.reason, offices) or owner or SECRETARIAT
            needs.append(Need(office, DATA_LABELS.get(relative, relative), "verifikasi", _verification(marker),
                              f"{relative}:{marker.line}"))
    for key, office in _unverified_offices(root, offices):
        needs.append(Need(NAMING, "Daftar OPD (seluruh dokumen)", "nomenklatur",
                          f"Nama resmi dan singkatan {office.name} ({office.short}) menurut Perda/Perbup susunan "
                          "perangkat daerah", f"{OFFICES}:{key}"))
    grouped: dict[str, list[Need]] = {key: [] for key in offices}
    for need in needs:
        grouped.setdefault(need.office, []).append(need)
    return {key: items for key, items in grouped.items() if items}


def _verification(marker: markers.Marker) -> str:
    reason = marker.reason or "fakta pada kalimat ini"
    return f"{reason[0].upper()}{reason[1:]}. Kalimat: \"{marker.context}\""  # whole: a cut quote misleads


def _unverified_offices(root: Path, offices: dict) -> list:
    """Offices whose names data/opd.yml marks ``terverifikasi: false``."""
    data = read_yaml(root / OFFICES, OFFICES).data
    if not isinstance(data, dict):
        return []
    return [(key, offices[key]) for key, entry in data.items()
            if key in offices and isinstance(entry, dict) and entry.get("terverifikasi") is False]


def worksheets(needs: tuple[PlanLogic, dict[str, list[Need]]]) -> str:
    """The Daftar Kebutuhan Data: a summary per office, then one worksheet per office with blank
    columns to fill in at the workshop. ``needs`` is ``(logic, collect(...))``."""
    logic, grouped = needs
    offices = logic.catalogue.offices
    kinds = ("baseline", "verifikasi", "SNI ISO 37122", "nomenklatur")
    summary = [[offices[key].name if key in offices else key]
               + [sum(1 for n in items if n.kind == kind) for kind in kinds] + [len(items)]
               for key, items in grouped.items()]
    total = sum(len(items) for items in grouped.values())
    summary.append(["**Jumlah**"] + [f"**{sum(1 for items in grouped.values() for n in items if n.kind == kind)}**"
                                     for kind in kinds] + [f"**{total}**"])
    parts = [table(["OPD", "Baseline", "Perlu verifikasi", "SNI ISO 37122", "Nomenklatur", "Jumlah"], "lrrrrr",
                   summary, "Ringkasan kebutuhan data per OPD",
                   "dihimpun dari data indikator, data program dan setiap penanda perlu verifikasi")]
    for key, items in grouped.items():
        office = offices.get(key)
        name = office.name if office else key
        ordered = sorted(items, key=lambda n: (n.kind != "baseline", n.ref))
        rows = [[index, need.what, need.where, "", "", ""] for index, need in enumerate(ordered, 1)]
        parts.append(
            f"## Lembar Kerja {name} {{ #lembar-kerja-{key} .lembar-kerja }}\n\n"
            f"Diisi oleh: {name}. Nama petugas: ................................ "
            "Tanggal: ................ Paraf: ..........\n{ .isian-lembar }\n\n"
            + table(["No", "Data yang dibutuhkan", "Dipakai di", "Nilai atau isi", "Tahun data", "Sumber data"],
                    "rlllll", rows, f"Lembar kerja kebutuhan data {office.short if office else key}",
                    "kolom kosong diisi OPD dalam lokakarya; lampirkan dokumen sumbernya"))
    return "\n".join(parts)
