"""MkDocs plugin ``masterplan`` (mkdocs.yml, ``plugins``; registered in ``pyproject.toml``): the thin
adapter from MkDocs' build events to the plan's package. Each handler hands its event to the one
:class:`~masterplan.site.build.Build` of the current build, made in ``on_config``; nothing of substance
lives here. Listed last under ``plugins`` so that its events run after search and the PDF plugin (and
after mike, whose plugin ``mike deploy`` puts first), as the hooks it replaced did (CATATAN-TEKNIS.md C39); the site search's handlers (:mod:`.search`) take the
priorities around Material's search plugin that they need.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from masterplan.publish import versions
from masterplan.site import kept, stale
from masterplan.site.build import Build
from masterplan.site.notices import DirtyNotice
from masterplan.site.search import SiteSearch

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


class MasterplanPlugin(BasePlugin):
    """Numbers, checks and generated views of the plan, and the site search; :attr:`build` and
    :attr:`search` are None until ``on_config``."""

    def __init__(self) -> None:
        self.build: Build | None = None
        self.search: SiteSearch | None = None
        self.dirty = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # on_startup keeps this plugin for every rebuild of `mkdocs serve`, so `dirty` holds for all of them
        self.dirty = dirty
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(DirtyNotice())

    @event_priority(100)  # before the PDF plugin reads its options (output_path) and makes its cover
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.build = Build(config)
        self.search = SiteSearch(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        versions.end_site_url_with_slash(config)  # after mike's on_config
        versions.link_latest(config)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.build.check_sources()
        if self.dirty:
            stale.rebuild_stale(files, self.build.root, self.build.docs_dir)
        return self.build.drop_pdf_templates(files)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        return kept.cache_templates(env, self.build.root)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return self.build.number(nav)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        markdown = self.build.page_markdown(markdown, page)
        self.search.exclude_editors_pages(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.build.page_html(html, page)

    @event_priority(50)  # before Material's search plugin indexes the page and strips the mark again
    def _mark_search_tables(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        self.search.mark_tables(page)
        return context

    def _page_info(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        context["info_halaman"] = self.build.page_info(page)
        return context

    on_page_context = CombinedEvent(_mark_search_tables, _page_info)

    @event_priority(-50)  # after Material's search plugin wrote search/search_index.json
    def _split_search_index(self, *, config: MkDocsConfig) -> None:
        self.search.split_index()

    @event_priority(-100)  # after the PDF plugin has written the file
    def _finish(self, *, config: MkDocsConfig) -> None:
        self.build.finish()

    on_post_build = CombinedEvent(_split_search_index, _finish)
