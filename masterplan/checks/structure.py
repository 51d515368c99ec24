"""Headings: one H1, no skipped levels, required sections present, in order, not empty, not doubled.

Headings inside fenced code and admonitions do not count (see ``documents.Document.headings``); titles
are compared through ``documents.normalize_heading`` so that text pasted from Word still matches.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from masterplan.model.documents import Heading, normalize_heading
from masterplan.model.problems import Problem
from masterplan.model.rules import Section, message

if TYPE_CHECKING:
    from . import Context, Page


def _hashes(level: int) -> str:
    return "#" * level


def _one_h1(page: Page, context: Context, headings: list[Heading]) -> Iterator[Problem]:
    h1 = [h for h in headings if h.level == 1]
    if not h1:
        title = page.document.meta.get("title") or message("H1-TUNGGAL", "contoh_judul")
        yield context.problem(page, page.document.body_line, 0, "H1-TUNGGAL",
                              message("H1-TUNGGAL", "tanpa_judul", judul=title))
    for extra in h1[1:]:
        yield context.problem(page, extra.line, 1, "H1-TUNGGAL",
                              message("H1-TUNGGAL", "judul_ganda", baris=h1[0].line, judul=extra.text))


def _no_skipped_level(page: Page, context: Context, headings: list[Heading]) -> Iterator[Problem]:
    previous = 1
    for heading in headings:
        if heading.level > previous + 1:
            yield context.problem(page, heading.line, 1, "LOMPAT-JUDUL", message(
                "LOMPAT-JUDUL", "melompat", tanda=_hashes(heading.level), judul=heading.text, dari=previous,
                ke=heading.level, tanda_benar=_hashes(previous + 1)))
        previous = heading.level


def _section_end(headings: list[Heading], index: int) -> int:
    """The file line where the section opened by ``headings[index]`` ends (exclusive)."""
    level = headings[index].level
    for later in headings[index + 1:]:
        if later.level <= level:
            return later.line
    return 10 ** 9


def _not_empty(page: Page, context: Context, headings: list[Heading]) -> Iterator[Problem]:
    offset = page.document.body_line
    content = [t.map[0] + offset for t in page.document.tokens
               if t.map and t.nesting >= 0 and t.type not in ("heading_open", "inline", "hr")]
    for index, heading in enumerate(headings):
        if heading.level < 2:
            continue
        end = _section_end(headings, index)
        if not any(heading.line < line < end for line in content):
            yield context.problem(page, heading.line, 1, "BAGIAN-KOSONG", message(
                "BAGIAN-KOSONG", "kosong", tanda=_hashes(heading.level), judul=heading.text))


def _no_duplicates(page: Page, context: Context, headings: list[Heading]) -> Iterator[Problem]:
    seen: dict[tuple, Heading] = {}
    parents: dict[int, int] = {}  # level -> index of the latest heading at that level
    for index, heading in enumerate(headings):
        parent = max((i for level, i in parents.items() if level < heading.level), default=-1)
        parents = {level: i for level, i in parents.items() if level < heading.level}
        parents[heading.level] = index
        key = (parent, heading.level, normalize_heading(heading.text))
        if key in seen:
            first = seen[key]
            yield context.problem(page, heading.line, 1, "BAGIAN-GANDA", message(
                "BAGIAN-GANDA", "ganda", tanda=_hashes(heading.level), judul=heading.text, baris=first.line))
        else:
            seen[key] = heading


def _matches(section: Section, heading: Heading) -> bool:
    names = {normalize_heading(section.title), *(normalize_heading(a) for a in section.aliases)}
    return normalize_heading(heading.text) in names


def _misspelt(section: Section, sections: tuple[Section, ...], scope: list[Heading],
              level: int) -> Heading | None:
    """The heading at ``level`` in ``scope`` that is most likely ``section`` typed wrongly: it matches no
    required section, and its text is close to the section's title or an alias (difflib ratio >= 0.75)."""
    names = [normalize_heading(n) for n in (section.title, *section.aliases)]
    best, best_ratio = None, 0.75
    for heading in scope:
        if heading.level != level or any(_matches(other, heading) for other in sections):
            continue
        text = normalize_heading(heading.text)
        ratio = max(difflib.SequenceMatcher(None, text, name).ratio() for name in names)
        if ratio >= best_ratio:
            best, best_ratio = heading, ratio
    return best


