"""Daftar Kebutuhan Data: every missing baseline and every "perlu verifikasi" item of the plan, routed
to the office (OPD) that must supply it. The plan (Lampiran F, :func:`appendix`) lists them per office
without form columns; the printable worksheets, one per office, are a separate PDF
(:mod:`masterplan.pdf.worksheets`, drawn from :func:`sheets`), because a ministry reviewer sent back a
plan carrying 30 pages of blank forms (CATATAN-TEKNIS.md C55).

An item is named by what is needed and where the plan uses it: chapter and section (``BAB III Analisis
Kesiapan Daerah, bagian Pusat Data``), never by a quote nor a website or file word: offices read it on paper.

Routing: an item names its office (a baseline's ``opd``; a programme's lead office; an office named in
the marker's reason, e.g. "perlu verifikasi: data dari BKPSDM"); otherwise the office that owns the page
(front matter ``opd``) or, in a data file, the plan's secretariat (:data:`SECRETARIAT`).
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from masterplan.model import markers
from masterplan.model.places import place, plain
from masterplan.model.sources import read_text, read_yaml
from masterplan.model.documents import Document
from masterplan.model.plan_logic import (ALIGNMENT_FILE, FILES, HORIZON_FILE, INDICATOR_FILE, ISSUE_FILE, MISSION_FILE,
                                         SWOT_FILE, PlanLogic)
from masterplan.model.programmes import OFFICES, PROGRAMMES
from masterplan.model.result_cache import ResultCache
from masterplan.model.stage_dates import STAGES_FILE
from masterplan.views.logic_tables import table

SECRETARIAT = "kominfo"  # Diskominfosan keeps the Tim Pelaksana's secretariat (BAB VIII)
NAMING = "setda-organisasi"  # checks office names marked `terverifikasi: false` in data/opd.yml
ISO_OWNER = "bappeda"  # maps indicators to SNI ISO 37122 clauses (BAB IV is Bappeda's chapter)
DATA_FILES = (PROGRAMMES, *FILES, STAGES_FILE)
PROGRAMME_PLACE = "BAB VI dan VII"  # where a programme's fields are read: "Program SOC-01 (BAB VI dan VII)"
DATA_LABELS = {PROGRAMMES: f"Daftar program ({PROGRAMME_PLACE})", HORIZON_FILE: "Horizon dan fase (BAB I, VI)",
               SWOT_FILE: "Analisis SWOT (BAB III)", ISSUE_FILE: "Isu strategis (BAB III)",
               MISSION_FILE: "Misi dan sasaran (BAB IV)", INDICATOR_FILE: "Indikator sasaran (BAB IV)",
               ALIGNMENT_FILE: "Keselarasan misi dengan RPJMD (BAB IV)",
               STAGES_FILE: "Jadwal Bimbingan Teknis (sampul dan Kata Pengantar)"}
# One datum asked in several places is one request on a worksheet: an item whose request or sentence
# matches a pattern here becomes this request of this kind (the office and every place kept), whether
# it was written as a baseline or as a marker. Patterns name the datum itself, so a sentence that only
# mentions it in passing (an SOP for complaints) stays apart.
TOPICS = (
    (re.compile(r"indeks SPBE|evaluasi SPBE", re.IGNORECASE), "baseline",
     "Nilai dan predikat indeks SPBE Kabupaten Bangli dari evaluasi SPBE nasional terakhir, dengan tahun "
     "evaluasinya (baseline indikator 1.2a)"),
    (re.compile(r"(jumlah|volume|rekap\w*)\s+(pengaduan|aduan)|Aduan layanan \"Bangli Era Baru\" yang ditindaklanjuti",
                re.IGNORECASE), "baseline",
     "Rekapitulasi layanan pengaduan \"Bangli Era Baru\": kanal, jumlah aduan per tahun, waktu tindak lanjut "
     "(baseline indikator 1.1b) dan keterhubungannya dengan OPD dan SP4N-LAPOR!"),
    (re.compile(r"biaya operasi dan pemeliharaan per tahun", re.IGNORECASE), "verifikasi",
     "Biaya operasi dan pemeliharaan per tahun setelah program selesai dibangun (lisensi, pusat data dan "
     "jaringan, penggantian perangkat, operator), dihitung dengan standar biaya daerah, untuk setiap program "
     "yang diampu"),
    (re.compile(r"standar biaya|biaya\b.*\bindikatif", re.IGNORECASE), "verifikasi",
     "Standar biaya daerah dan harga satuan untuk menghitung ulang perkiraan biaya indikatif setiap program"),
)
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
    sentence: str = field(default="", compare=False)  # the marked sentence: read for TOPICS, never printed


def named_office(text: str, offices: dict) -> str | None:
    """The key of the office whose full name or short form appears in ``text`` (longest name first), or
    None. Short forms match as whole words, so "DLH" does not match inside another word."""
    for pattern, key in _name_patterns(tuple(offices.items())):
        if pattern.search(text):
            return key
    return None


@lru_cache(maxsize=4)
def _name_patterns(offices: tuple) -> list[tuple[re.Pattern, str]]:
    """``(whole-word pattern of a name, office key)`` for :func:`named_office`, longest name first:
    compiled once per build rather than for every text."""
    candidates = sorted(((name, key) for key, office in offices if key not in GENERIC
                         for name in (office.name, office.short)), key=lambda pair: -len(pair[0]))
    return [(re.compile(rf"(?<!\w){re.escape(name)}(?!\w)"), key) for name, key in candidates]


def _programme_at(logic: PlanLogic, line: int):
    """The programme whose entry holds ``line`` of data/program.yml (None before the first one)."""
    found = None
    for programme in sorted(logic.catalogue.programmes, key=lambda p: p.line):
        if programme.line <= line:
            found = programme
    return found


def collect(logic: PlanLogic, pages: list[tuple[str, str, Document]], root: Path,
            memo: ResultCache | None = None) -> dict[str, list[Need]]:
    """Every need of the plan by office key, in the order of data/opd.yml.

    ``pages`` are ``(source path, title shown to readers, parsed page)`` of the plan document (not the
    editors' guide);
    ``root`` is the repository (its data files are read for markers). ``memo`` (the build's) keeps the
    answer between builds under the pages' paths, titles and texts and the data files (the code is in
    its fingerprint). Never raises for missing files.
    """
    if memo is not None:
        return memo.get("kebutuhan-data", [f"{path}\0{title}\0{document.text}" for path, title, document in pages],
                        lambda: collect(logic, pages, root),
                        lambda found: [[key, [astuple(need) for need in items]] for key, items in found.items()],
                        lambda kept: {key: [Need(*fields) for fields in items] for key, items in kept},  # in order
                        data=True)
    offices = logic.catalogue.offices
    needs: list[Need] = []
    for indicator in logic.indicators.values():
        where, ref = f"Indikator sasaran {indicator.code} (BAB IV)", f"data/indikator.yml:{indicator.line}"
        if indicator.baseline.missing:
            needs.append(Need(indicator.baseline.office, where, "baseline",
                              f"{indicator.name} ({indicator.unit}), dengan tahun dan sumber data", ref))

    unmapped = [i for i in logic.indicators.values() if not i.iso]
    if unmapped:
        # One request for the whole mapping: Bappeda reads the standard once, not once per indicator.
        needs.append(Need(ISO_OWNER, "Indikator sasaran (BAB IV)", "SNI ISO 37122",
                          "Nomor indikator SNI ISO 37122 (edisi yang berlaku) yang sepadan dengan setiap indikator "
                          f"berikut, atau keterangan bahwa tidak ada padanannya: {', '.join(i.code for i in unmapped)}",
                          f"data/indikator.yml:{unmapped[0].line}"))
    for programme in logic.catalogue.programmes:
        # A programme whose indicator is a sasaran indicator shares that indicator's baseline need.
        if not isinstance(programme.baseline, (int, float)) and not programme.indicator_code:
            needs.append(Need(programme.lead_office, f"Program {programme.code} (BAB VI)", "baseline",
                              f"{programme.indicator} ({programme.unit}), dengan tahun dan sumber data",
                              f"{PROGRAMMES}:{programme.lines.get('indikator', programme.line)}"))
    for path, title, document in pages:
        owner = document.meta.get("opd") if document.meta.get("opd") in offices else SECRETARIAT
        lines = document.body.splitlines()
        for line, reason, sentence in claims(document.body):
            office = named_office(reason, offices) or owner
            needs.append(Need(office, place(document.meta, title, lines, line), "verifikasi",
                              _verification(reason), f"{path}:{document.body_line + line - 1}", sentence))
    for relative in DATA_FILES:
        text = read_text(root / relative, relative)
        if not isinstance(text, str):
            continue
        for line, reason, sentence in claims(text, data=True):
            programme = _programme_at(logic, line) if relative == PROGRAMMES else None
            office = named_office(reason, offices) or (programme.lead_office if programme else SECRETARIAT)
            where = DATA_LABELS.get(relative, relative)
            if programme is not None:
                where = f"Program {programme.code} ({PROGRAMME_PLACE})"
            what = _verification(reason)
            if relative == STAGES_FILE:  # the value written now is a date, not a sentence
                what = f"{reason[:1].upper()}{reason[1:]} Bimtek Tahap {_stage_at(text, line)} (kini tertulis \"{sentence}\")"
            needs.append(Need(office, where, "verifikasi", what, f"{relative}:{line}", sentence))
    for key, office in _unverified_offices(root, offices):
        needs.append(Need(NAMING, "Daftar OPD (seluruh dokumen)", "nomenklatur",
                          f"Nama resmi dan singkatan {office.name} ({office.short}) menurut Perda/Perbup susunan "
                          "perangkat daerah", f"{OFFICES}:{key}"))
    grouped: dict[str, list[Need]] = {key: [] for key in offices}
    seen: dict[tuple, int] = {}
    for need in map(_as_topic, needs):
        items = grouped.setdefault(need.office, [])
        same = seen.get((need.office, need.kind, need.what))
        if same is None:
            seen[(need.office, need.kind, need.what)] = len(items)
            items.append(need)
        elif need.where not in items[same].where.split("; "):
            # One request per fact: the same item asked twice names every place that uses it once.
            items[same] = replace(items[same], where=f"{items[same].where}; {need.where}")

    return {key: items for key, items in grouped.items() if items}


_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"A-Z(])")
_YAML_FIELD = re.compile(r'^\s*(?:-\s*)?\{?\s*[a-z_]+:\s*"?|"?\s*\}?\s*,?\s*$')
_YAML_KEY = re.compile(r'(?:^|[{,\s])[a-z_]+:\s*"?')


def claims(text: str, data: bool = False) -> list[tuple[int, str, str]]:
    """Every "perlu verifikasi" marker of ``text`` as ``(line, reason, sentence)``: the whole sentence
    the marker closes (or, in a table row, its cell), never cut, without the marker and without
    Markdown emphasis or link targets. With ``data``, ``text`` is a YAML data file and the field name
    and quotes around the value are removed, so readers see the plan's words, not a data key."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if data and line.lstrip().startswith("#"):
            continue  # a comment documents the file; it is not a claim of the plan
        for match in markers.MARKER.finditer(line):
            before, after = line[:match.start()], line[match.end():]
            if data:
                before = _YAML_KEY.split(before)[-1]
            if line.lstrip().startswith("|"):
                before, after = before.rsplit("|", 1)[-1], after.split("|", 1)[0]
            starts = [m.end() for m in _SENTENCE_END.finditer(before)]
            head = before[starts[-1]:] if starts else before
            ending = _SENTENCE_END.search(after + " A")
            tail = after[:ending.end()] if ending else after
            sentence = markers.MARKER.sub("", head + tail)
            sentence = plain(sentence)
            if data:
                sentence = _YAML_FIELD.sub("", sentence).replace('\\"', '"')
            sentence = re.sub(r"\s+([.,;:])", r"\1", " ".join(sentence.split())).strip(" |-")
            found.append((number, (match.group("reason") or "").strip(), sentence))
    return found


def _as_topic(need: Need) -> Need:
    """``need`` as the one request of its :data:`TOPICS` entry, or unchanged."""
    for pattern, kind, what in TOPICS:
        if pattern.search(f"{need.what} {need.sentence}"):
            return replace(need, kind=kind, what=what)
    return need


def _stage_at(text: str, line: int) -> str:
    """The stage number (top-level key of data/tahapan.yml) whose entry holds ``line``."""
    keys = [m.group(1) for m in re.finditer(r"^(\d+):", "\n".join(text.splitlines()[:line]), re.MULTILINE)]
    return keys[-1] if keys else "?"


def _verification(reason: str) -> str:
    """What a marker asks for: its reason, or the fact itself when the marker gives none."""
    reason = reason or "kepastian fakta yang ditandai"
    return f"{reason[0].upper()}{reason[1:]}"


def _unverified_offices(root: Path, offices: dict) -> list:
    """Offices whose names data/opd.yml marks ``terverifikasi: false``."""
    data = read_yaml(root / OFFICES, OFFICES).data
    if not isinstance(data, dict):
        return []
    return [(key, offices[key]) for key, entry in data.items()
            if key in offices and isinstance(entry, dict) and entry.get("terverifikasi") is False]


KINDS = {"baseline": "Baseline", "verifikasi": "Perlu verifikasi", "SNI ISO 37122": "SNI ISO 37122",
         "nomenklatur": "Nomenklatur"}  # kind of need → its column and label for readers, in this order
TITLE = "Lembar Kerja Kebutuhan Data"  # the separate worksheets document (masterplan.pdf.worksheets)
# In Lampiran F the worksheets are named in this span; the site build turns it into the download link
# (masterplan.site.build), the printed plan keeps the words.
POINTER_CLASS = "unduh-lembar-kerja"
LIST_CLASS = "daftar-kebutuhan"  # Lampiran F's per-office lists (the PDF spaces them closer)
POINTER = f'<span class="{POINTER_CLASS}"><em>{TITLE}</em></span>'


@dataclass(frozen=True)
class Sheet:
    """One office's worksheet: its key and names, and its needs (baselines first, then in source order)."""

    key: str
    name: str
    short: str
    needs: tuple[Need, ...]


def sheets(needs: tuple[PlanLogic, dict[str, list[Need]]]) -> list[Sheet]:
    """One :class:`Sheet` per office with at least one need, in the order of data/opd.yml; ``needs`` is
    ``(logic, collect(...))``. Every need appears on exactly one sheet."""
    logic, grouped = needs
    offices = logic.catalogue.offices
    return [Sheet(key, offices[key].name if key in offices else key, offices[key].short if key in offices else key,
                  tuple(sorted(items, key=lambda n: (n.kind != "baseline", n.ref)))) for key, items in grouped.items()]


def appendix(needs: tuple[PlanLogic, dict[str, list[Need]]]) -> str:
    """Lampiran F (``[[kebutuhan-data]]``): a count per office and kind, the pointer to the separate
    worksheets, then every need per office as a numbered list, without form columns: the plan says what
    is missing, the worksheets collect it. ``needs`` is ``(logic, collect(...))``."""
    listed = sheets(needs)
    summary = [[s.name] + [sum(1 for n in s.needs if n.kind == kind) for kind in KINDS] + [len(s.needs)] for s in listed]
    summary.append(["**Jumlah**"] + [f"**{sum(1 for sheet in listed for n in sheet.needs if n.kind == kind)}**"
                                     for kind in KINDS] + [f"**{sum(len(sheet.needs) for sheet in listed)}**"])
    parts = [table(["OPD", *KINDS.values(), "Jumlah"], "lrrrrr", summary, "Ringkasan kebutuhan data per OPD",
                   "dihimpun dari daftar indikator, daftar program dan setiap penanda perlu verifikasi"),
             f"Untuk lokakarya, setiap OPD menerima lembar kerjanya dalam dokumen terpisah, {POINTER}, yang diterbitkan "
             "bersama dokumen ini: satu lembar per OPD, dengan kolom nilai, tahun data dan sumber data untuk diisi.\n"]
    # "Datum. *Perlu verifikasi*, dipakai di BAB …": the kind in parentheses printed "(Perlu verifikasi; …",
    # which reads as a raw marker (their syntax is "(perlu verifikasi: …)"). The list sits in a
    # .daftar-kebutuhan block: the PDF sets its items closer (overrides/pdf/styles.scss).
    for sheet in listed:
        items = "\n".join(f"{index}. {need.what}{'' if need.what.endswith(('.', '?', '!')) else '.'} "
                          f"*{KINDS.get(need.kind, need.kind)}*, dipakai di {need.where}."
                          for index, need in enumerate(sheet.needs, 1))
        parts.append(f"## {sheet.name} {{ #kebutuhan-{sheet.key} }}\n\n"
                     f'<div class="{LIST_CLASS}" markdown>\n\n{items}\n\n</div>\n')
    return "\n".join(parts)

