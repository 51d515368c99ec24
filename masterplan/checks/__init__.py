"""All checks of the plan's Markdown sources, run over files or folders, reported as :class:`Problem`.

Each module here is one family of checks with a ``check(page, context)`` generator; :func:`run` reads
every file once and reports every problem of every file (never stops at the first one). Used by the
command ``scripts/validate.py`` and by the MkDocs hook, so both print the same messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from masterplan.model import documents, rules as rules_module
from masterplan.model.problems import Problem, help_reference
from masterplan.model.sources import shown_path
from . import blocks, chapter_label, front_matter, images, links, lists, pasted, placement, printing, safety
from . import spelling, structure, tables, text

FAMILIES = (placement, front_matter, structure, chapter_label, text, pasted, lists, blocks, safety, images, printing,
            tables, links, spelling)
# Families whose problems follow from the page's text, the rules and the speller alone (no other file):
# kept per page for the next run in the same process, because ``mkdocs serve`` checks every page again
# after each edit and these two were most of that time.
PAGE_LOCAL = (text, spelling)
_kept: dict[tuple[str, str], tuple] = {}


@dataclass
class Page:
    """One Markdown file being checked: its parsed ``document`` (``document.path`` is the path shown in
    messages), its ``source`` on disk and its ``name`` relative to docs/ (posix, e.g. ``bab-5/index.md``)."""

    document: documents.Document
    source: Path
    name: str


@dataclass
class Context:
    """What the checks share during one run: the rules, the docs folder, the folder that messages are
    relative to, and caches (parsed pages for link targets, the spelling dictionary's verdicts)."""

    rules: rules_module.Rules
    docs_dir: Path
    root: Path
    pages: dict[str, documents.Document | None] = field(default_factory=dict)
    spelling: spelling.Speller | None = None

    def problem(self, page: Page, line: int, column: int, rule: str, message: str) -> Problem:
        """A :class:`Problem` for ``rule`` with its severity from rules.yml and the help reference."""
        return Problem(page.document.path, line, column, rule, f"{message} {help_reference(rule)}",
                       self.rules.severity(rule))

    def shown(self, path: Path) -> str:
        """``path`` as written in messages: relative to ``root`` when inside it."""
        return shown_path(path, self.root)

    def document(self, name: str) -> documents.Document | None:
        """The parsed page at ``name`` (relative to docs/), or None if it is missing or unreadable."""
        if name not in self.pages:
            path = self.docs_dir / name
            document = _read(path, self) if path.is_file() else None
            self.pages[name] = document if isinstance(document, documents.Document) else None
        return self.pages[name]


def markdown_files(paths: list[Path]) -> list[Path]:
    """The Markdown files named by ``paths`` (files, or folders searched recursively), sorted, unique.
    A path that does not exist is kept, so that it is reported rather than silently skipped."""
    found = set()
    for path in paths:
        if path.is_dir():  # ".MD" too: MkDocs skips it as a page, NAMA-BERKAS must see it
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".md")
        else:
            found.add(path)
    return sorted(found)


def _read(path: Path, context: Context) -> documents.Document | Problem:
    document = documents.load(path, context.root)
    if document.unreadable is None:
        return document
    problem = document.unreadable
    return Problem(problem.path, problem.line, problem.column, problem.rule, problem.message,
                   context.rules.severity(problem.rule))


def check_page(page: Page, context: Context) -> Iterator[Problem]:
    """Every problem of one page, from every family of checks."""
    for family in FAMILIES:
        yield from _kept_problems(family, page, context) if family in PAGE_LOCAL else family.check(page, context)


def _kept_problems(family, page: Page, context: Context) -> list[Problem]:
    """The problems ``family`` (one of :data:`PAGE_LOCAL`) finds in ``page``: those of the last run when
    the page's text, the rules and the speller are the same objects as then."""
    key = (family.__name__, page.document.path)
    kept = _kept.get(key)
    if kept and kept[0] == page.document.text and kept[1] is context.rules and kept[2] is context.spelling:
        return kept[3]
    problems = list(family.check(page, context))
    _kept[key] = (page.document.text, context.rules, context.spelling, problems)
    return problems


def run(paths: list[Path], docs_dir: Path, root: Path, rules: rules_module.Rules | None = None,
        spell: bool = True) -> list[Problem]:
    """Check the Markdown files under ``paths``; return all problems sorted by file, line and column.

    ``docs_dir`` is the site's docs folder (page names, link targets and images are resolved in it);
    ``root`` is the folder that paths in messages are relative to (the repository). ``spell=False``
    skips the spelling family. Never raises for anything wrong in the files themselves.
    """
    context = Context(rules or rules_module.load(), docs_dir, root)
    problems: list[Problem] = []
    files = markdown_files(paths)
    if spell and files:
        context.spelling, notice = spelling.Speller.open(context.rules)
        if notice:
            problems.append(Problem(context.shown(files[0]), 1, 0, "EJAAN",
                                    f"{notice} {help_reference('EJAAN')}", context.rules.severity("EJAAN")))
    for path in files:
        document = _read(path, context)
        if isinstance(document, Problem):
            problems.append(document)
            continue
        try:
            name = path.resolve().relative_to(docs_dir.resolve()).as_posix()
        except ValueError:
            name = path.name
        context.pages[name] = document
        problems.extend(check_page(Page(document, path, name), context))
    if any(path.resolve() == docs_dir.resolve() for path in paths if path.is_dir()):
        problems.extend(placement.folder_problems(docs_dir, context))
    return sorted(problems)
