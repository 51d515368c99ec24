"""The Indonesian site search (:mod:`masterplan.views.search_index`) in one build, around Material's search
plugin: what the plugin ``masterplan`` hands to it before and after Material indexes (CATATAN-TEKNIS.md C28,
C33). One object per build, so the table rows of an earlier ``mkdocs serve`` rebuild never leak in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from masterplan.model import word_cache
from masterplan.views import search_index

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


class SiteSearch:
    """The row lines of every table by search location (``search_index.mark_tables``), kept from the page
    events until the index is split after the build."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.site_dir = Path(config.site_dir)
        self.cache_dir = Path(config.config_file_path).parent / word_cache.FOLDER
        self.table_rows: dict[str, list[str]] = {}

    @staticmethod
    def exclude_editors_pages(page: Page) -> None:
        """Keep the editors' guide out of the readers' search (Material reads ``search.exclude``)."""
        if not search_index.in_readers_search(page.file.src_uri):
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}

    def mark_tables(self, page: Page) -> None:
        """Index the page's tables as one line per row ("Header: value; …") instead of cells run together;
        must run before Material's search plugin indexes the page (it strips the mark again)."""
        page.content, rows = search_index.mark_tables(page.content, page.url)
        self.table_rows.update(rows)

    def split_index(self) -> None:
        """Split the index Material wrote: a stub fetched by every page, the full index loaded on the first
        query (``search_index.write_lazy_index``)."""
        search_index.write_lazy_index(self.site_dir, self.table_rows, self.cache_dir)
