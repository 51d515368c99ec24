"""MkDocs adapter for the Indonesian site search (``masterplan.views.search_index``), around Material's search
plugin (whose events run at the default priority 0)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from masterplan.model import word_cache
from masterplan.views import search_index

_table_rows: dict[str, list[str]] = {}  # row lines of every table by search location, for this build


def on_pre_build(*, config) -> None:
    _table_rows.clear()


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    """Keep the editors' guide out of the readers' search (Material reads ``search.exclude``)."""
    if not search_index.in_readers_search(page.file.src_uri):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


@event_priority(50)  # before Material's search plugin indexes the page and strips the mark again
def on_page_context(context: dict, *, page, config, nav) -> dict:
    """Index tables as one line per row ("Header: value; …") instead of cells run together."""
    page.content, rows = search_index.mark_tables(page.content, page.url)
    _table_rows.update(rows)
    return context


@event_priority(-50)  # after Material's search plugin wrote search/search_index.json
def on_post_build(*, config) -> None:
    """Split the index: a stub fetched by every page, the full index loaded on the first query."""
    search_index.write_lazy_index(Path(config.site_dir), _table_rows,
                                  Path(config.config_file_path).parent / word_cache.FOLDER)
