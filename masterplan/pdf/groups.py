"""The arranged document (:mod:`masterplan.pdf.arrange`) cut into documents WeasyPrint lays out one
after another, so that the pages of only one of them are held at a time (issue #14: WeasyPrint keeps
every laid-out page of a document until it is written, so memory grew with the plan).

The body (BAB, Lampiran: the top-level articles of ``div.bagian-isi``) is cut into groups of whole
articles of at most :data:`LIMIT` characters of text each (an article longer than that is a group of its
own), laid out first; the cover, its back and the front matter (Kata Pengantar … Daftar Gambar) are laid
out last, once the page of every body anchor is known: the Daftar Isi and the lists of tables and
figures then print those numbers as text (``data-halaman``, ``overrides/pdf/styles.scss``), because
``target-counter`` sees only its own document. A link to an anchor laid out in another document points
to :data:`~masterplan.pdf.merge.XREF_PREFIX` plus the anchor (WeasyPrint reports a link to a missing
anchor as an error); :func:`masterplan.pdf.merge.merge` turns it back into an internal link.
CATATAN-TEKNIS.md C67.
"""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from masterplan.pdf.arrange import BODY_ANCHOR
from masterplan.pdf.merge import XREF_PREFIX

# Characters of text per body document. The plan's longest chapter (BAB V, 41 pages) holds about 85,000
# and the body about 450,000: at this limit the plan is laid out in 6 body documents of at most about 45
# pages; a plan three times as long in about three times as many (BAB V alone then about 125 pages).
LIMIT = 100_000
NUMBERED = "article#doc-toc li > a, article.daftar-keterangan li > a"  # entries that print a page number
PAGE_ATTRIBUTE = "data-halaman"  # the printed page number of a body anchor, for a front-matter entry


@dataclass
class Split:
    """The plan as documents to lay out: ``stylesheets`` (the head's stylesheets in order, each as
    ``("string", css)`` or ``("url", address)``, to be parsed once for all documents), ``body`` (the HTML of each body document, in order),
    ``sizes`` (each body document's characters of text) and ``front`` (the HTML of the cover and front
    matter, whose numbered entries :func:`numbered_front` completes)."""

    stylesheets: list[tuple[str, str]]
    body: list[str]
    sizes: list[int]
    front: str


def _stylesheets(head: Tag) -> list[tuple[str, str]]:
    """Take the stylesheets (``<style>``, ``<link rel=stylesheet>``) out of ``head``, in order, as
    ``("string", css)`` or ``("url", address)``. One with a ``media`` attribute stays, as WeasyPrint
    weighs that attribute only in the document."""
    found = []
    for element in head.find_all(["style", "link"]):
        if element.get("media") or element.name == "link" and "stylesheet" not in (element.get("rel") or []):
            continue
        if element.name == "link":
            found.append(("url", element["href"]))
        else:  # (the text of a <style> made by assemble.combined is no Stylesheet string: no get_text())
            found.append(("string", "".join(str(text) for text in element.contents)))
        element.extract()
    return found


def _ids(tags: list[Tag]) -> set[str]:
    """Every ``id`` in ``tags`` and their descendants."""
    found = set()
    for tag in tags:
        if tag.get("id"):
            found.add(tag["id"])
        found.update(element["id"] for element in tag.find_all(id=True))
    return found


def _link_across(tags: list[Tag], inside: set[str], everywhere: set[str]) -> None:
    """Point every ``#anchor`` link in ``tags`` whose anchor is laid out in another document (in
    ``everywhere`` but not ``inside``) to :data:`XREF_PREFIX` plus the anchor. A link to an anchor that
    exists nowhere is left for WeasyPrint to report, as before the split."""
    for tag in tags:
        for link in tag.find_all("a", href=True):
            anchor = link["href"][1:] if link["href"].startswith("#") else None
            if anchor and anchor not in inside and anchor in everywhere:
                link["href"] = XREF_PREFIX + anchor


def grouped(sizes: list[int], limit: int = LIMIT) -> list[list[int]]:
    """Indices of consecutive items grouped in order so that no group's ``sizes`` add up to more than
    ``limit``, except an item larger than ``limit``, which is a group of its own."""
    groups: list[list[int]] = []
    total = 0
    for index, size in enumerate(sizes):
        if groups and total + size <= limit:
            groups[-1].append(index)
            total += size
        else:
            groups.append([index])
            total = size
    return groups


def split(soup: BeautifulSoup, limit: int = LIMIT) -> Split:
    """Cut the arranged document ``soup`` (emptied as it goes: its articles move into the documents)
    into a :class:`Split`; ``limit`` as :data:`LIMIT`. A document without ``div.bagian-isi`` is all front."""
    stylesheets = _stylesheets(soup.head)
    main = soup.body.find("div", class_="bagian-isi", recursive=False)
    articles = main.find_all("article", recursive=False) if main is not None else []
    if main is not None:
        main.extract()
    front = list(soup.body.contents)
    everywhere = _ids(front) | _ids(articles)
    sizes = [len(article.get_text()) for article in articles]
    body, body_sizes = [], []
    for number, indices in enumerate(grouped(sizes, limit)):
        members = [articles[index] for index in indices]
        _link_across(members, _ids(members), everywhere)
        wrapper = soup.new_tag("div", attrs={"class": "bagian-isi"})
        if number == 0:
            wrapper["id"] = BODY_ANCHOR  # page labels and the Daftar Isi start the body here
        for article in members:
            wrapper.append(article.extract())
        body.append(_document(soup, [wrapper]))
        body_sizes.append(sum(sizes[index] for index in indices))
        wrapper.decompose()
    _link_across(front, _ids(front), everywhere)
    return Split(stylesheets, body, body_sizes, _document(soup, front))


def _document(soup: BeautifulSoup, content: list) -> str:
    """A complete HTML document: ``soup``'s ``<html>`` attributes and head around ``content``."""
    attributes = "".join(f' {name}="{value}"' for name, value in soup.html.attrs.items())
    return f"<html{attributes}>{soup.head}<body>{''.join(str(part) for part in content)}</body></html>"


def numbered_front(front: str, pages: dict[str, int]) -> str:
    """``front`` with each Daftar Isi, Daftar Tabel and Daftar Gambar entry that links to a body anchor
    given that anchor's printed page number from ``pages`` (anchor → number) as ``data-halaman``."""
    soup = BeautifulSoup(front, "html.parser")
    for link in soup.select(NUMBERED):
        anchor = link["href"].removeprefix(XREF_PREFIX) if link["href"].startswith(XREF_PREFIX) else None
        if anchor in pages:
            link[PAGE_ATTRIBUTE] = str(pages[anchor])
    return str(soup)
