"""The structure tree of a PDF merged from tagged parts (:mod:`masterplan.pdf.merge`): one
StructTreeRoot, one Document element holding every part's top-level elements in order, one ParentTree.

What WeasyPrint 70 writes per part (``weasyprint/pdf/tags.py``): a StructTreeRoot whose only kid is a
Document element; a ParentTree number tree with key ``n`` for page ``n`` (an array of the elements
holding the page's marked content, by MCID) and keys from the page count on for link annotations (their
Link element); ``/StructParents`` on every page and ``/StructParent`` on every link annotation; table
header cells with an ``/ID`` made of an object number, so two parts can hold the same ID. MCIDs count
per page and stay as they are.
"""

from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree, Pdf, String

# Structure-root dictionaries of names that are merged key by key (ISO 32000-1, 14.7.2 and 14.8.4).
NAME_MAPS = ("/RoleMap", "/ClassMap")


def copy(merged: Pdf, source: Pdf, value: pikepdf.Object) -> pikepdf.Object:
    """``value`` of ``source`` copied into ``merged``. pikepdf copies indirect objects only; a direct
    one is made indirect in ``source`` first. Copies share one map per source (QPDF's object copier):
    a reference to an object copied before (a page, a structure element) lands on that copy."""
    return merged.copy_foreign(value if value.is_indirect else source.make_indirect(value))


def _rename_ids(source: Pdf, prefix: str) -> dict[str, pikepdf.Object]:
    """Prefix every structure element ID of ``source`` and every table cell's ``/Headers`` reference to
    one with ``prefix``, so that IDs stay unique in the merged tree (ISO 32000-1, 14.7.2: an ID is
    unique in the document; WeasyPrint makes them from object numbers, which repeat across parts).
    Returns the new IDs and their (source) elements."""
    found: dict[str, pikepdf.Object] = {}
    for element in source.objects:
        if not isinstance(element, Dictionary) or element.get("/Type") != "/StructElem":
            continue
        if "/ID" in element:
            element.ID = String(prefix + str(element.ID))
            found[str(element.ID)] = element
        attributes = element.get("/A")
        for attribute in attributes if isinstance(attributes, Array) else [attributes]:
            if isinstance(attribute, Dictionary) and "/Headers" in attribute:
                attribute.Headers = Array([String(prefix + str(header)) for header in attribute.Headers])
    return found


class Structure:
    """The merged structure tree, built part by part with :meth:`add` and written by :meth:`finish`."""

    def __init__(self, merged: Pdf) -> None:
        self.merged = merged
        self.root = merged.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.document: pikepdf.Object | None = None
        self.parents = NumberTree.new(merged)
        self.next_key = 0  # the first ParentTree key of the next part
        self.ids: dict[str, pikepdf.Object] = {}
        self.name_maps: dict[str, Dictionary] = {}

    def add(self, source: Pdf, pages: list[pikepdf.Page], index: int) -> None:
        """Add the structure of ``source`` (part number ``index``, from 0) whose pages were copied into
        the merged PDF as ``pages``. Call it after copying the pages, so that the elements' ``/Pg`` land
        on the copies. Raises ``ValueError`` when the part's ParentTree lacks a key that one of its pages
        or annotations names, or when a RoleMap or ClassMap entry differs from another part's."""
        source_root = source.Root.StructTreeRoot
        documents = source_root.K if isinstance(source_root.K, Array) else Array([source_root.K])
        ids = _rename_ids(source, f"b{index + 1}-")
        for document in documents:
            del document.P  # copying the element must not pull the part's root and ParentTree along
        self._add_kids([copy(self.merged, source, document) for document in documents])
        if index == 0 and "/Namespaces" in source_root:  # PDF 2.0: the Document element's /NS
            self.root.Namespaces = copy(self.merged, source, source_root.Namespaces)
        self.ids.update({name: copy(self.merged, source, element) for name, element in ids.items()})
        self._add_name_maps(source, source_root)
        self._add_parent_tree(source, source_root, pages, index)

    def _add_kids(self, documents: list[pikepdf.Object]) -> None:
        """Put the kids of the part's Document elements under the merged Document element; the first
        part's (only) Document element becomes the merged one, keeping its attributes (PDF 2.0 /NS)."""
        if self.document is None and len(documents) == 1:
            self.document = documents[0]
            self.document.P = self.root
            return
        if self.document is None:
            self.document = self.merged.make_indirect(
                Dictionary(Type=Name.StructElem, S=Name.Document, K=Array(), P=self.root))
        for document in documents:
            kids = document.K if isinstance(document.K, Array) else Array([document.K])
            for kid in kids:
                if isinstance(kid, Dictionary):
                    kid.P = self.document
                self.document.K.append(kid)

    def _add_name_maps(self, source: Pdf, source_root: pikepdf.Object) -> None:
        for key in NAME_MAPS:
            if key not in source_root:
                continue
            entries = self.name_maps.setdefault(key, Dictionary())
            for name, value in copy(self.merged, source, source_root[key]).items():
                if name in entries and repr(entries[name]) != repr(value):
                    raise ValueError(f"{key[1:]} bagian PDF berbeda untuk {name}: {entries[name]!r} dan "
                                     f"{value!r}")
                entries[name] = value

    def _add_parent_tree(self, source: Pdf, source_root: pikepdf.Object, pages: list[pikepdf.Page],
                         index: int) -> None:
        """Copy the part's ParentTree with every key moved by the keys of the parts before it, and move
        the pages' ``/StructParents`` and annotations' ``/StructParent`` by the same amount."""
        offset = self.next_key
        copied = NumberTree(copy(self.merged, source, source_root.ParentTree))
        keys = set()
        for key, value in copied.items():
            self.parents[key + offset] = value
            keys.add(key)
        holders = [page.obj for page in pages]
        holders += [annotation for page in pages for annotation in page.obj.get("/Annots", [])]
        for holder in holders:
            name = "/StructParents" if holder.get("/Type") == "/Page" else "/StructParent"
            if name not in holder:
                continue
            if int(holder[name]) not in keys:
                raise ValueError(f"bagian PDF ke-{index + 1}: {name[1:]} {int(holder[name])} tidak ada di "
                                 "ParentTree")
            holder[name] = int(holder[name]) + offset
        self.next_key = offset + max(int(source_root.get("/ParentTreeNextKey", 0)), max(keys, default=-1) + 1)

    def finish(self) -> None:
        """Write the merged StructTreeRoot into the catalog, with ParentTreeNextKey, the merged
        RoleMap/ClassMap, and an IDTree when any element has an ID (ISO 32000-1, table 322: required
        then; WeasyPrint 70 writes the IDs without it)."""
        self.root.K = Array([self.document])
        self.root.ParentTree = self.parents.obj
        self.root.ParentTreeNextKey = self.next_key
        for key, entries in self.name_maps.items():
            self.root[key] = entries
        if self.ids:
            tree = NameTree.new(self.merged)
            for name in sorted(self.ids):
                tree[name] = self.ids[name]
            self.root.IDTree = tree.obj
        self.merged.Root.StructTreeRoot = self.root
