"""Which code of a file of codes (an office of data/opd.yml) an editor meant by a value that is not one:
first the codes whose name or abbreviation the editor wrote (``Diskominfosan`` -> ``kominfo``), then the
codes spelt most alike (``dpmtsp`` -> ``dpmptsp``); and which field a misspelt field name stands for. One
answer for a chapter's front matter and for the programme data, so that the same slip gets the same
suggestion wherever it is made."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def codes_named(value: str, names: dict[str, tuple[str, ...]]) -> list[str]:
    """The codes whose name or abbreviation (``names``: code -> its names) the editor wrote instead of the
    code (``Bappeda Bangli`` -> ``bappeda``): a name contained in ``value``, or ``value`` contained in a name."""
    wanted = value.casefold().strip()
    if len(wanted) < 3:
        return []
    return [code for code, labels in names.items()
            if any(label.casefold() in wanted or wanted in label.casefold() for label in labels)]


def closest_codes(value: str, codes: list[str], names: dict[str, tuple[str, ...]]) -> list[str]:
    """The codes among ``codes`` that ``value`` most likely means, best first, at most a few: those named
    (:func:`codes_named`), then the closest in spelling (difflib); empty when nothing is alike."""
    return list(dict.fromkeys([*codes_named(value, names), *difflib.get_close_matches(value, codes, n=3)]))


def misspelt_fields(written: Iterable, known: Iterable[str], required: Iterable[str],
                    aliases: dict[str, str] | None = None) -> dict:
    """Each name of ``written`` (a mapping's keys, any type) that is not in ``known`` -> the field it most
    likely stands for: the same name in other capitals (``OPD``), a name ``aliases`` gives it (``judul`` ->
    ``title``), else the closest in spelling (difflib, capitals ignored) of the ``required`` fields not
    written, else of the other ``known`` fields not written. ``opd_pengampuh`` or ``odp`` then gets one
    message, 'maybe opd_pengampu' or 'maybe opd', instead of also a second one saying the required field is
    missing."""
    written = list(written)
    known = list(known)
    absent = [name for name in known if name not in written]
    missing = [name for name in required if name in absent]
    by_fold = {name.casefold(): name for name in known} | {alias.casefold(): name for alias, name in (aliases or {}).items()}

    def closest(name: str, among: list[str]) -> str | None:
        folded = {field.casefold(): field for field in among}
        return next((folded[match] for match in difflib.get_close_matches(name.casefold(), list(folded), n=1)), None)

    return {name: meant for name in written if name not in known
            if (meant := by_fold.get(str(name).casefold()) or closest(str(name), missing) or closest(str(name), absent))}
