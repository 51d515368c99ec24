"""What the editors' checks need from ``mkdocs.yml``, read once without MkDocs: the pages in the
navigation (with their line in mkdocs.yml), the pages deliberately left out of it (``not_in_nav``), the
``///`` block names the build knows, whether pages are published as folders (``use_directory_urls``), and
the words that open table and figure captions (the caption extension's ``prefix``, "Tabel {}").

Tolerant: a missing or unreadable mkdocs.yml gives an empty navigation and the default block names, so
that checking a lone file outside the repository still works (the build itself reports a broken config).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pathspec
import yaml

from masterplan.model.sources import parse_yaml

CONFIG = "mkdocs.yml"
PDF_PLUGIN = "masterplan-pdf"  # our PDF plugin's name in mkdocs.yml (pyproject.toml entry point)
CAPTION_EXTENSION = "pymdownx.blocks.caption"
# pymdownx.blocks.caption's own types when mkdocs.yml names none (its documentation: figure-caption,
# table-caption); "caption" is the generic type every configuration keeps.
DEFAULT_BLOCKS = ("caption", "figure-caption", "table-caption")
# The caption words when mkdocs.yml sets no prefix (the plan's own; the extension would say "Table").
DEFAULT_CAPTION_WORDS = ("Tabel", "Gambar")
# The repository this package is installed from: its mkdocs.yml, like its rules.yml, is the one the
# build, the PDF writer and the proofreader follow when no other root is given.
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class SiteConfig:
    """``nav``: docs-relative page -> 1-based line in mkdocs.yml (empty when there is no nav: MkDocs then
    lists every page); ``not_in_nav``: gitignore-style patterns; ``block_names``: known ``///`` blocks;
    ``directory_urls``: ``bab-1.md`` is published as ``bab-1/index.html``; ``site_url``: the public
    address ("" when unset); ``caption_words``: what opens a numbered caption ("Tabel", "Gambar")."""

    nav: dict[str, int]
    not_in_nav: pathspec.GitIgnoreSpec
    block_names: tuple[str, ...]
    directory_urls: bool = True
    found: bool = False
    site_url: str = ""
    caption_words: tuple[str, ...] = DEFAULT_CAPTION_WORDS

    def in_nav(self, name: str) -> bool:
        """True when the page ``name`` (docs-relative, posix) is in the nav or deliberately left out."""
        return not self.found or not self.nav or name in self.nav or self.not_in_nav.match_file(name)


def _nav_pages(node: yaml.Node | None, found: dict[str, int]) -> None:
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _nav_pages(item, found)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            _nav_pages(value, found)
    elif isinstance(node, yaml.ScalarNode) and node.value.endswith(".md") and "://" not in node.value:
        found.setdefault(node.value, node.start_mark.line + 1)


def _caption_types(extensions) -> list:
    """The ``types`` the caption extension is configured with in ``markdown_extensions`` (empty: its own)."""
    for entry in extensions or ():
        if isinstance(entry, dict) and CAPTION_EXTENSION in entry:
            return (entry[CAPTION_EXTENSION] or {}).get("types") or []
    return []


def _block_names(extensions) -> tuple[str, ...]:
    types = _caption_types(extensions) or DEFAULT_BLOCKS
    return tuple(t["name"] if isinstance(t, dict) else str(t) for t in types)


def _caption_words(extensions) -> tuple[str, ...]:
    """The words before the number in the caption types' ``prefix`` ("Tabel {}" -> "Tabel")."""
    prefixes = (t.get("prefix") for t in _caption_types(extensions) if isinstance(t, dict))
    words = tuple(word for p in prefixes if isinstance(p, str) and (word := p.split("{")[0].strip()))
    return words or DEFAULT_CAPTION_WORDS


def caption_words(root: Path = PACKAGE_ROOT) -> tuple[str, ...]:
    """The caption words of ``root/mkdocs.yml`` (:attr:`SiteConfig.caption_words`): the one source of
    "Tabel" and "Gambar" for the code that finds numbered captions in HTML, PDF text and the like."""
    return read(root).caption_words


def words_pattern(words: tuple[str, ...]) -> str:
    """A regex alternative of ``words``, longest first so that "Tabel" wins over a shorter "Tab"."""
    return "(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + ")"


def read(root: Path) -> SiteConfig:
    """The :class:`SiteConfig` of the repository at ``root`` (``root/mkdocs.yml``). Never raises; read
    again only when the file changed (``mkdocs serve`` runs for hours)."""
    try:
        stamp = (root / CONFIG).stat().st_mtime_ns
    except OSError:
        stamp = 0
    return _read(root, stamp)


@cache
def _read(root: Path, stamp: int) -> SiteConfig:
    empty = pathspec.GitIgnoreSpec.from_lines([])
    try:
        text = (root / CONFIG).read_text(encoding="utf-8")
        config, node = parse_yaml(text)  # libyaml, composed once
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return SiteConfig({}, empty, DEFAULT_BLOCKS)
    if not isinstance(config, dict) or not isinstance(node, yaml.MappingNode):
        return SiteConfig({}, empty, DEFAULT_BLOCKS)
    nav: dict[str, int] = {}
    _nav_pages(next((value for key, value in node.value if key.value == "nav"), None), nav)
    patterns = config.get("not_in_nav") or ""
    spec = pathspec.GitIgnoreSpec.from_lines(str(patterns).splitlines())  # as MkDocs reads it
    return SiteConfig(nav, spec, _block_names(config.get("markdown_extensions")),
                      bool(config.get("use_directory_urls", True)), True,
                      config["site_url"] if isinstance(config.get("site_url"), str) else "",
                      _caption_words(config.get("markdown_extensions")))
