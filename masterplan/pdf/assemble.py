"""Adapter to mkdocs-with-pdf 0.9.3: its combined document, as its generator builds it, without its last step.

mkdocs-with-pdf offers no way to change how the PDF is written: ``Generator.on_post_build`` is a straight
list of soup transformations ending in a WeasyPrint call without options. :func:`combined` makes the
same calls in the same order (upstream ``generator.py``, lines 108–141, with ``render_js`` off) and
returns the document instead of rendering it; the plan's own steps and the rendering follow in
:mod:`masterplan.pdf.writer`. It relies on the generator's private members (``_head``, ``_nav``,
``_theme``, ``_get_content``, ``_normalize_link_anchors``): ``tests/test_pdf_adapter.py`` builds a small
site with the stock plugin and with ours and fails when the two documents differ, i.e. when an upgrade
of mkdocs-with-pdf changes what this module copies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from mkdocs_with_pdf.cover import make_cover
from mkdocs_with_pdf.options import Options
from mkdocs_with_pdf.styles import style_for_print
from mkdocs_with_pdf.toc import make_indexes
from mkdocs_with_pdf.utils.emoji_util import fix_twemoji
from mkdocs_with_pdf.utils.iframe_util import convert_iframe
from mkdocs_with_pdf.utils.image_util import fix_image_alignment
from mkdocs_with_pdf.utils.layout_util import convert_for_two_columns
from mkdocs_with_pdf.utils.tabbed_set_util import wrap_tabbed_set_content

if TYPE_CHECKING:
    from mkdocs_with_pdf.generator import Generator  # imports WeasyPrint


class NoEventHook:
    """Stands in for mkdocs-with-pdf's event-hook handler (a module named ``pdf_event_hook`` found on
    ``sys.path``): the plan changes the combined document by calling :mod:`masterplan.pdf.arrange`
    itself. ``inject_link`` leaves each page as it is: the theme handler would parse every page once
    more to add a "download PDF" link to a footer that Material 9 no longer has (CATATAN-TEKNIS.md C13)."""

    def inject_link(self, output_content: str, pdf_path: str, page, theme_handler) -> str:
        return output_content


class PlanOptions(Options):
    """mkdocs-with-pdf's options with :class:`NoEventHook` as the event hook."""

    _no_hook = NoEventHook()

    @property
    def hook(self) -> NoEventHook:
        return self._no_hook


def combined(generator: Generator, options: Options) -> BeautifulSoup:
    """The combined document of every page ``generator`` collected (``on_nav``, ``on_post_page``), in nav
    order, with the plugin's print stylesheets, numbered headings, contents page and cover: what
    mkdocs-with-pdf 0.9.3 would hand to WeasyPrint, before any event hook."""
    if generator._head:
        soup = BeautifulSoup("<html><body></body></html>", "html.parser")
        soup.html.insert(0, generator._head)
    else:
        soup = BeautifulSoup("<html><head></head><body></body></html>", "html.parser")
    for stylesheet in (style_for_print(options), generator._theme.get_stylesheet(options.debug_html)):
        if stylesheet:
            style = soup.new_tag("style")
            style.string = stylesheet
            soup.head.append(style)
    for page in generator._nav:
        content = generator._get_content(soup, page)
        if content:
            soup.body.append(content)
    make_indexes(soup, options)
    make_cover(soup, options)
    wrap_tabbed_set_content(soup, options.logger)
    fix_image_alignment(soup, options.logger)
    convert_iframe(soup, options.convert_iframe, options.logger)
    convert_for_two_columns(soup, options.two_columns_level, options.logger)
    generator._normalize_link_anchors(soup)
    fix_twemoji(soup, options.logger)  # what the generator's _render_js does when render_js is off
    return soup
