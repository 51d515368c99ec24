"""The plan laid out in parts (masterplan/pdf/groups.py, CATATAN-TEKNIS.md C67): the body cut into
bounded groups of whole parts, links across documents, page numbers going on from one document to the
next, and in the built PDF every link landing inside the file."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from masterplan.pdf import groups
from masterplan.pdf.arrange import BODY_ANCHOR
from masterplan.pdf.merge import XREF_PREFIX

from pdf_read import outline_titles


@pytest.mark.parametrize("sizes, limit, expected", [
    ([], 10, []),
    ([3, 3, 3], 10, [[0, 1, 2]]),
    ([4, 4, 4], 10, [[0, 1], [2]]),
    ([10, 1], 10, [[0], [1]]),
    ([25, 2, 2], 10, [[0], [1, 2]]),  # longer than the limit: a group of its own
    ([2, 25, 2], 10, [[0], [1], [2]]),
])
def test_groups_keep_order_and_stay_within_the_limit(sizes, limit, expected):
    found = groups.grouped(sizes, limit)
    assert found == expected
    assert [index for group in found for index in group] == list(range(len(sizes)))
    assert all(sum(sizes[i] for i in group) <= limit or len(group) == 1 for group in found)


def _arranged(chapters: int) -> BeautifulSoup:
    """A document shaped as :func:`masterplan.pdf.arrange.arrange` leaves it: cover, front matter with a
    Daftar Isi, body chapters of 40 characters each, one linking to the next and one to the cover."""
    body = "".join(f'<article id="bab-{n}"><h1 id="h-{n}">Bab {n}</h1><p>{"x" * 30} '
                   f'<a href="#h-{n + 1}">lanjut</a> <a href="#doc-cover">sampul</a></p></article>'
                   for n in range(chapters))
    toc = "".join(f'<li><a href="#h-{n}">Bab {n}</a></li>' for n in range(chapters))
    return BeautifulSoup(
        f'<html lang="id"><head><title>T</title><style>p {{ color: red }}</style>'
        f'<link rel="icon" href="x.png"><link rel="stylesheet" href="file:///gaya.css">'
        f'<link rel="stylesheet" media="screen" href="layar.css"></head><body>'
        f'<article id="doc-cover"><h1>Sampul</h1></article><div class="bagian-depan">'
        f'<article id="doc-toc"><h1>Daftar Isi</h1><ul>{toc}</ul></article></div>'
        f'<div class="bagian-isi" id="{BODY_ANCHOR}">{body}</div></body></html>', "html.parser")


def test_split_cuts_the_body_into_bounded_documents_and_links_across_them():
    split = groups.split(_arranged(5), limit=100)
    assert split.stylesheets == [("string", "p { color: red }"), ("url", "file:///gaya.css")]
    assert len(split.body) == 3 and max(split.sizes) <= 100
    documents = [BeautifulSoup(html, "html.parser") for html in split.body]
    assert [doc.select_one("div.bagian-isi").get("id") for doc in documents] == [BODY_ANCHOR, None, None]
    for doc in [*documents, BeautifulSoup(split.front, "html.parser")]:
        assert doc.html["lang"] == "id" and doc.title.string == "T" and not doc.find("style")
        assert [link["href"] for link in doc.find_all("link")] == ["x.png", "layar.css"]  # (media: stays)
    first = [link["href"] for link in documents[0].find_all("a")]
    # Bab 0 → Bab 1 stays in the document; Bab 1 → Bab 2 and every link to the cover leave it.
    assert first == ["#h-1", XREF_PREFIX + "doc-cover", XREF_PREFIX + "h-2", XREF_PREFIX + "doc-cover"]
    last = [link["href"] for link in documents[-1].find_all("a")]
    assert last == ["#h-5", XREF_PREFIX + "doc-cover"]  # h-5 exists nowhere: WeasyPrint still reports it
    front = BeautifulSoup(groups.numbered_front(split.front, {"h-0": 1, "h-3": 7}), "html.parser")
    entries = [(link["href"], link.get(groups.PAGE_ATTRIBUTE)) for link in front.select("#doc-toc a")]
    assert entries == [(XREF_PREFIX + "h-0", "1"), (XREF_PREFIX + "h-1", None), (XREF_PREFIX + "h-2", None),
                       (XREF_PREFIX + "h-3", "7"), (XREF_PREFIX + "h-4", None)]


def test_parts_are_merged_with_numbers_labels_bookmarks_and_links(tmp_path):
    """Three chapters (the second over two pages) laid out in three documents: page numbers go on across them, the Daftar Isi
    prints them, bookmarks and page labels cover the whole file, links across documents land."""
    from masterplan.pdf import output  # imports WeasyPrint

    css = ("@page { counter-increment: page; @bottom-center { content: counter(page) } }"
           " @page isi:nth(1 of isi) { counter-reset: page 0 }"
           " .bagian-isi { page: isi } article { break-before: page }"
           " #doc-toc a[data-halaman]::after { content: ' ' attr(data-halaman) }")
    soup = _arranged(3)
    soup.find("a", href="#h-3").decompose()  # a link to nowhere is an error (and one in the adapter test)
    soup.head.style.string = css
    for link in soup.head.find_all("link"):
        link.decompose()
    soup.select_one("#bab-1").append(BeautifulSoup("<p>" + "<br>" * 80 + "</p>", "html.parser"))  # 2 pages
    split = groups.split(soup, limit=10)
    target = tmp_path / "bagian.pdf"
    with output.listening() as messages:
        printed = output.write_parts(split, target, "pdf/ua-1")
    assert messages.errors == []
    reader = PdfReader(target)
    assert printed.pages == len(reader.pages) == 6
    assert printed.titles == outline_titles(target) == ["Sampul", "Daftar Isi", "Bab 0", "Bab 1", "Bab 2"]
    assert reader.page_labels == ["Sampul", "i", "1", "2", "3", "4"]
    footers = [page.extract_text().split()[-1] for page in reader.pages[2:]]
    assert footers == ["1", "2", "3", "4"]
    assert "Bab 2 4" in reader.pages[1].extract_text()  # the Daftar Isi's number for a later document
    destinations = {name: reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}
    links = [annotation.get_object() for page in reader.pages for annotation in page.get("/Annots", [])]
    assert links and all("/A" not in link for link in links)
    assert {str(link["/Dest"]) for link in links} <= set(destinations)
    assert destinations["h-2"] == 5 and destinations["doc-cover"] == 0
    assert XREF_PREFIX.encode() not in target.read_bytes()


def test_every_link_of_the_built_pdf_lands_inside_it(full_build):
    """The Daftar Isi and every cross-reference: no link is left pointing to the placeholder address,
    and every internal link names a destination the file has."""
    reader = PdfReader(full_build.pdf)
    names = set(reader.named_destinations)
    internal, external = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if "/Dest" in annotation:
                internal.append(str(annotation["/Dest"]))
            elif "/A" in annotation and "/URI" in annotation["/A"]:
                external.append(str(annotation["/A"]["/URI"]))
    assert len(internal) > 100  # the Daftar Isi alone links to every chapter and section
    assert set(internal) <= names
    assert not [uri for uri in external if uri.startswith(XREF_PREFIX)]
