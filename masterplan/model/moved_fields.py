"""Where a field of a data file belongs when the web editor lost its indentation: a field of a block
(``sasaran:`` out from under ``indikator:``), a whole block, a misspelt field that also moved, an entry's
field at the column of the codes, the last entry of a mapping of codes. Read from the data and its schema
alone; :mod:`masterplan.model.schema_messages` says it in Bahasa Indonesia."""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple


class Moved(NamedTuple):
    """A key written one level too far left: it belongs under ``parent`` (``sample`` is a field written
    there, or None when the whole block moved and ``parent`` was left empty), as the field ``meant``
    (itself, or the field a misspelling stands for)."""

    parent: str
    sample: str | None
    meant: str
    by_form: bool = False  # an entry of a mapping of codes (elemen:), known by its form only


def lost_indentation(instance: object, schema: dict) -> dict[object, Moved]:
    """Each unknown key of the mapping ``instance`` that belongs under one of its mapping-valued fields ->
    its :class:`Moved`: ``sasaran:`` that lost its spaces under ``indikator:``, a whole ``biaya:`` block
    moved left (``biaya:`` then empty), or a misspelt ``operasi_pemelihara:`` that also moved left (the
    closest field the block lacks). Such a key is read as a field of the programme and is only unknown
    there."""
    if not isinstance(instance, dict):
        return {}
    known = schema.get("properties", {})
    blocks = {parent: (sub["properties"], instance[parent]) for parent, sub in known.items()
              if isinstance(sub, dict) and isinstance(sub.get("properties"), dict) and parent in instance
              and (instance[parent] is None or isinstance(instance[parent], dict))}
    found = {}
    for extra in (key for key in instance if key not in known and isinstance(key, str)):
        for parent, (fields, inner) in blocks.items():
            written = [name for name in inner or () if name in fields]
            lacking = [name for name in fields if name not in (inner or {}) and name not in instance]
            meant = extra if extra in fields else next(iter(difflib.get_close_matches(extra, lacking, n=1, cutoff=0.8)), None)
            if meant:
                found[extra] = Moved(parent, written[0] if written else None, meant)
                break
        else:
            coded = next((parent for parent in _code_maps(instance, known, extra)), None)
            if coded:
                found[extra] = Moved(coded, next(iter(instance[coded])), extra, by_form=True)
    return found


def _code_maps(instance: dict, known: dict, extra: str) -> list[str]:
    """The fields of ``instance`` holding a mapping of codes (``elemen:`` of a dimension: keys of the form
    its ``propertyNames`` gives, each with a text) that ``extra`` and its text would fit as one more entry,
    like the entries written there: the last entry of such a block, moved left, reads as an unknown field
    of the dimension."""
    fits, keys = [], list(instance)
    for parent, sub in known.items():
        form = sub.get("propertyNames", {}).get("pattern") if isinstance(sub, dict) else None
        entries = instance.get(parent)
        # Right after the block, as its moved last entries are (a new field of the dimension seldom is).
        after = parent in keys and all(key not in known for key in keys[keys.index(parent) + 1:keys.index(extra)])
        if form and isinstance(entries, dict) and entries and after and keys.index(extra) > keys.index(parent) \
                and re.search(form, extra) and isinstance(instance[extra], str) \
                and all(isinstance(text, str) for text in entries.values()):
            fits.append(parent)
    return fits


def entry_field_moved(error, data) -> Moved | None:
    """The :class:`Moved` of a field of an entry (``terverifikasi:`` of an office in data/opd.yml) written at
    the column of the entries' codes: it reads as an entry of its own, whose value is no mapping. It belongs
    under the entry written just before it."""
    path = list(error.absolute_path)
    if error.validator != "type" or not path or not isinstance(path[-1], str) \
            or path[-1] not in error.schema.get("properties", {}):
        return None
    owner = data
    for step in path[:-1]:
        owner = owner[step]
    keys = list(owner) if isinstance(owner, dict) else []
    before = keys[keys.index(path[-1]) - 1] if path[-1] in keys and keys.index(path[-1]) > 0 else None
    if before is None or not isinstance(owner[before], dict):
        return None
    sample = next((name for name in owner[before] if name in error.schema["properties"]), None)
    return Moved(str(before), sample, path[-1])
