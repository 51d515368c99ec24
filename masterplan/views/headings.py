"""Writes the computed numbers into a page's Markdown headings (site and PDF share the result)."""

from __future__ import annotations

import html
import re

from markdown.extensions.toc import slugify

from masterplan.model.documents import parse, strip_numbering
from masterplan.model.numbering import PageNumbers

_ATX = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)(?P<attrs>[ \t]*\{[^}]*\})?[ \t]*#*[ \t]*$")
_SETEXT_TEXT = re.compile(r"^ {0,3}(?P<text>\S.*?)(?P<attrs>[ \t]*\{[^}]*\})?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")


def _as_atx(lines: list[str], index: int, level: int) -> re.Match | None:
    """The heading at ``lines[index]`` as an ATX match; a setext heading (text underlined with ``===`` or
    ``---``) is rewritten in place as ATX, its underline left blank so that line numbers stay."""
    match = _ATX.match(lines[index])
    if match or index + 1 >= len(lines) or not _SETEXT_UNDERLINE.match(lines[index + 1]):
        return match
    setext = _SETEXT_TEXT.match(lines[index])
    if not setext:
        return None
    lines[index] = f"{'#' * level} {setext.group('text')}{setext.group('attrs') or ''}"
    lines[index + 1] = ""
    return _ATX.match(lines[index])


def number_headings(markdown: str, numbers: PageNumbers) -> str:
    """Return ``markdown`` (a page body, no front matter) with numbered headings.

    H1 gets the chapter label as a separate span (``BAB I``) so that print and screen can lay it out
    above the title; H2/H3 get their decimal number. A number the editor typed by hand is replaced, and
    each numbered heading keeps the anchor it would have had without the number, so links stay valid.
    """
    if numbers.label is None:
        return markdown
    headings = parse(markdown).headings
    by_line = numbers.numbers(headings)
    h1_lines = {h.line for h in headings if h.level == 1}
    levels = {h.line: h.level for h in headings}
    lines = markdown.split("\n")
    for line_number in sorted(set(by_line) | h1_lines):
        index = line_number - 1
        match = _as_atx(lines, index, levels[line_number])
        if not match:
            continue
        text = strip_numbering(match.group("text"))
        attrs = match.group("attrs") or f" {{ #{slugify(text, '-')} }}"
        if line_number in h1_lines:
            kind = "label-bab" if numbers.chapter_title else "label-bagian"
            label = f'<span class="{kind}">{html.escape(numbers.label)}</span>'
            lines[index] = f"{match.group('hashes')} {label} {text}{attrs}"
        else:
            lines[index] = f"{match.group('hashes')} {by_line[line_number]} {text}{attrs}"
    return "\n".join(lines)
