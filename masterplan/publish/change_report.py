"""Stage change report: per chapter, the sections (H2/H3) added, removed and changed between two versions
of the plan, with word counts, in Bahasa Indonesia.

A version is a git ref (a stage tag such as ``tahap-1``) or the working tree (``None``). The report
becomes the GitHub release notes (:mod:`masterplan.publish.release_notes`; ``scripts/change_report.py``,
:mod:`masterplan.cli.change_report`) and the website page "Riwayat Perubahan" (:mod:`masterplan.site.build`),
generated at build time from the tags.
"""

from __future__ import annotations

import posixpath
import subprocess
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal
from markdown.extensions.toc import slugify

from masterplan.pdf import PLUGIN_NAME
from masterplan.model import documents, site_config, stages
from masterplan.pdf.check import in_pdf
from masterplan.model.documents import Document, count_words
from masterplan.model.markdown_table import markup_cell, pipe_table

ADDED, REMOVED, CHANGED = "ditambahkan", "dihapus", "diubah"
INTRO = "(pembuka bab)"  # the text between the page title and its first section
PDF_PLUGIN = PLUGIN_NAME


@dataclass(frozen=True)
class Section:
    """One H2/H3 section of a page: ``key`` is its title path (``Latar Belakang › Maksud``), ``text`` its body
    with whitespace collapsed (re-wrapped lines are no change), ``words`` its word count, ``anchor`` its id."""

    key: str
    text: str
    words: int
    anchor: str = ""


@dataclass(frozen=True)
class SectionChange:
    """A section added, removed or changed; words before and after (0 where none); ``anchor``: its newer heading id."""

    key: str
    kind: str
    words_before: int
    words_after: int
    anchor: str = ""


@dataclass(frozen=True)
class ChapterChange:
    """The changes in one file under ``docs/``: ``kind`` is ``ADDED``/``REMOVED`` for a whole new or
    deleted file, else ``CHANGED``; ``sections`` lists its section changes in reading order."""

    path: str
    title: str
    kind: str
    sections: tuple[SectionChange, ...]

    @property
    def words_before(self) -> int:
        return sum(s.words_before for s in self.sections)

    @property
    def words_after(self) -> int:
        return sum(s.words_after for s in self.sections)


def sections(document: Document) -> list[Section]:
    """The page split at its H2 and H3 headings (deeper headings stay inside their section), in order.

    Text before the first H2 is the section :data:`INTRO` (left out when empty). Hand-typed numbers in
    headings are ignored, so adding "1.1" to a heading is not a new section.
    """
    lines = document.text.lstrip("\ufeff").splitlines()
    cuts = [h for h in document.headings if h.level in (2, 3)]
    titles = [h.line for h in document.headings if h.level == 1]
    found: list[Section] = []

    def add(key: str, start: int, end: int, anchor: str = "") -> None:  # 1-based, inclusive start, exclusive end
        body = [line for number, line in enumerate(lines[start - 1:end - 1], start) if number not in titles]
        text = " ".join(" ".join(body).split())
        found.append(Section(key, text, sum(count for line, count in document.word_lines.items()
                                            if start <= line < end), anchor))

    first = cuts[0].line if cuts else len(lines) + 1
    add(INTRO, document.body_line, first)
    if not found[-1].text:
        found.pop()
    parent = ""
    for index, heading in enumerate(cuts):
        title = documents.strip_numbering(heading.text).replace("|", "/")  # "|" would split a table cell
        if heading.level == 2:
            parent = title
        key = f"{parent} › {title}" if heading.level == 3 and parent else title
        end = cuts[index + 1].line if index + 1 < len(cuts) else len(lines) + 1
        add(key, heading.line + 1, end, slugify(heading.text, "-"))
    return found


def compare_documents(old: Document | None, new: Document | None) -> ChapterChange | None:
    """What changed from ``old`` to ``new`` (either may be ``None`` for a file that did not exist);
    ``None`` when no section changed."""
    before = {s.key: s for s in sections(old)} if old else {}
    after = {s.key: s for s in sections(new)} if new else {}
    changes = []
    for key, section in after.items():
        if key not in before:
            changes.append(SectionChange(key, ADDED, 0, section.words, section.anchor))
        elif before[key].text != section.text:
            changes.append(SectionChange(key, CHANGED, before[key].words, section.words, section.anchor))
    changes += [SectionChange(key, REMOVED, s.words, 0) for key, s in before.items() if key not in after]
    if not changes:
        return None
    document = new or old
    kind = ADDED if old is None else REMOVED if new is None else CHANGED
    return ChapterChange(document.path, str(document.meta.get("title") or document.path), kind,
                         tuple(changes))


