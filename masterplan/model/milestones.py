"""The plan's phases and milestones (``data/tonggak.yml``: e.g. adoption by Peraturan Bupati, the
mid-term review), both drawn on the roadmap (Gambar 6.1).

A milestone's year is public government text: each one names its ``sumber`` or carries
``perlu_verifikasi: true``, which the roadmap prints as "(perlu verifikasi)". A date is never shown as
fact without a source.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from masterplan.model.problems import Problem, help_reference
from masterplan.model.sources import read_yaml

MILESTONES = "data/tonggak.yml"


@dataclass(frozen=True)
class Milestone:
    """One milestone: ``name`` (text), ``year`` (int, within the plan period), ``source`` (text, may be
    empty) and ``unverified`` (True when the year still needs checking)."""

    name: str
    year: int
    source: str
    unverified: bool

    @property
    def label(self) -> str:
        """The name as readers see it, with "(perlu verifikasi)" when the year is not yet sourced."""
        return f"{self.name} (perlu verifikasi)" if self.unverified else self.name


@dataclass(frozen=True)
class Phase:
    """One phase of the plan: ``name`` (e.g. "Fondasi") over ``start``–``end`` (years, inclusive)."""

    name: str
    start: int
    end: int

    @property
    def years(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"


@dataclass(frozen=True)
class Timeline:
    """What the roadmap draws over the programmes: the plan's phases and milestones, in file order."""

    phases: tuple = ()
    milestones: tuple = ()


def plan_phases(timeline: Timeline | None) -> tuple[Phase, ...]:
    """The plan's phases as the roadmap draws them: the ``fase`` of ``data/tonggak.yml``, which follow
    the phase headings of BAB VI ("Peta Jalan"). The one place the roadmap asks for phases: re-point it
    when the plan data defines phases itself."""
    return timeline.phases if timeline is not None else ()


def _problem(node: yaml.Node | None, rule: str, message: str) -> Problem:
    line = node.start_mark.line + 1 if node is not None else 1
    return Problem(MILESTONES, line, 1, rule, f"{message} {help_reference(rule)}")


def _value(entry: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((value for name, value in entry.value if name.value == key), None)


def _entries(node, key: str):
    entries = _value(node, key) if isinstance(node, yaml.MappingNode) else None
    return entries.value if isinstance(entries, yaml.SequenceNode) else []


def _year(data: dict, key: str, start_year: int, end_year: int) -> int | None:
    year = data.get(key)
    ok = isinstance(year, int) and not isinstance(year, bool) and start_year <= year <= end_year
    return year if ok else None


def load(root: Path, start_year: int, end_year: int) -> tuple[Timeline, list[Problem]]:
    """The phases (``fase``) and milestones (``tonggak``) of ``root/data/tonggak.yml`` in file order, and
    every problem found (rules TONGGAK-BERKAS: unreadable file or wrong shape; TONGGAK-TAHUN: a year
    outside the plan period ``start_year``–``end_year`` or a phase ending before it starts;
    TONGGAK-SUMBER: a milestone with neither ``sumber`` nor ``perlu_verifikasi: true``). A missing
    file means no phases and no milestones. Never raises for bad data."""
    path = root / MILESTONES
    if not path.is_file():
        return Timeline(), []
    source = read_yaml(path, MILESTONES, syntax_rule="TONGGAK-BERKAS", unreadable_rule="TONGGAK-BERKAS")
    if source.problems:
        return Timeline(), list(source.problems)
    node = source.node
    period = f"{start_year}–{end_year}"
    phases, found, problems = [], [], []
    for kind, entries in (("fase", _entries(node, "fase")), ("tonggak", _entries(node, "tonggak"))):
        for entry in entries:
            data = yaml.safe_load(yaml.serialize(entry)) if isinstance(entry, yaml.MappingNode) else None
            name = str(data.get("nama") or "").strip() if data else ""
            if not name:
                problems.append(_problem(entry, "TONGGAK-BERKAS", f"Setiap {kind} ditulis sebagai '- nama: …' "
                                                                  "dengan tahunnya di bawahnya."))
                continue
            if kind == "fase":
                first, last = (_year(data, key, start_year, end_year) for key in ("mulai", "selesai"))
                if first is None or last is None or first > last:
                    problems.append(_problem(entry, "TONGGAK-TAHUN", f"Fase '{name}': 'mulai' dan 'selesai' harus "
                                             f"tahun dalam periode rencana {period}, mulai tidak sesudah selesai."))
                else:
                    phases.append(Phase(name, first, last))
                continue
            year = _year(data, "tahun", start_year, end_year)
            unverified, source = data.get("perlu_verifikasi") is True, str(data.get("sumber") or "").strip()
            if year is None:
                problems.append(_problem(_value(entry, "tahun") or entry, "TONGGAK-TAHUN",
                                         f"Tonggak '{name}': tahun harus bilangan dalam periode rencana {period}, "
                                         f"tertulis '{data.get('tahun')}'."))
            elif not source and not unverified:
                problems.append(_problem(entry, "TONGGAK-SUMBER",
                                         f"Tonggak '{name}': tulis 'sumber:' tahunnya, atau 'perlu_verifikasi: true' "
                                         "bila tahunnya belum pasti. Tanggal tanpa sumber tidak boleh tampil sebagai "
                                         "fakta."))
            else:
                found.append(Milestone(name, year, source, unverified))
    if not phases and not found and node is not None and not problems:
        problems.append(_problem(node, "TONGGAK-BERKAS", "Tulis fase di bawah kunci 'fase:' dan tonggak di bawah "
                                                         "kunci 'tonggak:', masing-masing diawali '- nama:'."))
    return Timeline(tuple(phases), tuple(found)), problems
