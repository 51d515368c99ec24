"""The Markdown our build hands to Python-Markdown, written out as a docs tree: for the benchmark's
like-for-like stock row (scripts/benchmark.py), where stock Material renders the same text our plugin
renders (every ``[[…]]`` marker already expanded, headings and captions numbered) instead of the source.

Run as ``python -m masterplan.devtools.rendered_markdown PROJECT TARGET``: one ``mkdocs build`` of
PROJECT's mkdocs.yml (our plugins, no PDF unless ENABLE_PDF_EXPORT is set; the caller unsets it) into a
folder beside TARGET; TARGET receives PROJECT's docs/ with every page replaced by its final Markdown.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority


class Capture(BasePlugin):
    """Writes each page's Markdown, as the last ``on_page_markdown`` left it, under ``target`` (the
    page's ``src_uri``); counts the pages in :attr:`pages`."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.pages = 0

    @event_priority(-100)  # after every plugin, ours included: what Python-Markdown is given
    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        # Front matter again (MkDocs strips it before this event), with the numbered title our build set,
        # so that the stock side shows the same titles; the abbreviations our build gives the abbr
        # extension for this page (masterplan.views.abbreviations.for_page) as Markdown definitions,
        # which the stock abbr extension turns into the same <abbr> elements.
        meta = {**page.meta, "title": page.title} if page.meta.get("title") else dict(page.meta)
        head = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
        glossary = config.mdx_configs.get("abbr", {}).get("glossary", {})
        definitions = "".join(f"*[{term}]: {text}\n" for term, text in glossary.items())
        path = self.target / page.file.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(head + markdown + ("\n\n" + definitions if definitions else "\n"), encoding="utf-8")
        self.pages += 1
        return markdown


def write(project: Path, target: Path) -> int:
    """Build ``project`` (a folder with our mkdocs.yml) once and fill ``target`` (a new folder) with its
    docs/ assets and every page's final Markdown (:class:`Capture`); returns the number of pages.
    Raises SystemExit when a page of docs/ was not rendered, so that both stock rows build as many pages."""
    docs = project / "docs"
    shutil.copytree(docs, target, ignore=shutil.ignore_patterns("*.md"))
    capture = Capture(target)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(target.parent / f"{target.name}-situs"))
    config.plugins["tangkap-markdown"] = capture
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    sources = sum(1 for _ in docs.rglob("*.md"))
    if capture.pages != sources:
        raise SystemExit(f"GAGAL: {capture.pages} halaman dirender, padahal docs/ berisi {sources} berkas .md.")
    return capture.pages


if __name__ == "__main__":
    print(write(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()))