def compare(old: dict[str, Document], new: dict[str, Document]) -> list[ChapterChange]:
    """Compare two sets of pages keyed by path; changed chapters in path order."""
    found = (compare_documents(old.get(path), new.get(path)) for path in sorted(set(old) | set(new)))
    return [change for change in found if change is not None]


# ---------------------------------------------------------------------------------------------------
# Reading a version of docs/ from git or from the working tree
# ---------------------------------------------------------------------------------------------------

def page_url(path: str) -> str:
    """The site URL MkDocs gives the page at ``path`` (relative to docs/, directory URLs)."""
    stem = path[:-3]
    if stem == "index":
        return ""
    return stem[:-len("index")] if stem.endswith("/index") else f"{stem}/"


def website_only(root: Path) -> list[str]:
    """The PDF plugin's ``exclude_pages`` patterns from ``root/mkdocs.yml``: pages that are not part of the
    plan document (home page, editors' guide) and so not part of its change history."""
    config = site_config.source(root).data  # as the editors may leave it: never raises
    for plugin in config.get("plugins", []) if isinstance(config, dict) else []:
        if isinstance(plugin, dict) and PDF_PLUGIN in plugin:
            return list(plugin[PDF_PLUGIN].get("exclude_pages", []))
    return []


def _in_plan(path: str, excluded: list[str]) -> bool:
    return path.endswith(".md") and in_pdf(page_url(path), excluded)


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True,
                          check=True).stdout


def read_version(repo: Path, ref: str | None, excluded: list[str], docs: str = "docs") -> dict[str, Document]:
    """The plan's pages at git ``ref`` (or in the working tree when ``ref`` is ``None``), keyed by their
    path relative to ``docs``. Raises ``subprocess.CalledProcessError`` for an unknown ref."""
    if ref is None:
        root = repo / docs
        return {p.relative_to(root).as_posix(): documents.load(p, root)
                for p in sorted(root.rglob("*.md")) if _in_plan(p.relative_to(root).as_posix(), excluded)}
    names = _git(repo, "ls-tree", "-r", "-z", "--name-only", ref, "--", docs).decode().split("\0")
    paths = [n for n in names if n and _in_plan(n[len(docs) + 1:], excluded)]
    # One `git cat-file --batch` for all files instead of one process per file.
    out = _git(repo, "cat-file", "--batch", stdin="".join(f"{ref}:{p}\n" for p in paths).encode())
    pages, position = {}, 0
    for path in paths:
        header_end = out.index(b"\n", position)
        size = int(out[position:header_end].split()[2])
        text = out[header_end + 1:header_end + 1 + size].decode("utf-8", errors="replace")
        position = header_end + 1 + size + 1
        relative = path[len(docs) + 1:]
        pages[relative] = documents.parse(text, relative)
    return pages


# ---------------------------------------------------------------------------------------------------
# The report in Bahasa Indonesia
# ---------------------------------------------------------------------------------------------------

def number(value: int) -> str:
    """``value`` grouped the Indonesian way (``12.345``), as the reports write counts."""
    return format_decimal(value, locale="id")


def _signed(value: int) -> str:
    return ("+" if value > 0 else "−" if value < 0 else "±") + number(abs(value))


def summary(changes: list[ChapterChange], unit: str = "berkas") -> str:
    """One sentence: how many chapters (counted as ``unit``: files for editors, pages for readers) and
    sections changed and the word balance."""
    if not changes:
        return "Tidak ada bagian yang berubah."
    counts = {kind: sum(1 for c in changes for s in c.sections if s.kind == kind)
              for kind in (ADDED, REMOVED, CHANGED)}
    before = sum(c.words_before for c in changes)
    after = sum(c.words_after for c in changes)
    return (f"{len(changes)} {unit} berubah: {counts[ADDED]} bagian ditambahkan, {counts[REMOVED]} "
            f"dihapus, {counts[CHANGED]} diubah. Jumlah kata pada bagian yang berubah: "
            f"{number(before)} → {number(after)} ({_signed(after - before)}).")


