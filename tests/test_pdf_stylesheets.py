"""Pruning the theme's stylesheets for the PDF: a selector goes only when it cannot match."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from masterplan.pdf.stylesheets import inline_theme_stylesheets, prune

CLASSES = {"md-typeset", "admonition", "note"}
ATTRIBUTES = {"class", "href", "id"}


@pytest.mark.parametrize("css, kept", [
    (".md-typeset .admonition{color:red}", ".md-typeset .admonition{color:red}"),
    (".md-header{color:red}", ""),  # the site's chrome: no element has the class
    (".md-header,.md-typeset p{color:red}", ".md-typeset p{color:red}"),  # only the selector that can match
    ("p:not(.md-header){color:red}", "p:not(.md-header){color:red}"),  # :not() makes it match more
    (":is(.md-nav,.note) p{color:red}", ":is(.md-nav,.note) p{color:red}"),  # not looked into
    ('a[href$=".pdf"]{color:red}', 'a[href$=".pdf"]{color:red}'),  # a dot inside an attribute value
    ("@media print{.md-sidebar{display:none}.note{color:red}}", "@media print{.note{color:red}}"),
    ("@media print{.md-sidebar{display:none}}", ""),
    (":root{--md-primary:#fff}html{font-size:125%}", ":root{--md-primary:#fff}html{font-size:125%}"),
    ("@font-face{font-family:x;src:url(x.woff2)}", "@font-face{font-family:x;src:url(x.woff2)}"),
    # Material's palette and right-to-left rules: no element of the combined document has the attribute.
    ("[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}", ""),
    ("[dir=rtl] .md-typeset p,.md-typeset p{color:red}", ".md-typeset p{color:red}"),
    ("[DATA-MD-COLOR-SCHEME]{color:red}", ""),  # attribute names are matched without case
    ('a[HREF^="http"]{color:red}', 'a[HREF^="http"]{color:red}'),  # an attribute the document has
    ("[ns|data-x]{color:red}", "[ns|data-x]{color:red}"),  # with a namespace: not looked into
    (":not([dir=rtl]) p{color:red}", ":not([dir=rtl]) p{color:red}"),  # inside :not(): matches more
])
def test_prune_keeps_what_can_match(css, kept):
    assert prune(css, CLASSES, ATTRIBUTES) == kept


def test_theme_stylesheet_inlined_pruned_and_extra_css_left_linked(tmp_path):
    (tmp_path / "main.css").write_text(".md-header{color:red}.md-typeset p{color:blue}[dir=rtl] p{margin:0}",
                                       encoding="utf-8")
    (tmp_path / "relative.css").write_text(".md-typeset{background:url(bg.png)}", encoding="utf-8")
    (tmp_path / "bangli.css").write_text("@font-face{src:url(f.woff2)}", encoding="utf-8")
    links = "".join(f'<link rel="stylesheet" href="{(tmp_path / name).as_uri()}">'
                    for name in ("main.css", "relative.css", "bangli.css"))
    soup = BeautifulSoup(f'<html><head>{links}</head><body><article class="md-typeset"><p>x</p>'
                         "</article></body></html>", "html.parser")
    read = inline_theme_stylesheets(soup, ["assets/css/bangli.css", "bangli.css"])
    assert [style.string for style in soup.head.find_all("style")] == [".md-typeset p{color:blue}"]
    assert [link["href"].rsplit("/", 1)[-1] for link in soup.head.find_all("link")] == ["relative.css", "bangli.css"]
    assert read == {tmp_path / "main.css"}
