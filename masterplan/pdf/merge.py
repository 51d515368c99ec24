"""Interim merge of the PDFs the plan is laid out in (:mod:`masterplan.pdf.groups`) into one file.

TEMPORARY (branch ``parts``): pages, bookmarks, named destinations, links across parts, page labels,
one structure tree (each part's elements under the first part's document element, parent-tree keys
renumbered) and the first part's catalog entries; the ``merge`` branch's module, with the same
interface, replaces this file.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pikepdf

XREF_PREFIX = "https://pdf-xref.invalid/#"  # a link to an anchor laid out in another part


def _label(label: dict) -> pikepdf.Dictionary:
    """A page label dictionary from ``{"P": "Sampul"}`` / ``{"S": "/r", "St": 1}``."""
    values = {}
    for key, value in label.items():
        if key == "S":
            values["/S"] = pikepdf.Name(value)
        elif isinstance(value, str):
            values[f"/{key}"] = pikepdf.String(value)
        else:
            values[f"/{key}"] = value
    return pikepdf.Dictionary(values)


def _copied(pdf: pikepdf.Pdf, value):
    """``value`` of another PDF in ``pdf`` (a direct array, such as a destination, item by item)."""
    if isinstance(value, pikepdf.Array) and not value.is_indirect:
        return pikepdf.Array([_copied(pdf, item) for item in value])
    return pdf.copy_foreign(value) if isinstance(value, pikepdf.Object) and value.is_indirect else value


def _append_outlines(pdf: pikepdf.Pdf, part: pikepdf.Pdf) -> None:
    """Append ``part``'s top-level bookmarks (with their children) after ``pdf``'s own."""
    if "/Outlines" not in part.Root or "/First" not in part.Root.Outlines:
        return
    copied = pdf.copy_foreign(part.Root.Outlines)
    if "/Outlines" not in pdf.Root or "/First" not in pdf.Root.Outlines:
        pdf.Root.Outlines = copied
        return
    outlines = pdf.Root.Outlines
    item = copied.First
    while True:
        item.Parent = outlines
        if "/Next" not in item:
            break
        item = item.Next
    copied.First.Prev = outlines.Last
    outlines.Last.Next = copied.First
    outlines.Last = copied.Last
    outlines.Count = int(outlines.get("/Count", 0)) + int(copied.get("/Count", 0))


def _append_structure(pdf: pikepdf.Pdf, part: pikepdf.Pdf, first_page: int, offset: int) -> int:
    """Put ``part``'s structure elements under ``pdf``'s document element and its parent-tree entries
    after ``pdf``'s, their keys moved by ``offset`` (as are the keys of its pages, from ``first_page``
    in ``pdf``, and of their annotations). Returns the next free key."""
    if "/StructTreeRoot" not in part.Root:
        return offset
    copied = pdf.copy_foreign(part.Root.StructTreeRoot)
    document = pdf.Root.StructTreeRoot.K[0]
    for element in copied.K:
        for child in element.K:
            child.P = document
            document.K.append(child)
    nums = copied.ParentTree.Nums
    merged = pdf.Root.StructTreeRoot.ParentTree.Nums
    following = offset
    for position in range(0, len(nums), 2):
        merged.extend([int(nums[position]) + offset, nums[position + 1]])
        following = max(following, int(nums[position]) + offset + 1)
    for page in pdf.pages[first_page:first_page + len(part.pages)]:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get("/Annots", []):
            if "/StructParent" in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset
    return following


def merge(parts: Sequence[bytes], target: Path, *, page_labels: Sequence[tuple[int, dict]], variant: str) -> None:
    """Write the tagged PDFs ``parts`` (WeasyPrint, same ``variant``), in order, as one PDF at ``target``
    with ``page_labels`` ((0-based page index, label dictionary) pairs); links whose URI starts with
    :data:`XREF_PREFIX` become links to the named destination after it."""
    pdfs = [pikepdf.open(io.BytesIO(data)) for data in parts]
    pdf = pdfs[0]
    names = {}
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums if "/StructTreeRoot" in pdf.Root else pikepdf.Array()
    key = max((int(nums[position]) + 1 for position in range(0, len(nums), 2)), default=0)
    for index, part in enumerate(pdfs):
        if index:
            first_page = len(pdf.pages)
            pdf.pages.extend(part.pages)
            _append_outlines(pdf, part)
            key = _append_structure(pdf, part, first_page, key)
        dests = part.Root.get("/Names", {}).get("/Dests")
        if dests is not None:
            array = dests.Names
            for position in range(0, len(array), 2):
                value = array[position + 1]
                names[str(array[position])] = _copied(pdf, value) if index else value
    merged = pikepdf.Array()
    for name in sorted(names):
        merged.extend([pikepdf.String(name), names[name]])
    if names:
        pdf.Root.Names.Dests = pikepdf.Dictionary(Names=merged)
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(XREF_PREFIX):
                anchor = pikepdf.String(uri.removeprefix(XREF_PREFIX))
                del annotation["/A"]
                annotation.Dest = anchor
                if "/Contents" in annotation:  # WeasyPrint's tagged links name their target here
                    annotation.Contents = anchor
    if "/StructTreeRoot" in pdf.Root:
        pdf.Root.StructTreeRoot.ParentTreeNextKey = key
    numbers = pikepdf.Array()
    for index, label in page_labels:
        numbers.extend([index, _label(label)])
    pdf.Root.PageLabels = pikepdf.Dictionary(Nums=numbers)
    target.parent.mkdir(parents=True, exist_ok=True)
    pdf.save(target, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    for part in pdfs:
        part.close()