def report(changes: list[ChapterChange], old_label: str, new_label: str, level: int = 2,
           anchor: str | None = None, readers: str | None = None, site: str | None = None) -> str:
    """The Markdown report comparing ``old_label`` with ``new_label``: a heading of ``level`` (with the
    id ``anchor`` when given, for links from elsewhere), a summary, then per chapter a heading one level
    deeper, its file under docs/ and a table of its changed sections. For readers (who know pages, not files):
    with ``readers`` (path under docs/ of the site page showing it) or ``site`` (the version's address, for the
    GitHub release page) no file is named; each chapter and section still there is linked."""
    head = "#" * level
    for_readers = readers is not None or site is not None
    parts = [f"{head} {old_label} → {new_label}" + (f" {{ #{anchor} }}" if anchor else ""),
             summary(changes, "halaman" if for_readers else "berkas")]
    for chapter in changes:
        note = {ADDED: " (bab baru)", REMOVED: " (bab dihapus)"}.get(chapter.kind, "")
        href = None
        if for_readers and chapter.kind != REMOVED:
            href = site + page_url(chapter.path) if site is not None else \
                posixpath.relpath(chapter.path, posixpath.dirname(readers) or ".")
        rows = [[f"[{s.key}]({href}#{s.anchor})" if href and s.anchor else s.key, s.kind, number(s.words_before),
                 number(s.words_after), _signed(s.words_after - s.words_before)] for s in chapter.sections]
        table = pipe_table(["Bagian", "Perubahan", "Kata sebelum", "Kata sesudah", "Selisih"], "llrrr", rows, markup_cell)
        title = f"[{chapter.title}]({href})" if href else chapter.title
        parts += [f"{head}# {title}{note}", *([] if for_readers else [f"Berkas `docs/{chapter.path}`."]),
                  table]
    return "\n\n".join(parts) + "\n"


def history(repo: Path, excluded: list[str], level: int = 2) -> str:
    """The whole change history for the "Riwayat Perubahan" page: changes not yet released (working tree
    against the newest stage tag, when any), then every stage against the one before, newest first."""
    try:
        tags = stages.released(repo)
    except (OSError, subprocess.CalledProcessError):
        tags = []
    if not tags:
        return ("Belum ada tahap yang dirilis, atau riwayat git tidak tersedia saat situs ini dibangun. "
                "Riwayat perubahan muncul di sini setelah tahap pertama (tag `tahap-1`) diterbitkan.\n")
    parts = []
    versions = {tag.tag: read_version(repo, tag.tag, excluded) for tag in tags}
    pending = compare(versions[tags[-1].tag], read_version(repo, None, excluded))
    if pending:
        parts.append(report(pending, tags[-1].label, "draf saat ini (belum dirilis)", level))
    for older, newer in reversed(list(zip(tags, tags[1:]))):
        parts.append(report(compare(versions[older.tag], versions[newer.tag]), older.label, newer.label, level))
    first = tags[0]
    parts.append(f"{'#' * level} {first.label}\n\nRilis pertama: {len(versions[first.tag])} halaman "
                 f"dokumen, {number(sum(count_words(d.body) for d in versions[first.tag].values()))} kata.\n")
    return "\n".join(parts)


def since_anchor(version: str) -> str:
    """The id of the section "since ``version``" on the "Apa yang berubah" page (``sejak-tahap-1``);
    the old-stage banner (overrides/partials/javascripts/spanduk-versi.html) links to it."""
    return f"sejak-{version}"


def since_stages(repo: Path, excluded: list[str], building: str | None, label: str, page: str,
                 level: int = 2) -> str:
    """For the "Apa yang berubah" page (``page``: its path under docs/) of the version being built
    (``building``: a stage tag, the draft or ``None``; ``label`` its name for readers): this version (the
    working tree) against every released stage before it, newest first, each under the heading id
    :func:`since_anchor`, each changed page linked. In readers' words: no git, no tags."""
    try:
        tags = stages.released(repo)
    except (OSError, subprocess.CalledProcessError):
        tags = []
    current = stages.parse(building or "")
    older = [tag for tag in tags if current is None or tag < current]
    if not older:
        return "Belum ada tahap yang diterbitkan sebelum versi ini, jadi belum ada yang dapat dibandingkan.\n"
    new = read_version(repo, None, excluded)
    return "\n".join(report(compare(read_version(repo, tag.tag, excluded), new), tag.label, label, level,
                            since_anchor(tag.tag), readers=page) for tag in reversed(older))
