"""The one reader of ``mkdocs.yml`` in our package (MkDocs reads it for itself): :func:`source` gives the
file as the tolerant reader (:func:`masterplan.model.sources.read_yaml`) read it, with line numbers and its
problems; :func:`read` what the editors' checks need from it: the pages in the navigation (with their line
in mkdocs.yml), the pages deliberately left out of it (``not_in_nav``), the ``///`` block names the build
knows, whether pages are published as folders (``use_directory_urls``), the public and repository
addresses, and the words that open table and figure captions (the caption extension's ``prefix``,
"Tabel {}"). The file is read once per content, so a long ``mkdocs serve`` follows every edit.

Tolerant: a missing or unreadable mkdocs.yml gives an empty navigation and the default block names, so
that checking a lone file outside the repository still works (the build itself reports a broken config).
MkDocs' own tags (``!ENV``, ``!!python/name``) read as null.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pathspec
import yaml

from masterplan.model import problems
from masterplan.model.sources import YamlSource, read_yaml

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
    address ("" when unset); ``caption_words``: what opens a numbered caption ("Tabel", "Gambar");
    ``repo_url``: the repository's address ("" when unset)."""

    nav: dict[str, int]
    not_in_nav: pathspec.GitIgnoreSpec
    block_names: tuple[str, ...]
    directory_urls: bool = True
    found: bool = False
    site_url: str = ""
    caption_words: tuple[str, ...] = DEFAULT_CAPTION_WORDS
    repo_url: str = ""

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
    for entry in extensions if isinstance(extensions, list) else ():
        if isinstance(entry, dict) and CAPTION_EXTENSION in entry:
            options = entry[CAPTION_EXTENSION]
            types = options.get("types") if isinstance(options, dict) else None
            return types if isinstance(types, list) else []  # another shape: MkDocs refuses it (config_check)
    return []


def _block_names(extensions) -> tuple[str, ...]:
    types = _caption_types(extensions) or DEFAULT_BLOCKS
    return tuple(str(t.get("name")) if isinstance(t, dict) else str(t) for t in types)


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


def source(root: Path) -> YamlSource:
    """``root/mkdocs.yml`` as :func:`masterplan.model.sources.read_yaml` reads it (shown as ``mkdocs.yml``):
    the data (None when unreadable; the caller's own copy, free to change), the node tree for
    :meth:`~masterplan.model.sources.YamlSource.line_of` (shared: not to be changed) and the problems of
    an unreadable file or a YAML slip. Never raises."""
    kept = _kept(root)[0]
    return replace(kept, data=copy.deepcopy(kept.data), problems=list(kept.problems))


def read(root: Path) -> SiteConfig:
    """The :class:`SiteConfig` of the repository at ``root`` (``root/mkdocs.yml``). Never raises; read
    again only when the file changed (``mkdocs serve`` runs for hours)."""
    return _kept(root)[1]


# The file a problem of mkdocs.yml is being read from: every problem ends with the help address, taken
# from the package's own mkdocs.yml (masterplan.model.problems.help_url). While that file is being read
# it has no address to give yet: its own problems (unreadable, a YAML slip, a key written twice) point to
# the help page in the repository on GitHub instead, which opens as well.
_READING: set[Path] = set()


def _kept(root: Path) -> tuple[YamlSource, SiteConfig]:
    path = root / CONFIG
    if path in _READING:
        return YamlSource(CONFIG), _read_config(YamlSource(CONFIG))
    try:
        content = path.read_bytes()
    except OSError:
        content = None
    return _read(path, content)


# Keyed by the file's bytes rather than its modification time, which two saves within a clock tick
# share; a few contents are kept: the repository's, and those of the tests' scratch projects.
@lru_cache(maxsize=16)
def _read(path: Path, content: bytes | None) -> tuple[YamlSource, SiteConfig]:
    _READING.add(path)
    try:
        found = read_yaml(path, CONFIG)  # the file's own parse: the same text as content unless it changed since
    finally:
        _READING.discard(path)
    return found, _read_config(found)


def _read_config(found: YamlSource) -> SiteConfig:
    config, node = found.data, found.node
    if not isinstance(config, dict) or not isinstance(node, yaml.MappingNode):
        return SiteConfig({}, pathspec.GitIgnoreSpec.from_lines([]), DEFAULT_BLOCKS)
    nav: dict[str, int] = {}
    _nav_pages(next((value for key, value in node.value if key.value == "nav"), None), nav)
    patterns = config.get("not_in_nav") or ""
    spec = pathspec.GitIgnoreSpec.from_lines(str(patterns).splitlines())  # as MkDocs reads it
    return SiteConfig(nav, spec, _block_names(config.get("markdown_extensions")),
                      bool(config.get("use_directory_urls", True)), True, _address(config, "site_url"),
                      _caption_words(config.get("markdown_extensions")), _address(config, "repo_url"))


def _address(config: dict, key: str) -> str:
    return config[key] if isinstance(config.get(key), str) else ""


def _package_addresses() -> tuple[str, str]:
    config = read(PACKAGE_ROOT)  # looked up when asked: a test or a scratch copy may point it elsewhere
    return config.site_url, config.repo_url


problems.site_addresses = _package_addresses
