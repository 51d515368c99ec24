"""What the prose says about the plan's data, against the data: how many programmes, quick wins, issues,
indicators, sasaran or strategies a sentence counts (LOGIKA-HITUNGAN), and when and in which horizon a
sentence about one programme says it runs (LOGIKA-JADWAL-TEKS).

Both read the text a reader sees (markdown-it inline text of paragraphs, list items and table cells), so
code spans and link targets are never read as claims. A ministry reviewer found nineteen BAB V sentences
giving programmes a year (2027) that the programme tables and roadmap, drawn from data/program.yml, did
not (2028): the text was written before the schedule moved and nothing compared them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

from masterplan.checks.logic_chain import Finding, programme_line
from masterplan.model import documents
from masterplan.model.plan_logic import PlanLogic
from masterplan.model.programmes import PROGRAMMES
from masterplan.model.result_cache import text_of
from masterplan.model.rules import message

COUNTS = "LOGIKA-HITUNGAN"
SCHEDULE = "LOGIKA-JADWAL-TEKS"

_UNITS = {"satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
          "sembilan": 9}
_WORD = r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
_NUMBER = (rf"(?:\d+|(?:ke)?(?:{_WORD}\s+puluh(?:\s+{_WORD})?|{_WORD}\s+belas|sepuluh|sebelas|{_WORD}"
           r"|(?<=ke)sepuluh|se(?:puluh|belas)))")
# Nouns whose counts are the plan's own (a "misi" count would also match the RPJMD's nine missions).
_NOUNS = {"program quick win": "quick win", "quick win": "quick win", "usulan program": "program",
          "program": "program", "isu strategis": "isu", "indikator sasaran": "indikator",
          "sasaran": "sasaran", "strategi": "strategi"}
# The horizons as the prose names them, and the keys data/program.yml gives them.
_HORIZONS = {"quick win": "quick-win", "jangka pendek": "pendek", "jangka menengah": "menengah",
             "jangka panjang": "panjang"}
_HORIZON = r"quick win|jangka (?:pendek|menengah|panjang)"
# "17 program jangka menengah": the count of that horizon, not of any group ("dan panjang" after it: of two).
# The lookahead names the letters a number can start with, so that the search skips every other position
# at once (half the time of each page's check).
_CLAIM = re.compile(rf"(?<![\w-])(?=[\dkstdel])(?P<number>{_NUMBER})\s+(?P<noun>{'|'.join(sorted(_NOUNS, key=len, reverse=True))})\b"
                    rf"(?:\s+(?P<horizon>{_HORIZON})\b(?P<more>\s+(?:dan|serta|atau)\s+(?:jangka\s+)?"
                    rf"(?:pendek|menengah|panjang))?)?", re.IGNORECASE)
# Programmes that are someone else's ("17 program prioritas Presiden", "42 program RPJMD", "5 program
# pelatihan Kementerian"): the count is of that owner's list, which the plan's data does not hold; a
# "program studi" is no programme at all.
_OTHER_OWNER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:Presiden|nasional|pusat|provinsi|kementerian|gubernur|RPJMN|"
                          r"RPJMD|RPJPD|Renstra|RKPD|Asta\s+Cita)\b|\s+studi\b", re.IGNORECASE)
# "paling banyak enam quick win": a limit a rule sets, not a count of what the plan holds.
_LIMIT = re.compile(r"(?:paling\s+(?:banyak|sedikit)|sekurang-kurangnya|setidaknya|maksimal|minimal|hingga|"
                    r"sampai)\s+$", re.IGNORECASE)


@lru_cache(maxsize=16384)
def _claims(text: str) -> tuple[tuple[str, str, str, str, int], ...]:
    """``(claim, number, noun, horizon, offset)`` of each count of the plan's own things written in
    ``text`` (``horizon`` "" when none is named): searched once per text in a process, because every
    check of one file reads the prose of every page again (most of that check's time)."""
    return tuple((" ".join(m.group(0).split()), m.group("number"), m.group("noun"),
                  "" if m.group("more") else m.group("horizon") or "", m.start())
                 for m in _CLAIM.finditer(text)
                 if not _OTHER_OWNER.match(text, m.end()) and not _LIMIT.search(text, max(0, m.start() - 30), m.start()))


def spoken_number(text: str) -> int | None:
    """The value of ``52``, ``lima puluh dua``, ``kesepuluh``, ``dua belas`` or ``sebelas``; None otherwise."""
    words = text.lower().split()
    if not words:
        return None
    if words[0].isdigit():
        return int(words[0])
    if words[0].startswith("ke") and words[0] not in _UNITS and words[0][2:] in (*_UNITS, "sepuluh", "sebelas"):
        words = [words[0][2:], *words[1:]]  # "kesepuluh", "ketiga belas", "kedua puluh"
    first = words[0]
    if first == "sepuluh":
        return 10
    if first == "sebelas":
        return 11
    if len(words) >= 2 and words[1] == "belas":
        return 10 + _UNITS[first]
    if len(words) >= 2 and words[1] == "puluh":
        return 10 * _UNITS[first] + (_UNITS[words[2]] if len(words) > 2 else 0)
    return _UNITS.get(first)


def valid_counts(logic: PlanLogic) -> dict[str, set[int]]:
    """Every count of each noun the data supports: the total and each subtotal a sentence may state
    (per dimension, horizon, kind of rencana aksi, phase, office, year, quadrant, mission); and under
    each horizon's key (``pendek``, ...) the programmes of that horizon (short term with or without the
    quick wins, which data/horizon.yml counts as part of it)."""
    programmes = logic.catalogue.programmes
    per_horizon = Counter(p.horizon for p in programmes)
    groups = [Counter(p.dimension for p in programmes), per_horizon,
              Counter(p.action_type for p in programmes), Counter(p.lead_office for p in programmes),
              Counter(year for p in programmes for year in p.years),
              Counter(phase.key for p in programmes for phase in logic.phases if phase.start <= p.end_year <= phase.end)]
    quick = [p for p in programmes if p.quick_win]
    counts = {
        "program": {len(programmes)} | {n for group in groups for n in group.values()},
        "quick win": {len(quick)} | set(Counter(p.dimension for p in quick).values())
        | set(Counter(p.start_year for p in quick).values()),
        "isu": {len(logic.issues), sum(i.kind == "pemungkin" for i in logic.issues.values())},
        "indikator": {len(logic.indicators)} | set(Counter(i.goal[0] for i in logic.indicators.values()).values()),
        "sasaran": {len(logic.goals)} | {len(m.goals) for m in logic.missions},
        "strategi": {len(logic.strategies)} | set(Counter(s.quadrant for s in logic.strategies).values()),
    }
    counts["program"] |= counts["quick win"]
    # A horizon's count in the whole plan, in one dimension (a BAB V page), for one office or kind of action.
    for key in _HORIZONS.values():
        counts[key] = set()
        for kind in ("dimension", "lead_office", "action_type", None):
            split = Counter(getattr(p, kind) if kind else "" for p in programmes if p.horizon == key)
            quick = Counter(getattr(p, kind) if kind else "" for p in programmes if p.quick_win)
            counts[key] |= set(split.values())
            if key == "pendek":  # short term with its quick wins, as data/horizon.yml counts it
                counts[key] |= {split[group] + quick[group] for group in split.keys() | quick.keys()}
    return counts


def _passages(page: documents.Document) -> Iterator[tuple[str, int]]:
    """The text of each paragraph, list item, heading and table row as a reader sees it, with its first
    file line: bold or italic words joined to their sentence ("**LIV-03** Antrean … 2027" is one claim),
    a row's cells joined by " | " (a programme's code and its year sit in different cells), line breaks
    kept as newlines, code spans and HTML as a space (never read as claims)."""
    row: list[str] | None = None
    for block in page.content_tokens:
        if block.type == "tr_open":
            row, first = [], block.map[0] + page.body_line
        elif block.type == "tr_close" and row is not None:
            yield " | ".join(row), first
            row = None
        elif block.type == "inline" and block.map:
            text = "".join(child.content if child.type == "text" else
                           "\n" if child.type in ("softbreak", "hardbreak") else
                           "\n" * child.content.count("\n") or " " for child in block.children or ())
            if row is None:
                yield text, block.map[0] + page.body_line
            else:
                row.append(text)


def _counts_against(allowed: dict[str, set[int]], page: documents.Document) -> Iterator[Finding]:
    for text, first in _passages(page):
        for claim, number, noun_written, horizon, at in _claims(text):
            line = first + text.count("\n", 0, at)
            noun = _NOUNS[noun_written.lower()]
            value = spoken_number(number)
            if value is None or value < 2 or 1900 <= value <= 2100:  # "satu program", "pada 2024 program"
                continue
            if horizon and noun == "program":
                group = _HORIZONS[horizon.lower()]
                if value not in allowed[group]:
                    yield page.path, line, COUNTS, message(COUNTS, "angka_horizon_tidak_sesuai", klaim=claim,
                                                           total=max(allowed[group]), horizon=horizon.lower())
            elif value not in allowed[noun]:
                yield page.path, line, COUNTS, message(
                    COUNTS, "angka_tidak_sesuai", klaim=claim, total=max(allowed[noun]), jenis=noun, nilai=value)


# What a sentence that opens with a programme's code says of its schedule, in its first clause: its
# horizon after a dash or "adalah/merupakan/termasuk/sebagai" ("— program jangka pendek 2028", "adalah quick
# win"), and the year closing the clause ("… secara elektronik pada 2028."), as BAB V describes each
# programme. Anything else (a regulation's year, a baseline or budget year, an evaluation, another
# programme's horizon, a second sentence) is not read: an editor's correct sentence must never fail.
_YEARS = r"(?P<start>\d{4})(?:\s*(?:[–—-]|s\.d\.|sampai(?:\s+dengan)?|hingga)\s*(?P<end>\d{4}))?(?!\d)"
_OWN_HORIZON = re.compile(rf"(?:[—–-]|\b(?:adalah|merupakan|termasuk|sebagai|yaitu))\s+(?P<claim>(?:program\s+)?"
                          rf"(?P<horizon>{_HORIZON})\b(?:\s+{_YEARS})?)", re.IGNORECASE)
_WHEN = re.compile(rf"(?P<claim>\bpada\s+{_YEARS})\s*$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"(?<!s\.d)[.;](?=\s|$)")  # not inside 1.250 or "s.d."
_CODE = re.compile(r"\b[A-Z]{3}-\d{2}\b")  # a programme code as data/program.schema.json shapes it


def _schedule_against(logic: PlanLogic, page: documents.Document) -> Iterator[Finding]:
    programmes = {p.code: p for p in logic.catalogue.programmes}
    spans = {key: (span.start, span.end) for key in _HORIZONS.values() if (span := logic.horizon(key))}
    for text, first in _passages(page):
        opening = _CODE.match(text.lstrip())
        end = _CLAUSE_END.search(text)
        clause = text[:end.start() if end else len(text)]
        if not opening or opening[0] not in programmes or set(_CODE.findall(clause)) != {opening[0]}:
            continue
        programme = programmes[opening[0]]
        for match in (*_OWN_HORIZON.finditer(clause), *_WHEN.finditer(clause)):
            horizon = _HORIZONS.get((match.groupdict().get("horizon") or "").lower())
            years = (int(match["start"]), int(match["end"] or match["start"])) if match["start"] else None
            horizon_agrees = horizon in (None, programme.horizon) or (horizon, programme.horizon) == ("pendek", "quick-win")
            years_agree = years is None or (programme.start_year <= years[0] <= years[1] <= programme.end_year
                                            or (horizon is not None and years == spans.get(horizon)))
            if not (horizon_agrees and years_agree):
                data = programme.horizon.replace("-", " ") if programme.quick_win else f"jangka {programme.horizon}"
                run = (f"{programme.start_year}" if programme.start_year == programme.end_year
                       else f"{programme.start_year}–{programme.end_year}")
                yield page.path, first + text.count("\n", 0, match.start()), SCHEDULE, message(
                    SCHEDULE, "tidak_sesuai", klaim=" ".join(match["claim"].split()), kode=programme.code,
                    horizon=data, tahun=run, berkas=PROGRAMMES, baris=programme_line(logic, programme.code, "tahun_mulai"))


def findings(logic: PlanLogic, pages: list[documents.Document]) -> list[Finding]:
    """LOGIKA-HITUNGAN and LOGIKA-JADWAL-TEKS in the prose of ``pages``: a count must be one the data
    supports (:func:`valid_counts`; for a named horizon, that horizon's), and a year or horizon written
    for the one programme a sentence names must be that programme's in data/program.yml."""
    allowed = valid_counts(logic)
    return [found for page in pages
            for found in (*_counts_against(allowed, page), *_schedule_against(logic, page))]


def page_rule(logic: PlanLogic) -> tuple[str, str, Callable[[documents.Document], list[Finding]]]:
    """``(kind, key, rule)`` for :func:`masterplan.checks.plan_logic.check`'s pages: the rule is
    :func:`findings` on one page; ``key`` is all it reads of the data (the counts, every programme's
    schedule and line, the horizons' years), under which a build keeps each page's findings: a pull
    request that rewords a programme does not read every page again."""
    schedules = sorted((p.code, p.horizon, p.start_year, p.end_year, programme_line(logic, p.code, "tahun_mulai"))
                       for p in logic.catalogue.programmes)
    horizons = sorted((span.key, span.start, span.end) for span in logic.horizons)
    key = text_of({"jumlah": {noun: sorted(values) for noun, values in valid_counts(logic).items()},
                   "jadwal": schedules, "horizon": horizons})
    return "logika-teks", key, lambda document: findings(logic, [document])
