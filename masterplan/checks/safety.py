"""Safety of a government site: no raw HTML that runs code or embeds other sites.

Rejected (list in rules.yml, ``html_berbahaya``): elements such as ``<script>``, ``<iframe>``,
``<object>``, ``<style>``; any ``on...=`` event attribute; ``javascript:`` and similar URLs in HTML
attributes and in Markdown links or images. Raw HTML is read with the standard library's HTML parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from masterplan.model.problems import Problem
from masterplan.model.rules import message

if TYPE_CHECKING:
    from . import Context, Page

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href",
                   "background", "codebase", "cite", "longdesc"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def tags(fragment: str) -> list[tuple[str, dict[str, str]]]:
    """The start tags in an HTML ``fragment``: ``(tag name, {attribute: value})``, names lower case."""
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser.found


def html_fragments(page: Page) -> Iterator[tuple[str, int]]:
    """Every piece of raw HTML in the page (blocks and inline) with its 1-based file line."""
    for token in page.document.content_tokens:
        if token.type == "html_block" and token.map:
            yield token.content, token.map[0] + page.document.body_line
    for token, line in page.document.inline_tokens():
        if token.type == "html_inline":
            yield token.content, line


def dangerous_scheme(url: str, schemes: list[str]) -> str | None:
    """The rejected scheme ``url`` starts with (ignoring case, spaces and control characters), if any."""
    compact = "".join(c for c in url if c.isprintable() and not c.isspace()).lower()
    return next((s for s in schemes if compact.startswith(s)), None)


def _column(page: Page, line: int, needle: str) -> int:
    lines = page.document.lines
    text = lines[line - 1].lower() if 0 < line <= len(lines) else ""
    return text.find(needle.lower()) + 1


def check(page: Page, context: Context) -> Iterator[Problem]:
    """HTML-BERBAHAYA for raw HTML elements, event attributes and script URLs."""
    spec = context.rules.raw["html_berbahaya"]
    elements, schemes = set(spec["elemen"]), spec["skema"]
    rule = "HTML-BERBAHAYA"
    advice = message(rule, "saran")
    for fragment, line in html_fragments(page):
        for tag, attributes in tags(fragment):
            if tag in elements:
                yield context.problem(page, line, _column(page, line, f"<{tag}"), rule,
                                      message(rule, "elemen", elemen=tag, saran=advice))
                continue
            for name, value in attributes.items():
                scheme = dangerous_scheme(value, schemes) if name in _URL_ATTRIBUTES else None
                if scheme:
                    text = message(rule, "alamat_atribut", elemen=tag, skema=scheme, atribut=name, saran=advice)
                elif name.startswith("on"):
                    text = message(rule, "atribut", elemen=tag, atribut=name, saran=advice)
                else:
                    continue
                yield context.problem(page, line, _column(page, line, name), rule, text)
    for token, line in page.document.inline_tokens():
        url = token.attrGet("href") if token.type == "link_open" else \
            token.attrGet("src") if token.type == "image" else None
        scheme = dangerous_scheme(str(url), schemes) if url is not None else None
        if scheme:
            yield context.problem(page, line, _column(page, line, scheme.rstrip(":")), rule,
                                  message(rule, "tautan", skema=scheme))
