"""Problems kept between runs in one process (``mkdocs serve`` checks every page after each edit): the
page-local families give the same problems as a fresh run, and an edit or other rules are seen at once."""

from __future__ import annotations

import dataclasses

from checks_util import CHAPTER, run

from masterplan import checks
from masterplan.model import rules as rules_module
from masterplan.model.problems import ERROR

MISSPELT = CHAPTER + "\nRencanna \u2014 tanpa  spasi ganda.\n"


def _found(problems) -> list[tuple[str, int, int, str]]:
    return [(p.rule, p.line, p.column, p.message) for p in problems]


def test_an_unchanged_page_gives_the_same_problems_and_an_edit_shows(tmp_path):
    first = run(tmp_path, MISSPELT, spell=True)
    assert {"EJAAN"} <= {p.rule for p in first}
    assert _found(run(tmp_path, MISSPELT, spell=True)) == _found(first)
    assert "EJAAN" not in {p.rule for p in run(tmp_path, CHAPTER + "\nRencana.\n", spell=True)}
    assert _found(run(tmp_path, MISSPELT, spell=True)) == _found(first)


def test_other_rules_are_not_answered_from_the_kept_problems(tmp_path):
    run(tmp_path, MISSPELT, spell=True)
    registry = rules_module.load()
    strict = dataclasses.replace(registry, severities={**registry.severities, "EJAAN": ERROR})
    docs = tmp_path / "docs"
    [problem] = [p for p in checks.run([docs / "bab-9-penutup.md"], docs, tmp_path, rules=strict)
                 if p.rule == "EJAAN"]
    assert problem.severity == ERROR
