"""PyYAML's English error ``problem`` texts, said in Bahasa Indonesia for editors (editors are
OPD staff who do not read the parser's English; no English in a message) in the words of YAML-SALAH's
texts in rules.yml. Keys are the start of PyYAML 6's texts (``yaml/scanner.py``, ``yaml/parser.py``)
and of libyaml's (``src/scanner.c``, ``src/parser.c``: the project parses with ``CSafeLoader``); anything
unknown gets a general explanation, never the English."""

from __future__ import annotations

import re

from masterplan.model.rule_texts import message, registry

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


# "kunci:nilai" (with "- " before it in a list): without a space after its colon YAML reads the whole line as
# one text, so the parser misses a colon, or finds one too many, only on a later line. A value starting
# with "/" is left alone: "https://..." is a value, not a key.
_NO_SPACE = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s/].*)$")


def missing_space(text: str) -> tuple[int, str] | None:
    """``(column, explanation)`` of a line written ``kunci:nilai`` (1-based column of its key; YAML-SALAH's
    ``tanpa_spasi``, which the front matter's check words too), or None for any other line."""
    match = _NO_SPACE.match(text.rstrip())
    if not match:
        return None
    written = f"{match['lead'].lstrip()}{match['key']}: {match['value']}"
    return len(match["lead"]) + 1, message(RULE, "tanpa_spasi", contoh=written)


