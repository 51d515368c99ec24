"""The theme's stylesheets in the PDF, without the rules that cannot apply to it.

The combined document takes its head from a website page, so it links Material's screen stylesheets
(about 150 KB: header, navigation, search, …). WeasyPrint matches every rule against every element of
the 130-page document; rules for the site's chrome never match and cost about a fifth of the render.
A selector that requires a class or an attribute no element of the document carries cannot match: those
selectors are dropped, and the rest is inlined in place of the link, so what is printed does not change.
Attributes matter as much as classes: WeasyPrint (cssselect2) files a selector under the class, tag or id
of its last part, and tests every other selector against every element; Material's palette
(``[data-md-color-primary=…]``, dozens of them) and right-to-left rules (``[dir=rtl]``) were two thirds
of those tests on the plan (measured: 1.4 million of 2 million) and never match, since the combined
document keeps no site ``<body>`` attributes.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import tinycss2
from bs4 import BeautifulSoup


def _selectors(prelude: list) -> list[list]:
    """The top-level tokens of each selector of a rule's prelude (split at top-level commas)."""
    found: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            found.append([])
        else:
            found[-1].append(token)
    return found


def _required_classes(selector: list) -> set[str]:
    """Classes the selector requires: ``.name`` outside functional pseudo-classes such as ``:not()`` and
    ``:is()`` (tinycss2 nests those, and attribute selectors, as blocks: they are not looked into)."""
    return {token.value for before, token in zip(selector, selector[1:])
            if before.type == "literal" and before.value == "." and token.type == "ident"}


def _required_attributes(selector: list) -> set[str]:
    """Attribute names the selector requires, lower case: ``[name]``, ``[name=value]``, … outside
    functional pseudo-classes; one with a namespace (``[ns|name]``) is not counted."""
    required = set()
    for token in selector:
        if token.type == "[] block":
            parts = [part for part in token.content if part.type != "whitespace"]
            if parts and parts[0].type == "ident" and not (len(parts) > 1 and parts[1] == "|"):
                required.add(parts[0].lower_value)
    return required


def prune(css: str, classes: set[str], attributes: set[str]) -> str:
    """``css`` without the selectors that require a class outside ``classes`` or an attribute name
    outside ``attributes`` (lower case); rules left with no selector are dropped; at-rules other than
    ``@media`` and ``@supports`` are kept as they are."""

    def possible(selector: list) -> bool:
        return _required_classes(selector) <= classes and _required_attributes(selector) <= attributes

    def rules(nodes) -> list[str]:
        kept = []
        for node in nodes:
            if node.type == "qualified-rule":
                selectors = [tinycss2.serialize(s).strip() for s in _selectors(node.prelude) if possible(s)]
                if selectors:
                    kept.append(",".join(selectors) + "{" + tinycss2.serialize(node.content) + "}")
            elif node.type == "at-rule" and node.at_keyword in ("media", "supports") and node.content:
                inner = rules(tinycss2.parse_blocks_contents(node.content, skip_comments=True,
                                                             skip_whitespace=True))
                if inner:
                    kept.append(f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}{{{''.join(inner)}}}")
            elif node.type == "at-rule":
                kept.append(tinycss2.serialize([node]))
        return kept

    return "".join(rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)))


def inline_theme_stylesheets(soup: BeautifulSoup, keep: list[str]) -> set[Path]:
    """Replace each ``file:`` stylesheet link in ``soup``'s head, except those ending in a name of
    ``keep`` (``extra_css``, which loads fonts by relative URL), by a ``<style>`` with its rules
    :func:`pruned <prune>` to the classes and attributes the document uses. A stylesheet with relative
    ``url()`` references is left linked, since inline they would resolve against no base. Returns the
    files read."""
    classes, attributes = set(), set()
    for tag in soup.find_all(True):
        classes.update(tag.get("class") or ())
        attributes.update(name.lower() for name in tag.attrs)
    read = set()
    for link in soup.head.find_all("link", rel="stylesheet"):
        href = link.get("href", "")
        if urlsplit(href).scheme != "file" or any(href.endswith("/" + name) for name in keep):
            continue
        path = Path(url2pathname(urlsplit(href).path))
        css = path.read_text(encoding="utf-8")
        if _has_relative_url(css):
            continue
        style = soup.new_tag("style")
        style.string = prune(css, classes, attributes)
        link.replace_with(style)
        read.add(path)
    return read


def _has_relative_url(css: str) -> bool:
    """Whether ``css`` holds a ``url()`` without a scheme (``data:`` and ``file:`` URLs have one)."""
    stack = list(tinycss2.parse_component_value_list(css))
    while stack:
        token = stack.pop()
        if token.type == "url":
            value = token.value
        elif token.type == "function" and token.lower_name == "url":
            value = "".join(part.value for part in token.arguments if part.type == "string")
        else:
            stack.extend(getattr(token, "content", None) or getattr(token, "arguments", None) or [])
            continue
        if not urlsplit(value).scheme:
            return True
    return False
