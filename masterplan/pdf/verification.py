"""The "perlu verifikasi" marker on paper: a small dagger after the fact, its reason (where the editor gave
one) in brackets after it, and a footnote at its first use in running text saying what the dagger means.

On the website every marker is a red badge ("perlu verifikasi: data OPD"); the second ministry review
found 267 such badges in the printed plan, which made the Ringkasan Eksekutif and dense pages noisy. The
information stays: which fact is uncertain (the dagger, right after it) and why (the reason); Lampiran F
lists every marked fact per office. Not WeasyPrint footnotes for every marker: in a table cell WeasyPrint 70
sets a footnote's row on a page of its own (a 30-row test table took 31 pages), and the plan's markers are
half in cells.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString

BADGE = "perlu-verifikasi"  # the class of markers.badge
MARK = "†"
MARK_CLASS = "tanda-verifikasi"
REASON_CLASS = "alasan-verifikasi"
LEGEND_CLASS = "keterangan-tanda-verifikasi"
LEGEND = (f"{MARK} Tanda ini menandai fakta yang masih perlu verifikasi: belum ada sumber resmi atau datanya "
          "masih ditunggu dari OPD. Keterangannya, bila ada, tercetak dalam kurung sesudah tanda; semua butir "
          "dihimpun menurut OPD pada Lampiran F.")
PREFIX = "perlu verifikasi"
# A marker here is printed as it is: the signature block turns its own into a footnote (styles.scss).
KEPT_IN = "blok-tanda-tangan"


def print_markers(soup: BeautifulSoup) -> int:
    """Turn every "perlu verifikasi" badge of ``soup`` (:func:`masterplan.model.markers.badge`) outside
    the signature block into a dagger attached to the word before it, followed by the reason in brackets
    where the badge had one; the first badge outside tables also gets the footnote :data:`LEGEND`.
    The badge keeps its class (``perlu-verifikasi``). Returns how many badges were turned."""
    turned = 0
    legend = False
    for badge in soup.body.select(f"span.{BADGE}"):
        if badge.find_parent(class_=KEPT_IN) is not None:
            continue
        text = " ".join(badge.get_text(" ").split())
        reason = text[len(PREFIX):].lstrip(":").strip() if text.casefold().startswith(PREFIX) else text
        before = badge.previous_sibling
        if type(before) is NavigableString and before.rstrip() != before:
            before.replace_with(before.rstrip())  # the dagger stands right after the fact it marks
        badge.clear()
        mark = soup.new_tag("span", attrs={"class": MARK_CLASS})
        mark.string = MARK
        badge.append(mark)
        if not legend and badge.find_parent(["table", "h1", "h2", "h3", "h4", "figcaption"]) is None:
            note = soup.new_tag("span", attrs={"class": LEGEND_CLASS})
            note.string = LEGEND
            badge.append(note)
            legend = True
        if reason:
            badge.append(" ")
            words = soup.new_tag("span", attrs={"class": REASON_CLASS})
            words.string = f"({reason})"
            badge.append(words)
        turned += 1
    return turned

