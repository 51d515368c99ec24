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
import re
from pathlib import Path

from masterplan.model.problems import ERROR, Problem, help_reference
from masterplan.model.site_config import CONFIG

_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp)$", re.IGNORECASE)
_DOC = r"Doc file '(?P<page>[^']+)' contains "
_PATTERNS = [
    (re.compile(_DOC + r"a link '(?P<target>[^']*)', but the target(?: '[^']*')? is not found among "
                       r"documentation files\."),
     "tidak menuju ke berkas yang ada di folder docs/. Periksa nama berkas (huruf besar dan kecil dibedakan) "
     "dan foldernya; alamat ditulis dari folder berkas ini."),
    (re.compile(_DOC + r"a link '(?P<target>[^']*)', but (?:there is no such anchor on this page|the doc "
                       r"'[^']+' does not contain an anchor '[^']+')\."),
     "menuju bagian yang tidak ada di halaman tujuannya. Salin alamat bagian dari ikon tautan di samping "
     "judulnya di situs."),
    (re.compile(_DOC + r"an unrecognized relative link '(?P<target>[^']*)', it was left as is\."),
     "bukan alamat berkas. Tautkan berkas Markdown-nya (mis. bab-1-pendahuluan.md), bukan alamat halaman situs."),
    (re.compile(_DOC + r"an absolute link '(?P<target>[^']*)', it was left as is\."),
     "ditulis sebagai alamat absolut. Tulis alamat relatif dari berkas ini ke berkas .md."),
    (re.compile(_DOC + r"a link to '(?P<target>[^']*)' which is excluded from the built site\."),
     "menuju halaman yang tidak diterbitkan. Hapus tautan ini atau tautkan halaman lain."),
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


def translate(message: str, docs_dir: Path, root: Path) -> list[Problem]:
    """The problems an MkDocs warning ``message`` stands for, located in the editor's file; empty when the
    message is not one an editor causes (it is then logged unchanged). Errors: ``--strict`` fails on them."""
    docs = docs_dir.resolve().relative_to(root.resolve()).as_posix() if docs_dir.resolve().is_relative_to(
        root.resolve()) else docs_dir.as_posix()

    def problem(path: str, line: int, rule: str, text: str) -> Problem:
        return Problem(path, line, 0, rule, f"{text} {help_reference(rule)}", ERROR)

    for pattern, advice in _PATTERNS:
        match = pattern.fullmatch(message.strip())
        if match:
            page, target = match.group("page"), match.group("target")
            rule = "GAMBAR-HILANG" if _IMAGE.search(target.split("#")[0]) else "TAUTAN-RUSAK"
            what = f'Gambar "{target}"' if rule == "GAMBAR-HILANG" else f'Tautan "{target}"'
            return [problem(f"{docs}/{page}", _line_of(docs_dir / page, target), rule, f"{what} {advice}")]
    match = _NAV_MISSING.fullmatch(message.strip())
    if match:
        target = match.group("target")
        return [problem(CONFIG, _line_of(root / CONFIG, target), "HALAMAN-NAVIGASI",
                        f'Daftar navigasi (nav:) menyebut "{target}", tetapi berkas itu tidak ada di folder docs/. '
                        "Samakan baris ini dengan nama berkas yang sekarang, atau hapus barisnya.")]
    match = _NOT_IN_NAV.fullmatch(message.strip() + "\n")
    if match:
        pages = [line.strip()[2:] for line in match.group("pages").splitlines() if line.strip()]
        return [problem(f"{docs}/{page}", 1, "HALAMAN-NAVIGASI",
                        f'Halaman "{page}" tidak ada di daftar navigasi (nav: di mkdocs.yml), sehingga pembaca '
                        "tidak dapat menemukannya dan isinya tidak masuk PDF. Tambahkan barisnya di nav:.")
                for page in pages]
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


def weasyprint_message(message: str) -> str:
    """WeasyPrint's error ``message`` for the build log: an image it could not load (an editor's wrong
    image path, checked as GAMBAR-JALUR / GAMBAR-HILANG before the build) in Bahasa Indonesia; any other
    message prefixed with "WeasyPrint:" as it is (layout internals an editor cannot act on)."""
    match = _WEASYPRINT_IMAGE.match(message)
    if match:
        name = match.group("url").rsplit("/", 1)[-1]
        return (f'[GAMBAR-JALUR] PDF: gambar "{name}" tidak dapat dimuat ({match.group("url")}). Periksa jalur '
                "gambar di bab yang memuatnya: jalur Markdown dihitung dari folder berkas .md, jalur di <img "
                f'src="..."> dari alamat halaman. {help_reference("GAMBAR-JALUR")}')
    return f"WeasyPrint: {message}"


def install(docs_dir: Path, root: Path) -> None:
    """MkDocs' English link and navigation warnings reach the log as ``path:line: [RULE-ID]`` lines in
    Bahasa Indonesia (one filter per logger, replaced on every build of ``mkdocs serve``)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, Translator)]:
            logger.removeFilter(old)
        logger.addFilter(Translator(docs_dir, root))
