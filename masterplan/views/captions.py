"""Table and figure captions laid out the Indonesian way, numbered per chapter ("Tabel 2.1").

Convention (CATATAN-TEKNIS.md, "Konvensi dokumen"): chapter number plus running number; table captions above the table,
figure captions below the figure; the "Sumber: …" line right after. Editors write a pymdownx
``/// table-caption`` block after the table; this module gives each block its number, side and id as
the caption extension's own arguments (no second pass over the page's HTML).
"""

from __future__ import annotations

import re
from functools import cache

from masterplan.model import rules, site_config
from masterplan.model.numbering import PageNumbers, caption_blocks

_KINDS = {"table": ("tabel", "<"), "figure": ("gambar", ">")}  # (class and id prefix, caption above/below)
# The caption extension drops the space after its prefix when the caption's text starts with an element
# (an abbreviation: "Tabel 5.2<abbr>OPD</abbr>"); the space is put back.
_GLUED_PREFIX = re.compile(r'(<span class="caption-prefix">[^<]*</span>)(?=<)')


@cache
def _prefix(words: tuple[str, ...]) -> re.Pattern[str]:
    """A caption's prefix as the extension writes it, for the caption words of mkdocs.yml ("Tabel 2")."""
    return re.compile(rf'(<span class="caption-prefix">{site_config.words_pattern(words)} )(\d+)</span>')


@cache
def _source_paragraph(opening: str) -> re.Pattern[str]:
    """A paragraph that starts with the source line's ``opening`` (``tabel.awal_sumber`` in rules.yml, the
    setting TABEL-SUMBER checks), also in bold or italics, in any case and with space before its colon;
    group 1 is the emphasis before the opening."""
    prefix = rules.source_pattern(opening)
    return re.compile(rf"<p>((?:<(?:strong|em|b|i)>)*\s*){prefix}", re.IGNORECASE)


def _numeric(chapter: str | None) -> bool:
    return chapter is None or chapter.isdigit()


def number(markdown: str, numbers: PageNumbers) -> str:
    """Return the page ``markdown`` with every ``/// table-caption`` and ``/// figure-caption`` block
    numbered ``<chapter>.<n>`` through the caption extension's own arguments: a table caption goes above
    its table (``<``), a figure caption below (``>``), the figure gets the id ``tabel-2-1`` and the class
    ``tabel``/``gambar``. Numbers continue from ``numbers.tables_before``/``figures_before`` (earlier
    pages of the chapter). The extension takes only digits: in an appendix (chapter "B") it gets the
    running number and :func:`finish` writes the letter into the prefix. Blocks in fenced code (the
    editors' guide shows the syntax) are left alone; a block's own arguments are kept after ours."""
    counters = {"table": numbers.tables_before, "figure": numbers.figures_before}
    lines = markdown.split("\n")
    for index, match in caption_blocks(lines):
        kind = match.group("kind")
        css, side = _KINDS[kind]
        counters[kind] += 1
        label = f"{numbers.chapter}.{counters[kind]}" if numbers.chapter else str(counters[kind])
        shown = label if _numeric(numbers.chapter) else str(counters[kind])
        selector = f"#{css}-{label.replace('.', '-')}.{css}"
        extra = (match.group("args") or "").strip()
        lines[index] = f"{match.group('head')} | {side} {shown} {selector} {extra}".rstrip()
    return "\n".join(lines)


def finish(html: str, numbers: PageNumbers) -> str:
    """The rendered page ``html`` with source lines (paragraphs starting with ``tabel.awal_sumber`` of
    rules.yml, "Sumber:", also in bold or italics) classed ``sumber``, so that they sit close under their
    table or figure, their opening written as rules.yml has it (Word's "Sumber :" or a typed "sumber:"
    prints "Sumber:", as every other source line and as the PDF proofreader looks for it); a space
    between a caption's prefix and its text; in an appendix the chapter letter written into each caption
    prefix ("Tabel B.1"; the caption words are those of mkdocs.yml)."""
    opening = rules.source_opening()
    html = _source_paragraph(opening).sub(lambda m: f'<p class="sumber">{m.group(1)}{opening}', html)
    html = _GLUED_PREFIX.sub(r"\1 ", html)
    if _numeric(numbers.chapter):
        return html
    lettered = _prefix(site_config.caption_words())
    return lettered.sub(lambda m: f'{m.group(1)}{numbers.chapter}.{m.group(2)}</span>', html)