# "kunci: nilai" or "kunci:" (after any "- "): the key's column, and whether a value follows on the line.
_KEY = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)*)[A-Za-z_][\w-]*[ ]*:(?:[ ]+(?P<value>[^#\s].*))?[ ]*(?:#.*)?$")


def _content(lines: list[str], start: int, step: int) -> str | None:
    """The first line from 0-based ``start`` on, going by ``step``, that is neither blank nor a comment."""
    while 0 <= start < len(lines):
        if lines[start].strip() and not lines[start].lstrip().startswith("#"):
            return lines[start]
        start += step
    return None


def misaligned(lines: list[str], number: int) -> tuple[int, str] | None:
    """``(column, explanation)`` when line ``number`` (1-based) is a field ``kunci: nilai`` at the wrong
    column: another column than the fields just above and below it, which agree with each other (a field of
    a copied entry that lost or gained its indentation); the first field of a block, at or right of the key
    opening the block but left of the fields below it; or a field deeper than the field with a value just
    above it. YAML then reads it as a field of another level and stops a line later, blaming a colon there.
    A field that opens a block itself ("kunci:", "kunci: >-") is left to the parser's words."""
    fields = [_KEY.match(text) if text is not None else None for text in
              (lines[number - 1] if 0 < number <= len(lines) else None,
               _content(lines, number - 2, -1), _content(lines, number, 1))]
    if not all(fields) or not fields[0]["value"] or fields[0]["value"][0] in "|>":
        return None
    own, above, below = (len(found["lead"]) for found in fields)
    if not fields[1]["value"]:
        # The first field of a block moved left to the column of the key that opens the block: the fields
        # below it keep the block's column (a whole block moved left parses, and its schema says so).
        return (own + 1, message(RULE, "kurang_menjorok_awal_blok", spasi=below)) if above <= own < below else None
    if fields[1]["value"][0] in "|>" or own == above:
        return None
    if above == below:
        return own + 1, message(RULE, "kurang_menjorok" if own < above else "lebih_menjorok", spasi=above)
    if own > above:  # a field is never deeper than a field with a value just above it
        return own + 1, message(RULE, "lebih_menjorok_dari_atas", spasi=above)
    return None


# Inside {…}: a field whose unquoted value holds a second "kata: ".
_SECOND_COLON = re.compile(r"""(?:^|[{,])\s*[\w-]+:\s+(?P<value>[^,{}"'\s][^,{}"']*?:\s)""")
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


# Word's list bullets (rules.yml, tempel_word.butir), less the letter "o" that starts ordinary words.
_BULLETS = tuple(b for b in registry()["tempel_word"]["butir"] if b != "o")
# Word's pastes that look like ordinary text, the one list in rules.yml (karakter_tak_terlihat, kutip_miring),
# for every message about YAML an editor typed: the front matter, the data files and their schemas.
INVISIBLE = registry()["karakter_tak_terlihat"]  # character -> its name, as the chapters' check names it
CURLY = tuple(registry()["kutip_miring"])  # Word's curly quotes, which YAML reads as ordinary letters
_ANY = "".join(map(re.escape, INVISIBLE))
# In the indentation, right after a colon or right before one: where YAML needs a space or nothing.
_INVISIBLE_SPACE = re.compile(rf"^[ {_ANY}]*?(?P<indent>[{_ANY}])|:(?P<after>[{_ANY}])|(?P<before>[{_ANY}]):")


def curly_quotes(text: object) -> list[str]:
    """Word's curly quotes in ``text`` (any value: none when it is no text), in rules.yml's order."""
    return [quote for quote in CURLY if isinstance(text, str) and quote in text]


def invisible_names(text: str) -> list[str]:
    """The names of Word's invisible characters in ``text`` (spasi tak-putus, ...), in rules.yml's order."""
    return [name for char, name in INVISIBLE.items() if char in text]
# Explanations that guess among causes: the line itself may show which one it is.
_VAGUE = ("tanda_awal_terlarang", "umum", "tidak_sejajar", "tidak_sejajar_kunci")


def _seen_on(lines: list[str], line: int, column: int, problem: str) -> tuple[int, int, str]:
    """``(line, column, explanation)`` of PyYAML's ``problem`` as the parser placed it (1-based), or, when
    its text only guesses, what that line or the one after it shows plainly, at that line: a tab at its
    start, or a Word bullet pasted where YAML wants "- "."""
    named = next((name for english, name in _EXPLANATIONS.items() if problem.startswith(english)), "umum")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if named == "titik_dua_kedua" and curly_quotes(text):
        # "kolom: “Bab: Judul”" from Word: the advice to quote the value is what the editor believes was done.
        return line, column, message(RULE, "kutip_lengkung", kutip=" ".join(curly_quotes(text)))
    if named not in _VAGUE:
        return line, column, explain(problem)
    for number in (line, line + 1):
        text = lines[number - 1] if number <= len(lines) else ""
        opening = text.lstrip(" ")
        where = len(text) - len(opening) + 1
        if opening.startswith("\t"):
            return number, where, message(RULE, "tab_di_awal")
        bullet = next((mark for mark in _BULLETS if opening.startswith(mark)), None)
        if bullet:
            return number, where, message(RULE, "butir_word", tanda=bullet)
    return line, column, explain(problem)


def locate(error: object, text: str) -> tuple[int, int, str]:
    """``(line, column, explanation)`` of a ``yaml.YAMLError`` raised while parsing ``text``: 1-based,
    column 0 when unknown. A quote or bracket opened on an earlier line is reported where it was opened,
    since that is the line the editor must change."""
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    opened = getattr(error, "context_mark", None)
    lines = text.splitlines()
    if opened is not None and context.startswith("while parsing a flow") and mark is not None:
        # "{uraian: Nota kesepakatan: 5 Maret, …}": a second colon in an unquoted value ends the entry, and
        # the parser blames the brace; the line to change is the value's.
        for number in range(opened.line, min(mark.line + 1, len(lines))):
            found = _SECOND_COLON.search(lines[number])
            if found:
                quotes = curly_quotes(lines[number]) if curly_quotes(found["value"]) else []  # the line's pair
                return number + 1, found.start("value") + 1, (
                    message(RULE, "kutip_lengkung", kutip=" ".join(quotes)) if quotes else message(RULE, "titik_dua_kedua"))
    if opened is not None and context.startswith(("while scanning a quoted scalar", "while parsing a flow")):
        what = message(RULE, "kutip_terbuka") if "quoted" in context else explain(problem)
        return opened.line + 1, opened.column + 1, what
    # Word's non-breaking space is no space to YAML: after a colon or as indentation it breaks the line, and
    # the parser blames a missing colon, a second one or the indentation, on this line or the next.
    for number in sorted({opened.line + 1 if opened else 0, mark.line if mark else 0, mark.line + 1 if mark else 0} - {0}):
        line = lines[number - 1] if number <= len(lines) else ""
        found = _INVISIBLE_SPACE.search(line)  # inside a value it is only text, said after parsing
        if found:
            group = next(name for name in ("indent", "after", "before") if found[name])
            return number, found.start(group) + 1, message(RULE, "karakter_word", karakter=INVISIBLE[found[group]])
    if opened is not None and context.startswith("while scanning a simple key"):
        # A key without its colon: the parser notices only on the next line; the key's line is the one to fix.
        written = missing_space(lines[opened.line]) if opened.line < len(lines) else None
        return opened.line + 1, opened.column + 1, written[1] if written else explain(problem)
    if mark is None:
        return 1, 0, explain(problem)
    # "- kode:GOV-02" is a list item of one text, a field at column 0 amid an entry a field of the file: the
    # parser stops at a colon of the line after it, or at the line itself. The line before goes first: when
    # a field lost its indentation the parser's line below it can look over-indented against it.
    for number in (mark.line, mark.line + 1):
        written = (missing_space(lines[number - 1]) if 0 < number <= len(lines) else None) or misaligned(lines, number)
        if written:
            return number, *written
    if "tab" not in problem:
        quote = _open_quote(lines, mark.line - 1)
        if quote is not None:
            return quote + 1, 0, message(RULE, "kutip_terbuka")
    return _seen_on(lines, mark.line + 1, mark.column + 1, problem)
