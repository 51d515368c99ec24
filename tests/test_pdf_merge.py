"""Merging parts rendered apart into one PDF (masterplan/pdf/merge.py, CATATAN-TEKNIS.md C68): small
real parts written by WeasyPrint, merged, and read back with pikepdf, pdfplumber and pypdf."""

from __future__ import annotations

import base64
import io
import tempfile
import zlib
from functools import cache
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree
from pypdf import PdfReader
from weasyprint import HTML

from masterplan.pdf.merge import XREF_PREFIX, merge

pytestmark = pytest.mark.unit


def _png() -> str:
    """A 2×2 grey PNG as a data URL."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (len(data).to_bytes(4, "big") + kind + data
                + zlib.crc32(kind + data).to_bytes(4, "big"))
    pixels = zlib.compress(b"\x00\x80\x80\x00\x80\x80")
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", bytes([0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0]))
           + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))
    return "data:image/png;base64," + base64.b64encode(png).decode()


def _chapter(number: int, links: str = "") -> str:
    """A two-page chapter: h1 and h2 headings, a nested list, an image, a table with header cells, a link
    within the chapter and ``links``."""
    return f"""<!doctype html><html lang="id"><head><title>Rencana Induk Bagian {number}</title>
<meta name="author" content="Bappeda Kabupaten Bangli"></head><body>
<h1 id="bab-{number}">Bab {number}</h1>
<p>Pembuka bab {number}. Lihat <a href="#tabel-{number}">tabel bab ini</a>. {links}</p>
<h2 id="sasaran-{number}">Sasaran {number}.1</h2>
<ul><li>Layanan daring<ul><li>izin usaha</li></ul></li><li>Data terpadu</li></ul>
<img src="{_png()}" alt="Peta kawasan {number}" style="width: 40px">
<h2 id="tabel-{number}" style="break-before: page">Tabel {number}.1</h2>
<table><thead><tr><th>Program</th><th>Tahun</th></tr></thead>
<tbody><tr><td>Program {number}</td><td>2027</td></tr></tbody></table>
</body></html>"""


CHAPTERS = (
    _chapter(1, f'Bandingkan <a href="{XREF_PREFIX}bab-2">Bab 2</a> dan <a href="https://bangli.go.id/">situs</a>.'),
    _chapter(2, f'Rinciannya di <a href="{XREF_PREFIX}tabel-3">Tabel 3.1</a>.'),
    _chapter(3, f'Kembali ke <a href="{XREF_PREFIX}sasaran-1">Sasaran 1.1</a>.'),
)
PLAIN = (_chapter(4), _chapter(5))  # without links across parts
LABELS = [(0, {"P": "Sampul"}), (1, {"S": "/r", "St": 1}), (2, {"S": "/D", "St": 1})]


@cache
def _parts(variant: str = "pdf/ua-1", chapters: tuple[str, ...] = CHAPTERS) -> tuple[bytes, ...]:
    return tuple(HTML(string=html).write_pdf(pdf_variant=variant, pdf_tags=True, pdf_identifier=True)
                 for html in chapters)


@cache
def _merged(variant: str = "pdf/ua-1") -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        merge(_parts(variant), Path(folder) / "rencana.pdf", page_labels=LABELS, variant=variant)
        return (Path(folder) / "rencana.pdf").read_bytes()


@pytest.fixture
def merged() -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(_merged()))


def _page_of(pdf: pikepdf.Pdf, reference) -> int:
    return [page.objgen for page in pdf.pages].index(reference.objgen)


def _destinations(pdf: pikepdf.Pdf) -> dict[str, int]:
    """Named destination → page index."""
    if "/Names" not in pdf.Root:
        return {}
    return {name: _page_of(pdf, dest[0]) for name, dest in NameTree(pdf.Root.Names.Dests).items()}


def _outline(pdf: pikepdf.Pdf) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every outline item, depth-first."""
    found: list[tuple[int, str, int]] = []

    def walk(items, level):
        for item in items:
            found.append((level, item.title, _page_of(pdf, item.destination[0])))
            walk(item.children, level + 1)

    with pdf.open_outline() as outline:
        walk(outline.root, 1)
    return found


def _offsets() -> list[int]:
    counts = [len(pikepdf.open(io.BytesIO(part)).pages) for part in _parts()]
    return [sum(counts[:index]) for index in range(len(counts))]


def test_pages_and_their_text_are_the_parts_in_order(merged):
    def texts(data: bytes) -> list[str]:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [page.extract_text() for page in pdf.pages]

    expected = [text for part in _parts() for text in texts(part)]
    assert len(merged.pages) == len(expected) == 6
    assert texts(_merged()) == expected
    assert pikepdf.open(io.BytesIO(_merged())).check_pdf_syntax() == []


