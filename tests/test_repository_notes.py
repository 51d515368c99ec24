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


def test_every_cited_item_of_the_maintainers_notes_exists():
    items = set(re.findall(r"^\| (C\d+) \|", NOTES.read_text(encoding="utf-8"), re.M))
    cited = {(name, item) for name, text in _tracked_text().items()
             for item in re.findall(r"CATATAN-TEKNIS\.md,? (C\d+)", text)}
    assert cited, "comments cite the notes by item"
    assert {(name, item) for name, item in cited if item not in items} == set()


def test_requirements_name_existing_test_files():
    for requirements in ROOT.glob("requirements*.txt"):
        for named in re.findall(r"tests/[\w*]+\.py", requirements.read_text(encoding="utf-8")):
            assert list(ROOT.glob(named)), f"{requirements.name} names {named}"
