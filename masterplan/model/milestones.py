"""The plan's milestones (``data/tonggak.yml``: e.g. adoption by Peraturan Bupati, the mid-term review),
drawn on the roadmap (Gambar 6.1) over the phases of ``data/horizon.yml`` (read by
:mod:`masterplan.model.plan_logic`, the one place phases are defined).

A milestone's year is public government text: each one names its ``sumber`` or carries
``perlu_verifikasi: true``, which the roadmap prints as "(perlu verifikasi)". A date is never shown as
fact without a source. A milestone that a programme delivers names it (``program: GOV-10``); whether
the year falls within that programme's years is checked with the plan's logic (LOGIKA-TONGGAK).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from masterplan.model.problems import Problem, help_reference
from masterplan.model.rules import message
from masterplan.model.sources import read_yaml

MILESTONES = "data/tonggak.yml"


@dataclass(frozen=True)
class Milestone:
    """One milestone: ``name`` (text), ``year`` (int, within the plan period), ``source`` (text, may be
    empty), ``unverified`` (True when the year still needs checking), ``programme`` (the code of the
    programme that delivers it, or empty) and its file ``line``."""

    name: str
    year: int
    source: str
    unverified: bool
    programme: str = ""
    line: int = 1

    @property
    def label(self) -> str:
        """The name as readers see it, with "(perlu verifikasi)" when the year is not yet sourced."""
        return f"{self.name} (perlu verifikasi)" if self.unverified else self.name


def _problem(node: yaml.Node | None, rule: str, text: str, **values: object) -> Problem:
    """The problem ``text`` of ``rule`` (rules.yml, filled with ``values``) at the line of ``node``."""
    line = node.start_mark.line + 1 if node is not None else 1
    return Problem(MILESTONES, line, 1, rule, f"{message(rule, text, **values)} {help_reference(rule)}")


def _value(entry: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((value for name, value in entry.value if name.value == key), None)


def load(root: Path, start_year: int, end_year: int) -> tuple[tuple[Milestone, ...], list[Problem]]:
    """The milestones (``tonggak``) of ``root/data/tonggak.yml`` in file order, and every problem found
    (rules TONGGAK-BERKAS: unreadable file or wrong shape, including a ``fase:`` key, since phases live
    in data/horizon.yml; TONGGAK-TAHUN: a year outside the plan period ``start_year``–``end_year``;
    TONGGAK-SUMBER: a milestone with neither ``sumber`` nor ``perlu_verifikasi: true``). A missing file
    means no milestones. Never raises for bad data."""
    path = root / MILESTONES
    if not path.is_file():
        return (), []
    source = read_yaml(path, MILESTONES, syntax_rule="TONGGAK-BERKAS", unreadable_rule="TONGGAK-BERKAS")
    if source.problems:
        return (), list(source.problems)
    node = source.node
    period = f"{start_year}–{end_year}"
    if not isinstance(node, yaml.MappingNode) or [key.value for key, _ in node.value] != ["tonggak"] \
            or not isinstance(_value(node, "tonggak"), yaml.SequenceNode):
        return (), [_problem(node, "TONGGAK-BERKAS", "bentuk")]
    found, problems = [], []
    for entry in _value(node, "tonggak").value:
        data = yaml.safe_load(yaml.serialize(entry)) if isinstance(entry, yaml.MappingNode) else None
        name = str(data.get("nama") or "").strip() if data else ""
        if not name:
            problems.append(_problem(entry, "TONGGAK-BERKAS", "tanpa_nama"))
            continue
        year = data.get("tahun")
        unverified, source = data.get("perlu_verifikasi") is True, str(data.get("sumber") or "").strip()
        if not (isinstance(year, int) and not isinstance(year, bool) and start_year <= year <= end_year):
            problems.append(_problem(_value(entry, "tahun") or entry, "TONGGAK-TAHUN", "di_luar_periode",
                                     tonggak=name, periode=period, tahun=year))
        elif not source and not unverified:
            problems.append(_problem(entry, "TONGGAK-SUMBER", "tanpa_sumber", tonggak=name))
        else:
            found.append(Milestone(name, year, source, unverified, str(data.get("program") or "").strip(),
                                   entry.start_mark.line + 1))
    return tuple(found), problems
