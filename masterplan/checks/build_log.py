"""MkDocs' English warnings that an editor can cause, rewritten in the checks' own form
``path:line: [RULE-ID] pesan`` (Bahasa Indonesia) before they reach the build log.

The editors' checks run first (``on_files``) and stop the build on every such mistake they know: a broken
link or anchor (TAUTAN-RUSAK), a missing image (GAMBAR-HILANG, GAMBAR-JALUR), a page outside the
navigation or a navigation entry without a page (HALAMAN-NAVIGASI). These warnings therefore only appear
for a case the checks miss; the editor still reads it in the same form. Message texts are MkDocs 1.6.1's
(``mkdocs/structure/pages.py`` and ``nav.py``); anything else passes unchanged.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

from masterplan.model.problems import ERROR, Problem, help_reference
from masterplan.model.rules import message
from masterplan.model import site_config
from masterplan.model.site_config import CONFIG

from . import images, links, placement

_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp)$", re.IGNORECASE)
_DOC = r"Doc file '(?P<page>[^']+)' contains "
_LINK = r"a link '(?P<target>[^']*)', but "
# MkDocs' message -> which of our messages it stands for (the words are those of the editors' checks).
_PATTERNS = [
    (re.compile(_DOC + _LINK + r"the target(?: '[^']*')? is not found among documentation files\."), "missing"),
    (re.compile(_DOC + _LINK + r"(?:there is no such anchor on this page|the doc '(?P<doc>[^']+)' does not "
                               r"contain an anchor '[^']+')\."), "anchor"),
    (re.compile(_DOC + r"an unrecognized relative link '(?P<target>[^']*)', it was left as is\."), "not_a_file"),
    (re.compile(_DOC + r"an absolute link '(?P<target>[^']*)', it was left as is\."), "absolute"),
    (re.compile(_DOC + r"a link to '(?P<target>[^']*)' which is excluded from the built site\."), "excluded"),
]
_NAV_MISSING = re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, which "
                          r"is not found in the documentation files\.")
_NOT_IN_NAV = re.compile(r"The following pages exist in the docs directory, but are not included in the "
                         r"\"nav\" configuration:\n(?P<pages>(?:  - .+\n?)+)")


def _line_of(path: Path, needle: str) -> int:
    """The first 1-based line of ``path`` holding ``needle`` (1 when not found or unreadable)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, 1) if needle in line), 1)


LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")  # where MkDocs logs the warnings above


def _link_message(kind: str, page: str, target: str, doc: str | None, docs_dir: Path) -> tuple[str, str]:
    """The rule and the editors' checks' own message for MkDocs' link warning of ``kind`` (see
    :data:`_PATTERNS`) about the link ``target`` of the docs-relative ``page``."""
    path, _, anchor = target.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if kind == "missing" and _IMAGE.search(path):
        return "GAMBAR-HILANG", images.missing_image(target, page)
    if kind == "missing":
        return links.RULE, links.missing_page(target, page, resolved, anchor, docs_dir)
    if kind == "anchor":
        return links.RULE, message(links.RULE, "jangkar", tautan=target, jangkar=anchor, berkas=doc or page)
    if kind == "not_a_file":
        return links.RULE, links.not_a_file(target, resolved)
    if kind == "absolute":
        return links.RULE, links.absolute(target, page, path, f"#{anchor}" if anchor else "", docs_dir)
    return links.RULE, message(links.RULE, "tidak_diterbitkan", tautan=target)


def translate(warning: str, docs_dir: Path, root: Path) -> list[Problem]:
    """The problems an MkDocs warning ``warning`` stands for, located in the editor's file; empty when the
    message is not one an editor causes (it is then logged unchanged). Errors: ``--strict`` fails on them."""
    docs = docs_dir.resolve().relative_to(root.resolve()).as_posix() if docs_dir.resolve().is_relative_to(
        root.resolve()) else docs_dir.as_posix()

    def problem(path: str, line: int, rule: str, text: str) -> Problem:
        return Problem(path, line, 0, rule, f"{text} {help_reference(rule)}", ERROR)

    for pattern, kind in _PATTERNS:
        match = pattern.fullmatch(warning.strip())
        if match:
            page, target = match.group("page"), match.group("target")
            rule, text = _link_message(kind, page, target, match.groupdict().get("doc"), docs_dir)
            return [problem(f"{docs}/{page}", _line_of(docs_dir / page, target), rule, text)]
    match = _NAV_MISSING.fullmatch(warning.strip())
    if match:
        target = match.group("target")
        return [problem(CONFIG, site_config.read(root).nav.get(target, 1), placement.NAV,
                        message(placement.NAV, "nav_tanpa_berkas", berkas=target))]
    match = _NOT_IN_NAV.fullmatch(warning.strip() + "\n")
    if match:
        pages = [line.strip()[2:] for line in match.group("pages").splitlines() if line.strip()]
        return [problem(f"{docs}/{page}", 1, placement.NAV, placement.not_in_nav(page)) for page in pages]
    return []


class Translator(logging.Filter):
    """A filter for MkDocs' loggers (:data:`LOGGERS`): a warning an editor caused leaves as our problem
    line(s), still a warning for MkDocs (so ``--strict`` still fails)."""

    def __init__(self, docs_dir: Path, root: Path) -> None:
        super().__init__()
        self.docs_dir, self.root = docs_dir, root

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        problems = translate(record.getMessage(), self.docs_dir, self.root)
        if problems:
            record.msg, record.args = "\n".join(p.text() for p in problems), ()
        return True


_WEASYPRINT_IMAGE = re.compile(r"^Failed to load image at '(?P<url>[^']+)'")


def weasyprint_message(error: str) -> str:
    """WeasyPrint's ``error`` for the build log: an image it could not load (an editor's wrong image path,
    checked as GAMBAR-JALUR / GAMBAR-HILANG before the build) in Bahasa Indonesia; any other error
    prefixed with "WeasyPrint:" as it is (layout internals an editor cannot act on)."""
    match = _WEASYPRINT_IMAGE.match(error)
    if match:
        name = match.group("url").rsplit("/", 1)[-1]
        text = message("GAMBAR-JALUR", "di_pdf", gambar=name, alamat=match.group("url"))
        return f'[GAMBAR-JALUR] {text} {help_reference("GAMBAR-JALUR")}'
    return f"WeasyPrint: {error}"


def install(docs_dir: Path, root: Path) -> None:
    """MkDocs' English link and navigation warnings reach the log as ``path:line: [RULE-ID]`` lines in
    Bahasa Indonesia (one filter per logger, replaced on every build of ``mkdocs serve``)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, Translator)]:
            logger.removeFilter(old)
        logger.addFilter(Translator(docs_dir, root))
