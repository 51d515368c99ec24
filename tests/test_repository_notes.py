"""Every reason a comment points to lives in the repository: references to the maintainers' notes
(CATATAN-TEKNIS.md, items C1...) resolve, notes kept outside the repository are not cited, and the
requirements files name test files that exist."""

from __future__ import annotations

import re
import subprocess

from conftest import ROOT

NOTES = ROOT / "CATATAN-TEKNIS.md"


def _tracked_text() -> dict[str, str]:
    names = subprocess.run(["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True,
                           check=True).stdout.split()
    found = {}
    for name in names:
        path = ROOT / name
        if path.suffix in {".py", ".md", ".yml", ".yaml", ".scss", ".css", ".html", ".j2", ".sh", ".txt", ".toml",
                           ".js"} and path.is_file() and name != "tests/test_repository_notes.py":
            found[name] = path.read_text(encoding="utf-8", errors="replace")
    return found


def test_notes_outside_the_repository_are_not_cited():
    cited = [name for name, text in _tracked_text().items()
             if re.search(r"stack-notes|domain reference|shared/reference", text)]
    assert cited == []


# An item is cited as "C12" (numbered on integration) or "C-<branch>-N" (a branch's note before integration).
CITED_ITEM = re.compile(r"\bC\d+\b|\bC-[a-z0-9]+-\d+\b")


def _items() -> list[str]:
    """The notes' items in file order as (number, branch name): numbered table rows ("| C12 |") and branch
    notes before integration, as a row or a list item ("| C-a11y-1 |", "- **C-a11y-1**")."""
    return re.findall(r"^\| (C\d+) \||^(?:\| |- \*\*)(C-[a-z0-9]+-\d+)", NOTES.read_text(encoding="utf-8"), re.M)


def test_every_cited_item_of_the_maintainers_notes_exists():
    items = {number or branch for number, branch in _items()}
    texts = _tracked_text() | {NOTES.name: NOTES.read_text(encoding="utf-8")}
    cited = {(name, item) for name, text in texts.items() for item in CITED_ITEM.findall(text)}
    assert ("mkdocs.yml", "C33") in cited, "every citation on a line counts, not only the first"
    assert {(name, item) for name, item in cited if item not in items} == set()


def test_the_notes_are_numbered_in_file_order():
    """Numbers increase in file order; parallel branches number new notes from ranges of their own
    (C70-C79, say), so there may be gaps between them."""
    numbers = [int(number[1:]) for number, _ in _items() if number]
    assert numbers[:1] == [1] and numbers == sorted(set(numbers))


def test_requirements_name_existing_test_files():
    for requirements in ROOT.glob("requirements*.txt"):
        for named in re.findall(r"tests/[\w*]+\.py", requirements.read_text(encoding="utf-8")):
            assert list(ROOT.glob(named)), f"{requirements.name} names {named}"


def test_paths_named_in_the_code_exist():
    """A comment or docstring in our code that names a file of this repository by its path names one that
    exists (files move between layers; a stale path sends the next maintainer nowhere)."""
    named = re.compile(r"(?<![\w/.-])((?:masterplan|scripts|overrides|tests|data|\.github)/[\w./-]*\w)")
    missing = [(name, path) for name, text in _tracked_text().items()
               if name.startswith(("masterplan/", "scripts/", "overrides/"))
               for path in named.findall(text)
               if not path.startswith("tests/output/") and not (ROOT / path).exists()]  # output: made by tests
    assert missing == []
