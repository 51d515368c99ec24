"""Reading a chapter's Markdown source: front matter and headings, with line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

_FRONT_MATTER_FENCE = "---"
# CommonMark sees an indented admonition body as a code block, so headings inside admonitions and
# fenced code are not reported as sections: the same as what the reader sees.
_PARSER = MarkdownIt("commonmark")


@dataclass(frozen=True)
class Heading:
    """One ATX or setext heading: level 1–6, its plain text, and its 1-based line in the file."""

    level: int
    text: str
    line: int


@dataclass
class Document:
    """A Markdown page split into front matter and body.

    ``meta`` is the parsed front matter (empty when absent or invalid); ``meta_error`` holds
    ``(line, problem)`` when the YAML could not be parsed, the line being 1-based in the whole file.
    ``body_line`` is the 1-based file line where the body starts.
    """

    path: str
    text: str
    meta: dict = field(default_factory=dict)
    meta_error: tuple[int, str] | None = None
    body: str = ""
    body_line: int = 1

    @property
    def headings(self) -> list[Heading]:
        """All headings of the body, in order, with their line in the file."""
        tokens = _PARSER.parse(self.body)
        found = []
        for i, token in enumerate(tokens):
            if token.type == "heading_open" and token.map:
                inline = tokens[i + 1]
                found.append(Heading(int(token.tag[1]), inline.content.strip(),
                                     token.map[0] + self.body_line))
        return found


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split ``text`` into (front-matter YAML or None, body, 1-based line where the body starts).

    The front matter is the block between a first line ``---`` and the next line ``---``; a byte-order
    mark and CRLF line ends (text pasted from Word) are tolerated.
    """
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != _FRONT_MATTER_FENCE:
        return None, text.lstrip("\ufeff"), 1
    for index in range(1, len(lines)):
        if lines[index].strip() == _FRONT_MATTER_FENCE:
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return None, text.lstrip("\ufeff"), 1


def parse(text: str, path: str = "") -> Document:
    """Parse Markdown ``text`` (the whole file) into a :class:`Document`. Never raises on bad YAML."""
    raw_meta, body, body_line = split_front_matter(text)
    document = Document(path=path, text=text, body=body, body_line=body_line)
    if raw_meta is None:
        return document
    try:
        meta = yaml.safe_load(raw_meta)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        document.meta_error = (line, getattr(error, "problem", None) or str(error))
        return document
    if isinstance(meta, dict):
        document.meta = meta
    elif meta is not None:
        document.meta_error = (2, "front matter harus berupa pasangan 'kunci: nilai'")
    return document


def load(path: Path, root: Path | None = None) -> Document:
    """Read and parse the file at ``path``; ``root`` makes the stored path relative for messages.

    Raises ``OSError`` when the file cannot be read and ``UnicodeDecodeError`` when it is not UTF-8.
    """
    shown = path.relative_to(root).as_posix() if root else path.as_posix()
    return parse(path.read_text(encoding="utf-8"), shown)


_NUMBERING_PREFIX = re.compile(r"^\s*(?:bab\s+[ivxlc]+\.?|\d+(?:\.\d+)*\.?)\s+", re.IGNORECASE)


def strip_numbering(title: str) -> str:
    """Remove a leading hand-typed number such as ``1.1`` or ``BAB II`` from a heading text."""
    return _NUMBERING_PREFIX.sub("", title)
