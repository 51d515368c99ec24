"""PyYAML's English error ``problem`` texts, said in Bahasa Indonesia for editors (editors are
OPD staff who do not read the parser's English; no English in a message) in the words of YAML-SALAH's
texts in rules.yml. Keys are the start of PyYAML 6's texts (``yaml/scanner.py``, ``yaml/parser.py``)
and of libyaml's (``src/scanner.c``, ``src/parser.c``: the project parses with ``CSafeLoader``); anything
unknown gets a general explanation, never the English."""

from __future__ import annotations

import re

from masterplan.model.rule_texts import message

RULE = "YAML-SALAH"  # the explanations are texts of this rule in rules.yml
# The start of PyYAML's or libyaml's text -> the name of its explanation.
_EXPLANATIONS = {
    "mapping values are not allowed": "titik_dua_kedua",
    "found character '\\t'": "tab",
    "found character that cannot start any token": "tanda_awal_terlarang",
    "could not find expected ':'": "tanpa_titik_dua",
    "found unexpected end of stream": "kutip_tidak_ditutup",
    "expected <block end>": "tidak_sejajar",
    "found a tab character that violates indentation": "tab_di_awal",
    "did not find expected key": "tidak_sejajar_kunci",
    "expected ',' or ']'": "kurung_siku",
    "expected ',' or '}'": "kurung_kurawal",
    "did not find expected ',' or ']'": "kurung_siku",
    "did not find expected ',' or '}'": "kurung_kurawal",
    "found undefined alias": "bintang",
    "found unknown escape character": "garis_miring_terbalik",
}


def explain(problem: str | None) -> str:
    """The Bahasa Indonesia explanation of PyYAML's ``problem`` text (``umum`` when unknown)."""
    text = problem or ""
    for english, name in _EXPLANATIONS.items():
        if text.startswith(english):
            return message(RULE, name)
    return message(RULE, "umum")


# A value (after "kunci: " or "- ") that starts with a quote.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^:#"'\s][^:#]*:\s+)?(["'])(.*)$""")


def _open_quote(lines: list[str], last: int) -> int | None:
    """The 0-based index of the first line up to ``last`` whose quoted value is never closed on it."""
    for index, line in enumerate(lines[:last + 1]):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.groups()
        closes = rest.replace('\\\\', "").replace('\\"', "").count('"') if quote == '"' else \
            rest.replace("''", "").count("'")
        if closes == 0:
            return index
    return None


def locate(error: object, text: str) -> tuple[int, int, str]:
    """``(line, column, explanation)`` of a ``yaml.YAMLError`` raised while parsing ``text``: 1-based,
    column 0 when unknown. A quote or bracket opened on an earlier line is reported where it was opened,
    since that is the line the editor must change."""
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    opened = getattr(error, "context_mark", None)
    if opened is not None and context.startswith(("while scanning a quoted scalar", "while parsing a flow")):
        what = message(RULE, "kutip_terbuka") if "quoted" in context else explain(problem)
        return opened.line + 1, opened.column + 1, what
    if opened is not None and context.startswith("while scanning a simple key"):
        # A key without its colon: the parser notices only on the next line; the key's line is the one to fix.
        return opened.line + 1, opened.column + 1, explain(problem)
    if mark is None:
        return 1, 0, explain(problem)
    if "tab" not in problem:
        quote = _open_quote(text.splitlines(), mark.line - 1)
        if quote is not None:
            return quote + 1, 0, message(RULE, "kutip_terbuka")
    return mark.line + 1, mark.column + 1, explain(problem)
