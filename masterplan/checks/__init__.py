"""All checks of the plan's Markdown sources, run over files or folders, reported as :class:`Problem`.

Each module here is one family of checks with a ``check(page, context)`` generator; :func:`run` reads
every file once and reports every problem of every file (never stops at the first one). Used by the
command ``scripts/validate.py`` and by the ``masterplan`` MkDocs plugin (:mod:`masterplan.site.plugin`), so both
print the same messages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from masterplan.model import documents, rules as rules_module
from masterplan.model.problems import Problem, help_reference
from masterplan.model.result_cache import ResultCache
from masterplan.model.sources import shown_path
from . import blocks, chapter_label, front_matter, images, links, lists, pasted, placement, printing, safety
from . import spelling, structure, tables, text

FAMILIES = (placement, front_matter, structure, chapter_label, text, pasted, lists, blocks, safety, images, printing,
            tables, links, spelling)
# Families that look past the page's text, the rules (with the data files they read), mkdocs.yml and
# the speller: at other pages' anchors and at the files under docs/ (images, fonts, folders). With the
# build's memo (see check_page) their problems are kept under those surroundings too (:func:`surroundings`).
LIVE = (placement, images, printing, links)


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


def check_page(page: Page, context: Context, memo: ResultCache | None = None, around: str = "") -> Iterator[Problem]:
    """Every problem of one page, from every family of checks. With ``memo`` (the build's), a family's
    problems are those of an earlier build when the page's path and text are the same (and, for the
    :data:`LIVE` families, its ``around``: :func:`surroundings`), because ``mkdocs serve`` checks every
    page again after each edit and checking was most of the build's own time; everything else a family
    reads is in the memo's fingerprint (masterplan.model.result_cache)."""
    for family in FAMILIES:
        if memo is None:
            yield from family.check(page, context)
            continue
        speller = "ejaan" if context.spelling else "tanpa-ejaan"  # a speller installed since: check again
        parts = (page.document.path, page.name, page.document.text, around if family in LIVE else "")
        yield from memo.problems(f"{family.__name__}:{speller}", parts, lambda: family.check(page, context))


def surroundings(context: Context, memo: ResultCache) -> str:
    """What the :data:`LIVE` families read besides the page itself, as one hash: the name of every file
    and folder under docs/, the contents of the files that are not pages (images, fonts) and the anchors
    of every page (kept per page text in ``memo``)."""
    found = []
    for path in sorted(context.docs_dir.rglob("*")):
        name = path.relative_to(context.docs_dir).as_posix()
        if path.is_dir():
            found.append(f"folder {name}")
        elif path.suffix.lower() == ".md":
            document = context.document(name)
            kept = memo.get("jangkar", (document.text,), lambda: sorted(links.anchors(document))) if document else None
            found.append(f"halaman {name} {kept}")
        else:
            try:
                found.append(f"berkas {name} {hashlib.sha256(path.read_bytes()).hexdigest()}")
            except OSError as error:
                found.append(f"berkas {name} {error}")
    return hashlib.sha256("\n".join(found).encode("utf-8", "surrogatepass")).hexdigest()


def rules_problems(rules: rules_module.Rules) -> list[Problem]:
    """What is wrong in the files that rules.yml reads besides itself (:attr:`Rules.data_files`, such as
    data/opd.yml, and the project word list), at their lines: the one cause of what the checks then cannot
    judge (an office code, a dimension's sections, a project word), reported whatever file is checked."""
    found = list(rules.problems)
    words = spelling.project_words(rules)[1]
    return found + ([words] if words else [])


def run(paths: list[Path], docs_dir: Path, root: Path, rules: rules_module.Rules | None = None,
        spell: bool = True, memo: ResultCache | None = None) -> list[Problem]:
    """Check the Markdown files under ``paths``; return all problems sorted by file, line and column.

    ``docs_dir`` is the site's docs folder (page names, link targets and images are resolved in it);
    ``root`` is the folder that paths in messages are relative to (the repository). ``spell=False``
    skips the spelling family; ``memo`` (the build's) keeps every family's problems between builds
    (see :func:`check_page`), for the rules of rules.yml only (its fingerprint covers that file, not
    ``rules``). Never raises for anything wrong in the files themselves.
    """
    memo = memo if rules is None else None
    context = Context(rules or rules_module.load(), docs_dir, root)
    problems: list[Problem] = []
    files = markdown_files(paths)
    if spell and files:
        context.spelling, notice, about = spelling.Speller.open(context.rules)
        if notice:  # on the word list when it is the cause, not on a chapter the editor may not have touched
            problems.append(Problem(about or context.shown(files[0]), 1, 0, "EJAAN",
                                    f"{notice} {help_reference('EJAAN')}", context.rules.severity("EJAAN")))
    around = surroundings(context, memo) if memo is not None and files else ""
    for path in files:
        try:
            name = path.resolve().relative_to(docs_dir.resolve()).as_posix()
        except ValueError:
            name = path.name
        document = context.pages.get(name) or _read(path, context)  # read already for the surroundings
        if isinstance(document, Problem):
            problems.append(document)
            continue
        context.pages[name] = document
        problems.extend(check_page(Page(document, path, name), context, memo, around))
    if any(path.resolve() == docs_dir.resolve() for path in paths if path.is_dir()):
        problems.extend(placement.folder_problems(docs_dir, context))
    return sorted(problems)