_BOLD_ONLY = re.compile(r"^(\*\*|__)(?P<text>[^*_]+?)\1:?$")


def _bold_title(page: Page, section: Section, after: int) -> int | None:
    """The line (after line ``after``) of a paragraph that is only ``section``'s title in bold
    (``**Kesimpulan**``): the heading as Word users type it, which Markdown does not read as a heading."""
    names = {normalize_heading(n) for n in (section.title, *section.aliases)}
    document = page.document
    for token in document.content_tokens:
        match = _BOLD_ONLY.match(token.content.strip()) if token.type == "inline" and token.map else None
        line = token.map[0] + document.body_line if match else 0
        if match and line > after and normalize_heading(match.group("text")) in names:
            return line
    return None


def _required(page: Page, context: Context, sections: tuple[Section, ...], scope: list[Heading],
              level: int, ordered: bool, after: Heading | None) -> Iterator[Problem]:
    """Required ``sections`` at ``level`` among the headings in ``scope`` (the parent's range);
    ``after`` is the parent heading (None for the page's H2 sections)."""
    found: list[tuple[Section, Heading, int]] = []
    inside = message("BAGIAN-WAJIB", "di_dalam", tanda=_hashes(level - 1), judul=after.text) \
        if after and after.level > 1 else ""
    marks = _hashes(level)
    previous = after
    for section in sections:
        index = next((i for i, h in enumerate(scope) if h.level == level and _matches(section, h)), None)
        if index is None:
            also = message("BAGIAN-WAJIB", "alias", alias=", ".join(section.aliases)) if section.aliases else ""
            named = {"tanda": marks, "bagian": section.title, "di_dalam": inside}
            misplaced = next((h for h in scope if _matches(section, h)), None)
            misspelt = None if misplaced else _misspelt(section, sections, scope, level)
            if misspelt:
                yield context.problem(page, misspelt.line, 1, "BAGIAN-WAJIB", message(
                    "BAGIAN-WAJIB", "salah_eja", judul=misspelt.text, alias=also, **named))
                continue
            bold = None if misplaced else _bold_title(page, section, previous.line if previous else 0)
            if bold:
                yield context.problem(page, bold, 1, "BAGIAN-WAJIB", message("BAGIAN-WAJIB", "tebal", **named))
                continue
            line = previous.line if previous else page.document.body_line
            if misplaced:
                text = message("BAGIAN-WAJIB", "salah_tingkat", alias=also, baris=misplaced.line,
                               tanda_tertulis=_hashes(misplaced.level), **named)
            else:
                where = message("BAGIAN-WAJIB", "sesudah", tanda=_hashes(previous.level), judul=previous.text,
                                baris=previous.line) if previous else message("BAGIAN-WAJIB", "sesudah_judul_utama")
                text = message("BAGIAN-WAJIB", "tidak_ada", alias=also, letak=where, **named)
            yield context.problem(page, line, 0, "BAGIAN-WAJIB", text)
            continue
        heading = scope[index]
        found.append((section, heading, index))
        previous = heading
        if section.children:
            end = _section_end(scope, index)
            children = [h for h in scope[index + 1:] if h.line < end]
            yield from _required(page, context, section.children, children, level + 1, ordered, heading)
    if ordered:
        latest: tuple[Section, Heading, int] | None = None
        for entry in found:
            if latest and entry[2] < latest[2]:
                yield context.problem(page, entry[1].line, 1, "BAGIAN-URUTAN", message(
                    "BAGIAN-URUTAN", "salah_urutan", tanda=marks, judul=entry[1].text, sebelumnya=latest[1].text,
                    baris=latest[1].line, di_dalam=inside))
            else:
                latest = entry


def check(page: Page, context: Context) -> Iterator[Problem]:
    """H1-TUNGGAL, LOMPAT-JUDUL, BAGIAN-KOSONG, BAGIAN-GANDA, BAGIAN-WAJIB and BAGIAN-URUTAN for one
    page; the required sections come from rules.yml (``bagian_wajib`` and ``dimensi``)."""
    headings = page.document.headings
    yield from _one_h1(page, context, headings)
    yield from _no_skipped_level(page, context, headings)
    yield from _not_empty(page, context, headings)
    yield from _no_duplicates(page, context, headings)
    outline = context.rules.outline(page.name)
    yield from _required(page, context, outline.sections, headings, 2, outline.ordered, None)