def test_outline_is_each_parts_outline_in_order_on_the_copied_pages(merged):
    expected = [(level, title, page + offset) for part, offset in zip(_parts(), _offsets())
                for level, title, page in _outline(pikepdf.open(io.BytesIO(part)))]
    assert _outline(merged) == expected
    assert [title for level, title, _ in expected if level == 1] == ["Bab 1", "Bab 2", "Bab 3"]
    assert merged.Root.Outlines.Count == 9  # every item open: 3 chapters with 2 sections each


def test_every_link_leads_to_its_anchor_on_the_right_page_and_no_cross_part_url_is_left(merged):
    expected = {name: page + offset for part, offset in zip(_parts(), _offsets())
                for name, page in _destinations(pikepdf.open(io.BytesIO(part))).items()}
    destinations = _destinations(merged)
    assert destinations == expected
    names = list(NameTree(merged.Root.Names.Dests).keys())
    assert names == sorted(names)
    links, external = [], []
    for page in merged.pages:
        for annotation in page.obj.get("/Annots", []):
            if "/A" in annotation:
                external.append(str(annotation.A.URI))
                continue
            name = str(annotation.Dest)
            links.append((name, destinations[name]))
            assert str(annotation.Contents) == name
    assert external == ["https://bangli.go.id/"]
    assert sorted(links) == [("bab-2", 2), ("sasaran-1", 0), ("tabel-1", 1), ("tabel-2", 3),
                             ("tabel-3", 5), ("tabel-3", 5)]
    with pdfplumber.open(io.BytesIO(_merged())) as pdf:
        assert not [link for page in pdf.pages for link in page.hyperlinks
                    if str(link.get("uri") or "").startswith(XREF_PREFIX)]


def _elements(root) -> list:
    """Every structure element below ``root``, checking that each names its parent with /P."""
    found, stack = [], [root]
    while stack:
        parent = stack.pop()
        kids = parent.get("/K", Array())
        for kid in kids if isinstance(kids, Array) else [kids]:
            if isinstance(kid, Dictionary) and kid.get("/Type") == "/StructElem":
                assert kid.P.objgen == parent.objgen
                found.append(kid)
                stack.append(kid)
    return found


def test_one_structure_tree_whose_parent_tree_matches_pages_and_annotations(merged):
    root = merged.Root.StructTreeRoot
    assert len(root.K) == 1 and root.K[0].S == "/Document" and root.K[0].P.objgen == root.objgen
    elements = _elements(root)
    in_parts = [len(_elements(pdf.Root.StructTreeRoot)) for pdf in map(pikepdf.open, map(io.BytesIO, _parts()))]
    assert len(elements) == sum(in_parts) - 2  # the parts' Document elements but one
    reachable = {element.objgen for element in elements}
    parents = dict(NumberTree(root.ParentTree).items())
    assert int(root.ParentTreeNextKey) == max(parents) + 1
    for page in merged.pages:
        for element in parents[int(page.obj.StructParents)]:
            assert element.Pg.objgen == page.objgen and element.objgen in reachable
        for annotation in page.obj.get("/Annots", []):
            link = parents[int(annotation.StructParent)]
            assert link.S == "/Link" and link.objgen in reachable
            assert [kid.Obj.objgen for kid in link.K if isinstance(kid, Dictionary)] == [annotation.objgen]
    keys = [int(page.obj.StructParents) for page in merged.pages]
    keys += [int(a.StructParent) for page in merged.pages for a in page.obj.get("/Annots", [])]
    assert sorted(keys) == sorted(parents)  # every key used once, none left over


def test_table_header_ids_are_unique_and_in_the_id_tree(merged):
    elements = _elements(merged.Root.StructTreeRoot)
    ids = [str(element.ID) for element in elements if "/ID" in element]
    assert len(ids) == 6 and len(set(ids)) == 6
    tree = dict(NameTree(merged.Root.StructTreeRoot.IDTree).items())
    assert sorted(tree) == sorted(ids)
    headers = [str(h) for element in elements if "/A" in element for h in element.A.get("/Headers", [])]
    assert headers and set(headers) <= set(ids)


def test_catalog_document_information_and_page_labels_come_through(merged):
    assert merged.Root.MarkInfo.Marked is True
    assert merged.Root.ViewerPreferences.DisplayDocTitle is True
    assert str(merged.Root.Lang) == "id"
    assert str(merged.docinfo.Title) == "Rencana Induk Bagian 1"
    metadata = merged.open_metadata()
    assert metadata["{http://www.aiim.org/pdfua/ns/id/}part"] == "1"
    assert metadata["dc:title"] == "Rencana Induk Bagian 1"
    assert PdfReader(io.BytesIO(_merged())).page_labels == ["Sampul", "i", "1", "2", "3", "4"]


