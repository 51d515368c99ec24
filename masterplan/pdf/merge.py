"""One PDF from the parts of the plan rendered apart (issue #14: rendering ~215 pages at once needs too much
memory): the parts' pages in order, one structure tree (:mod:`masterplan.pdf.merge_structure`), one
outline, one name tree of destinations, links across parts made internal, the first part's catalog
entries and document information, and the page labels of the whole. CATATAN-TEKNIS.md C68 says
why each is kept (PDF/UA-1, PDF/A-3a).

A part links to an anchor in another part as ``XREF_PREFIX + anchor`` (WeasyPrint drops an internal link
whose anchor is not in the same document); :func:`merge` turns such a link into ``/Dest (anchor)``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree, Pdf, String

from masterplan.pdf.merge_structure import Structure, copy

XREF_PREFIX = "https://pdf-xref.invalid/#"
# Catalog entries of the first part that hold for the whole (WeasyPrint 70, pdf/__init__.py and tags.py):
# language, "tagged" flag, XMP with the PDF/A or PDF/UA identification, colour intent, "show the title".
CATALOG_KEYS = ("/Lang", "/MarkInfo", "/Metadata", "/OutputIntents", "/ViewerPreferences")
# XMP identification schemas (ISO 19005-2 6.6.4, ISO 14289-1 5) by the family in a variant's name.
IDENTIFICATION = {"a": "http://www.aiim.org/pdfa/ns/id/", "ua": "http://www.aiim.org/pdfua/ns/id/"}


def _check_variant(first: Pdf, variant: str) -> None:
    """Raise ``ValueError`` unless the XMP of ``first`` declares ``variant`` (``pdf/ua-1``, ``pdf/a-3a``):
    the merged PDF keeps that XMP, so it must be the right one."""
    family, _, rest = variant.removeprefix("pdf/").partition("-")
    part, level = rest[:1], rest[1:].upper()
    metadata = first.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
    claimed = (metadata.get(f"{{{IDENTIFICATION.get(family, '')}}}part"),
               metadata.get(f"{{{IDENTIFICATION['a']}}}conformance") if level else None)
    if claimed != (part, level or None):
        raise ValueError(f"bagian PDF pertama bukan {variant} (XMP menyatakan bagian/kesesuaian {claimed})")


def _outline_items(merged: Pdf, source: Pdf) -> tuple[list[pikepdf.Object], int]:
    """The top-level outline items of ``source`` copied into ``merged`` (their children come along, with
    destinations on the copied pages), and the number of items open to view (the root's ``/Count``)."""
    if "/Outlines" not in source.Root or "/First" not in source.Root.Outlines:
        return [], 0
    root = copy(merged, source, source.Root.Outlines)
    items, item = [], root.First
    while True:
        items.append(item)
        if "/Next" not in item:
            return items, int(root.get("/Count", 0))
        item = item.Next


def _link_outlines(merged: Pdf, items: list[pikepdf.Object], count: int) -> None:
    """Make ``items`` (every part's top-level items, in order) the top level of the merged outline."""
    if not items:
        return
    outlines = merged.make_indirect(Dictionary(Type=Name.Outlines, First=items[0], Last=items[-1],
                                               Count=count))
    for before, item in zip([None, *items], items):
        item.Parent = outlines
        if before is not None:
            item.Prev, before.Next = before, item
    merged.Root.Outlines = outlines


def _destinations(merged: Pdf, source: Pdf, known: dict[str, pikepdf.Object], index: int) -> None:
    """Add the named destinations of ``source`` (part ``index``, from 0) to ``known``, copied into
    ``merged``. Raises ``ValueError`` naming an anchor that an earlier part defines too (a link to it
    would be ambiguous)."""
    names = source.Root.get("/Names", Dictionary())
    if "/Dests" not in names:
        return
    for name, destination in NameTree(copy(merged, source, names.Dests)).items():
        if name in known:
            raise ValueError(f"jangkar '#{name}' ada di dua bagian PDF (bagian ke-{index + 1} dan sebelumnya); "
                             "setiap id hanya boleh muncul sekali di rencana")
        known[name] = destination


def _resolve_links(merged: Pdf, known: dict[str, pikepdf.Object]) -> None:
    """Turn every link to ``XREF_PREFIX + anchor`` into an internal link ``/Dest (anchor)`` described by
    the anchor's name (as WeasyPrint describes its internal links), and check every internal link's
    name. Raises ``ValueError`` naming the anchor and the page (from 1) when no part defines it."""
    for number, page in enumerate(merged.pages, start=1):
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(XREF_PREFIX):
                anchor = unquote(uri[len(XREF_PREFIX):])
                del annotation.A
                annotation.Dest = String(anchor)
                annotation.Contents = String(anchor)
            elif isinstance(annotation.get("/Dest"), String):
                anchor = str(annotation.Dest)
            else:
                continue
            if anchor not in known:
                raise ValueError(f"tautan di halaman {number} PDF gabungan menuju '#{anchor}', tetapi tidak ada "
                                 "bagian yang memuat jangkar itu; periksa id tujuan tautan")


def _label(entry: dict) -> Dictionary:
    """A page label dictionary from ``{"P": "Sampul"}``, ``{"S": "/r", "St": 1}``: ``S`` is a name,
    other text a string, numbers stay."""
    return Dictionary({f"/{key}": Name(value) if key == "S" else String(value) if isinstance(value, str)
                       else value for key, value in entry.items()})


def _page_labels(merged: Pdf, page_labels: Sequence[tuple[int, dict]]) -> None:
    """Write ``page_labels`` (0-based page index, label dict) as the catalog's ``/PageLabels``. Raises
    ``ValueError`` for an index outside the merged PDF or labels that do not start at page 0 (ISO
    32000-1, 12.4.2: the tree holds page index 0)."""
    if not page_labels:
        return
    indexes = [index for index, _ in page_labels]
    if 0 not in indexes or not all(0 <= index < len(merged.pages) for index in indexes):
        raise ValueError(f"label halaman {indexes} tidak cocok dengan PDF gabungan {len(merged.pages)} "
                         "halaman (harus mulai dari halaman 0)")
    tree = NumberTree.new(merged)
    for index, entry in page_labels:
        tree[index] = _label(entry)
    merged.Root.PageLabels = tree.obj


def merge(parts: Sequence[bytes], target: Path, *, page_labels: Sequence[tuple[int, dict]], variant: str) -> None:
    """Write to ``target`` the PDF made of ``parts`` (PDF bytes written by WeasyPrint 70 with
    ``pdf_variant=variant, pdf_tags=True, pdf_identifier=True``, in reading order), as one tagged
    document of ``variant`` (one of ``metadata.VARIANTS``) with ``page_labels`` ((0-based page index of
    the merged PDF, label dict such as ``{"S": "/D", "St": 1}``), in page order).

    The same input gives the same bytes: the file identifier is derived from the content and nothing
    adds a date. Raises ``ValueError`` (in Indonesian, for the build log) for no parts, a first part of
    another variant, parts tagged and untagged, an anchor defined twice, a link to an
    anchor no part defines, or page labels that do not fit.
    """
    if not parts:
        raise ValueError("tidak ada bagian PDF untuk digabung")
    sources = [Pdf.open(io.BytesIO(part)) for part in parts]
    _check_variant(sources[0], variant)
    tagged = ["/StructTreeRoot" in source.Root for source in sources]
    if len(set(tagged)) > 1:
        raise ValueError(f"bagian PDF ke-{tagged.index(not tagged[0]) + 1} "
                         f"{'tidak bertag' if tagged[0] else 'bertag'}, bagian pertama "
                         f"{'bertag' if tagged[0] else 'tidak bertag'}; render semua bagian dengan pdf_tags=True")
    merged = Pdf.new()
    for key in CATALOG_KEYS:
        if key in sources[0].Root:
            merged.Root[key] = copy(merged, sources[0], sources[0].Root[key])
    merged.trailer.Info = copy(merged, sources[0], sources[0].trailer.Info)
    structure = Structure(merged) if tagged[0] else None  # pdf_tags=True tags every variant
    outline_items, outline_count, known = [], 0, {}
    for index, source in enumerate(sources):
        start = len(merged.pages)
        for page in source.pages:
            merged.pages.append(page)  # append, unlike extend, does not warn about what we merge ourselves
        if structure is not None:
            structure.add(source, list(merged.pages)[start:], index)
        items, count = _outline_items(merged, source)
        outline_items += items
        outline_count += count
        _destinations(merged, source, known, index)
    if structure is not None:
        structure.finish()
    _link_outlines(merged, outline_items, outline_count)
    if known:
        tree = NameTree.new(merged)
        for name in sorted(known):
            tree[name] = known[name]
        merged.Root.Names = Dictionary(Dests=tree.obj)
    _resolve_links(merged, known)
    _page_labels(merged, page_labels)
    target.parent.mkdir(parents=True, exist_ok=True)
    merged.save(target, min_version=max(source.pdf_version for source in sources), deterministic_id=True,
                fix_metadata_version=False, object_stream_mode=pikepdf.ObjectStreamMode.generate)
