"""The last page of a part (BAB, Lampiran, Ringkasan Eksekutif) never holds just a line or two.

The issue 14 review sent back chapters that end with three or four lines on a page of their own. Each
part's closing blocks (paragraphs, lists, headings) are wrapped, from the end, until they make at least
:data:`TAIL_LINES` printed lines, in ``div.akhir-bagian``, which the print stylesheet keeps on one page: when
the page break would fall inside it, the whole tail goes to the next page, which the part then ends with.
A long closing list is split in two lists that print as one, so that only its last items go with the
tail; a tail right after a table is kept with the table's last rows. Tables and pictures are never wrapped (they keep their own last rows together); a tail that would
grow beyond :data:`MAX_TAIL_LINES` is not wrapped either, so the page before never loses more than that.
"""

from __future__ import annotations

import math

from bs4 import BeautifulSoup, Tag

TAIL = "akhir-bagian"
# A tail that follows a table (or its source line) takes the table's last rows along (no break before it):
# moved alone, a closing paragraph after a full-page table stood on a page of its own (BAB VIII, second
# review).
AFTER_TABLE = "sesudah-tabel"
SPLIT_LIST = "daftar-terbelah"  # the first part of a split list
LIST_REST = "daftar-sambungan"  # its last items, in the tail
TAIL_LINES = 6  # the review sent back three or four lines; each line more leaves as much room on the page before
MAX_TAIL_LINES = 14
# A line of body text on A4 with our margins (160 mm at 11 pt Source Sans 3): about 80 characters; a list
# item's text is indented by about 4 of them.
LINE_CHARACTERS = 80
ITEM_INDENT = 4
TEXT_BLOCKS = {"p": 0, "ul": ITEM_INDENT, "ol": ITEM_INDENT}
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
HEADING_LINES = 2  # its own line and the space above it


def _lines(block: Tag) -> int | None:
    """Estimated printed lines of ``block``; None for anything but a paragraph, list or sub-heading."""
    if block.name in HEADINGS:
        return HEADING_LINES
    if block.name not in TEXT_BLOCKS or block.find(["table", "img", "svg", "figure"]) is not None:
        return None
    width = LINE_CHARACTERS - TEXT_BLOCKS[block.name]
    pieces = block.find_all("li") if block.name != "p" else [block]
    return sum(max(1, math.ceil(len(piece.get_text(" ", strip=True)) / width)) for piece in pieces)


def _leads_in(block: Tag, following: Tag) -> bool:
    """Whether ``block`` is the sentence that introduces the list ``following`` ("... adalah:")."""
    return block.name == "p" and following.name in ("ul", "ol") and block.get_text(strip=True).endswith(":")


def _split_list(soup: BeautifulSoup, listing: Tag, wanted: int) -> tuple[Tag, int | None]:
    """Move the last items of ``listing`` that make at least ``wanted`` lines into a list of their own right
    after it (an ``<ol>`` goes on numbering), which is returned with its lines; the two print as one list
    (classes ``daftar-terbelah`` and ``daftar-sambungan``). ``(listing, None)`` when no such split leaves items before."""
    items = listing.find_all("li", recursive=False)
    lines = 0
    for index in range(len(items) - 1, 0, -1):
        lines += max(1, math.ceil(len(items[index].get_text(" ", strip=True)) / (LINE_CHARACTERS - ITEM_INDENT)))
        if lines >= wanted:
            break
    else:
        return listing, None
    rest = soup.new_tag(listing.name, attrs={"class": [*(listing.get("class") or []), LIST_REST]})
    if listing.name == "ol":
        rest["start"] = str(int(listing.get("start") or 1) + index)
    for item in items[index:]:
        rest.append(item.extract())
    listing["class"] = [*(listing.get("class") or []), SPLIT_LIST]
    listing.insert_after(rest)
    return rest, lines


def _closing_container(article: Tag) -> Tag:
    """The element whose last children are the part's last blocks (a multi-page BAB ends in a section)."""
    container = article
    while True:
        children = [child for child in container.find_all(True, recursive=False)]
        if not children or children[-1].name != "section":
            return container
        container = children[-1]


def _table_before(block: Tag) -> bool:
    """Whether ``block`` follows a table, or a table's source line: not a figure (a chart cannot break, and
    kept with the tail it could not fit on a page: WeasyPrint 70 then stopped laying out the plan)."""
    previous = block.find_previous_sibling(True)
    if previous is not None and "sumber" in (previous.get("class") or []):
        previous = previous.find_previous_sibling(True)
    if previous is None or previous.find(["svg", "img"]) is not None:
        return False
    return previous.name == "table" or previous.find("table") is not None


def keep_part_ends(soup: BeautifulSoup, articles: list[Tag]) -> int:
    """Wrap the closing blocks of each of ``articles`` (parts of ``soup``) in ``div.akhir-bagian`` as the
    module docstring says; returns how many parts got one."""
    wrapped = 0
    for article in articles:
        container = _closing_container(article)
        tail: list[Tag] = []
        lines = 0
        for block in reversed(container.find_all(True, recursive=False)):
            size = _lines(block)
            if size is not None and lines + size > MAX_TAIL_LINES and block.name in ("ul", "ol"):
                block, size = _split_list(soup, block, TAIL_LINES - lines)
            if size is None or lines + size > MAX_TAIL_LINES:
                break
            tail.insert(0, block)
            lines += size
            if lines >= TAIL_LINES and block.name not in HEADINGS:
                break
        if lines < TAIL_LINES:
            continue  # a part shorter than its tail, or one ending in a table: left as it is
        before = tail[0].find_previous_sibling(True)
        if before is not None and (before.name in HEADINGS or _leads_in(before, tail[0])):
            tail.insert(0, before)  # the heading of the closing section, or the sentence a list completes
        classes = [TAIL]
        if _table_before(tail[0]):
            classes.append(AFTER_TABLE)
        wrapper = soup.new_tag("div", attrs={"class": classes})
        tail[0].insert_before(wrapper)
        for block in tail:
            wrapper.append(block.extract())
        wrapped += 1
    return wrapped
