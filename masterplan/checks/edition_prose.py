"""TAHAP-EDISI: the prose never names the edition being read as another stage than the one published.

The stage is set once, in ``mkdocs.yml`` (``extra.rencana.tahap``), and the cover prints it with the
stage's date from ``data/tahapan.yml``. A page names the same edition with ``[[edisi]]``
(:mod:`masterplan.views.edition`) or without a stage number ("pada tahap ini"). What this rule finds is
the edition typed by hand, in the three forms that can only mean the edition being read:

- ``Tahap II ini`` ("this stage II"), unless it follows "Bimtek" (that workshop, an event);
- ``… ini adalah/merupakan/(masih) berupa draf Tahap II`` ("this document is the stage II draft");
- the cover's own words, ``draf Tahap II, pemutakhiran Desember 2026`` (also reported when only the date
  differs from the cover's).

A stage named as an event ("Bimtek Tahap I pada 11–12 Juni 2024", "dibahas dalam Bimtek Tahap II") or a
range ("Tahap II–IV") is history or plan, never this edition, and is not judged. Run by
:func:`masterplan.checks.plan_logic.check` on every page of the plan (not the editors' guide), so that a
new stage's release (which runs that check first) lists every sentence still naming the last one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from masterplan.checks.logic_chain import Finding
from masterplan.model import documents, settings
from masterplan.model.numbering import roman
from masterplan.model.rules import message
from masterplan.views import edition

RULE = "TAHAP-EDISI"
_ROMAN = {roman(number): number for number in settings.STAGES}
_STAGE = r"Tahap\s+(?P<stage>IV|III|II|I|[1-4])(?![\w–-])"  # not a range: "Tahap II–IV"
_LABEL = re.compile(rf"\bdraf\s+{_STAGE},\s+(?P<date>(?:pemutakhiran\s+)?\w+\s+\d{{4}})\b", re.IGNORECASE)
_THIS = (re.compile(rf"(?<!Bimtek\s){_STAGE}\s+ini\b", re.IGNORECASE),
         re.compile(rf"\bini\s+(?:adalah|merupakan|(?:masih\s+)?berupa)\s+draf\s+{_STAGE}", re.IGNORECASE))


def page_rule(root: Path) -> tuple[str, str, Callable[[documents.Document], Iterable[Finding]]] | None:
    """``(kind, key, rule)`` for :func:`masterplan.checks.plan_logic.check`'s pages: the rule judges one
    page against the published stage and its words; ``key`` is all it reads besides the page (a build
    keeps each page's findings under it). None when the settings or the stage's date cannot be read
    (PENGATURAN-RENCANA or TAHAPAN-TANGGAL says why)."""
    plan = settings.load(root).plan
    if plan is None:
        return None
    try:
        words = str(edition.extras(root, plan)[edition.IN_PROSE])
    except ValueError:
        return None
    return "tahap-edisi", f"{plan.stage}|{words}", lambda document: named_editions(document, plan.stage, words)


def named_editions(document: documents.Document, stage: int, words: str) -> Iterator[Finding]:
    """TAHAP-EDISI findings of ``document``: each edition typed in its text that is not stage ``stage``
    or, in the cover's form, not ``words`` (the published edition as running text)."""
    for token, line in document.inline_tokens():
        if token.type != "text":
            continue
        for quoted, written, date in _editions(token.content):
            if written != stage:
                yield document.path, line, RULE, message(RULE, "tahap_lain", kutipan=quoted, tertulis=roman(written),
                                                         tahap=roman(stage), edisi=words)
            elif date and _plain(quoted) != _plain(words):
                yield document.path, line, RULE, message(RULE, "tanggal_lain", kutipan=quoted, edisi=words)


def _editions(text: str) -> Iterator[tuple[str, int, str]]:
    """``(quoted words, stage number, date or "")`` of each edition named in ``text``: the cover's form
    first, then the other forms where they do not overlap it."""
    taken: list[range] = []
    for pattern in (_LABEL, *_THIS):
        for match in pattern.finditer(text):
            if any(match.start() in span or match.end() - 1 in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            stage = match["stage"].upper()
            yield match[0], _ROMAN.get(stage) or int(stage), match.groupdict().get("date") or ""


def _plain(text: str) -> str:
    return " ".join(text.lower().split())
