"""The table of every rule ID at the top of the editors' help page (``[[daftar-aturan]]``), drawn from the
one registry ``masterplan/model/rules.yml``, so that the page cannot forget a rule."""

from __future__ import annotations

from masterplan.model.markdown_table import markup_cell, pipe_table
from masterplan.model.problems import ERROR
from masterplan.model.rules import RULES_FILE, Rules

LEVEL = {ERROR: "galat"}


def rule_table(rules: Rules) -> str:
    """A Markdown table: each rule ID linked to its section (``#anchor``), its level (galat/peringatan)
    and its one-line summary, in registry order, with the source line the table checks ask for."""
    rows = [[f"[`{rule.id}`](#{rule.anchor})", LEVEL.get(rule.severity, "peringatan"), rule.summary]
            for rule in rules.catalogue.values()]
    return (pipe_table(["Kode", "Tingkat", "Artinya"], "lll", rows, markup_cell)
            + f"\n\n{rules.source_opening} daftar aturan `masterplan/model/{RULES_FILE.name}`.\n")
