"""MkDocs plugin ``masterplan`` (mkdocs.yml, ``plugins``; registered in ``pyproject.toml``): the thin
adapter from MkDocs' build events to the plan's package. Each handler hands its event to the one
:class:`~masterplan.site.build.Build` of the current build, made in ``on_config``; nothing of substance
lives here. Listed last under ``plugins`` so that its events run after search, the PDF plugin and mike,
as the hooks it replaces did (``scripts/search_hooks.py`` still runs after it).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from mkdocs.plugins import BasePlugin, event_priority

from masterplan.publish import versions
from masterplan.site.build import Build
from masterplan.site.notices import DirtyNotice

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


class MasterplanPlugin(BasePlugin):
    """Numbers, checks and generated views of the plan; :attr:`build` is None until ``on_config``."""

    def __init__(self) -> None:
        self.build: Build | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(DirtyNotice())

    @event_priority(100)  # before the PDF plugin reads its options (output_path) and makes its cover
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.build = Build(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        versions.end_site_url_with_slash(config)  # after mike's on_config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.build.check_sources()
        return self.build.drop_pdf_templates(files)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return self.build.number(nav)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.build.page_markdown(markdown, page)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.build.page_html(html, page)

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        context["info_halaman"] = self.build.page_info(page)
        return context

    @event_priority(-100)  # after the PDF plugin has written the file
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.build.finish()