def test_same_input_gives_the_same_bytes(tmp_path):
    for name in ("a.pdf", "b.pdf"):
        merge(_parts(), tmp_path / name, page_labels=LABELS, variant="pdf/ua-1")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_pdf_a_3a_keeps_its_output_intent_and_identification():
    pdf = pikepdf.open(io.BytesIO(_merged("pdf/a-3a")))
    assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"
    assert len(pdf.Root.OutputIntents[0].DestOutputProfile.read_bytes()) > 1000
    assert pdf.open_metadata().pdfa_status == "3A"
    assert "/StructTreeRoot" in pdf.Root and pdf.check_pdf_syntax() == []


def test_pdf_a_level_b_parts_keep_their_tags_too():
    pdf = pikepdf.open(io.BytesIO(_merged("pdf/a-2b")))
    keys = [int(page.obj.StructParents) for page in pdf.pages]
    assert set(keys) <= set(dict(NumberTree(pdf.Root.StructTreeRoot.ParentTree).items()))
    assert pdf.open_metadata().pdfa_status == "2B"


def _broken(chapter: str) -> tuple[bytes, ...]:
    return _parts("pdf/ua-1", (CHAPTERS[0], chapter))


@pytest.mark.parametrize("parts, kwargs, message", [
    pytest.param(lambda: _broken(_chapter(2, f'<a href="{XREF_PREFIX}bab-9">Bab 9</a>')), {}, "'#bab-9'",
                 id="link-to-an-anchor-no-part-defines"),
    pytest.param(lambda: _broken(_chapter(1)), {}, "'#bab-1' ada di dua bagian", id="anchor-in-two-parts"),
    pytest.param(lambda: _parts("pdf/ua-1", PLAIN)[:1], {"page_labels": [(0, {"P": "Sampul"}), (2, {"S": "/D"})]},
                 "label halaman", id="label-beyond-the-last-page"),
    pytest.param(lambda: _parts("pdf/ua-1", PLAIN)[:1], {"page_labels": [(1, {"S": "/D"})]}, "mulai dari halaman 0",
                 id="labels-not-from-page-0"),
    pytest.param(lambda: _parts("pdf/ua-1", PLAIN)[:1], {"variant": "pdf/a-3a"}, "bukan pdf/a-3a",
                 id="part-of-another-variant"),
    pytest.param(lambda: (_parts("pdf/ua-1", PLAIN)[0], HTML(string=PLAIN[1]).write_pdf()), {},
                 "ke-2 tidak bertag", id="untagged-part"),
    pytest.param(lambda: (), {}, "tidak ada bagian", id="no-parts"),
    pytest.param(lambda: (_edited(_parts("pdf/ua-1", PLAIN)[0],
                                  lambda pdf: setattr(pdf.pages[1].obj, "StructParents", 99)),),
                 {}, "StructParents 99 tidak ada di ParentTree", id="page-key-missing-from-the-parent-tree"),
])
def test_inputs_that_cannot_make_a_correct_pdf_raise_an_indonesian_value_error(tmp_path, parts, kwargs,
                                                                                 message):
    options = {"page_labels": [(0, {"S": "/D"})], "variant": "pdf/ua-1", **kwargs}
    with pytest.raises(ValueError, match=message):
        merge(parts(), tmp_path / "gabungan.pdf", **options)
    assert not (tmp_path / "gabungan.pdf").exists()


def _edited(part: bytes, change) -> bytes:
    """``part`` after ``change(pdf)``, saved again."""
    pdf = pikepdf.open(io.BytesIO(part))
    change(pdf)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _with_role_map(part: bytes, role: str) -> bytes:
    return _edited(part, lambda pdf: setattr(pdf.Root.StructTreeRoot, "RoleMap", Dictionary(Catatan=Name(role))))


def test_role_maps_merge_and_a_conflicting_one_is_refused(tmp_path):
    first, second = _parts("pdf/ua-1", PLAIN)
    merge([_with_role_map(first, "/P"), _with_role_map(second, "/P")], tmp_path / "a.pdf",
          page_labels=[(0, {"S": "/D"})], variant="pdf/ua-1")
    assert pikepdf.open(tmp_path / "a.pdf").Root.StructTreeRoot.RoleMap.Catatan == "/P"
    with pytest.raises(ValueError, match="RoleMap"):
        merge([_with_role_map(first, "/P"), _with_role_map(second, "/Note")], tmp_path / "b.pdf",
              page_labels=[(0, {"S": "/D"})], variant="pdf/ua-1")
