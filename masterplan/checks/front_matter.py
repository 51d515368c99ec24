"""Front matter: valid YAML, the fields each kind of page needs, allowed values, no unknown keys.

Fields, kinds of page and allowed values are declared in rules.yml (``front_matter``, ``jenis_halaman``);
the ``opd`` codes are the keys of data/opd.yml.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterator
from typing import TYPE_CHECKING

from masterplan.model.documents import normalize_heading, starts_with_front_matter
from masterplan.model.problems import Problem

if TYPE_CHECKING:
    from . import Context, Page

_EXAMPLE = "---\ntitle: ...\nopd: ...\nstatus: draf\ntahap: 2\n---"


def _value_error(name: str, value, spec: dict, context: Context) -> str | None:
    """Why ``value`` is not allowed for field ``name`` (Bahasa Indonesia), or None when it is."""
    kind = spec.get("jenis")
    if "pilihan" in spec and value not in spec["pilihan"]:
        return f"harus salah satu dari: {', '.join(map(str, spec['pilihan']))}"
    if "kode_dari" in spec and str(value) not in context.rules.codes[name]:
        close = difflib.get_close_matches(str(value), context.rules.codes[name], n=3)
        hint = f" (mungkin maksudnya: {', '.join(close)})" if close else ""
        return f"harus kode yang ada di {spec['kode_dari']}{hint}"
    if kind == "teks" and (not isinstance(value, str) or not value.strip()):
        return "harus berisi teks"
    if kind == "bilangan":
        if not isinstance(value, int) or isinstance(value, bool) or \
                not spec.get("min", value) <= value <= spec.get("maks", value):
            return f"harus bilangan bulat {spec.get('min', '')}–{spec.get('maks', '')} tanpa tanda kutip"
    if kind == "huruf" and not (isinstance(value, str) and len(value) == 1
                                and value in string.ascii_uppercase):
        return "harus satu huruf kapital (A, B, C, ...)"
    if kind == "ya_tidak" and not isinstance(value, bool):
        return "harus true atau false"
    return None


def check(page: Page, context: Context) -> Iterator[Problem]:
    """FRONT-MATTER-YAML, FRONT-MATTER-WAJIB, FRONT-MATTER-NILAI and FRONT-MATTER-TAKDIKENAL."""
    document = page.document
    if document.meta_error:
        line, detail = document.meta_error
        yield context.problem(page, line, 0, "FRONT-MATTER-YAML",
                              f"Front matter (di antara dua baris ---) tidak dapat dibaca di sekitar baris "
                              f"ini (keterangan teknis: {detail}). Tiap baris harus berbentuk "
                              '"nama: nilai" dengan titik dua dan satu spasi, tanpa tab; nilai yang memuat '
                              'titik dua diapit tanda kutip; front matter ditutup dengan baris "---".')
        return
    fields = context.rules.fields
    kind = context.rules.kind_of(page.name)
    required = kind.required if kind else ()
    allowed = set(kind.required + kind.optional) if kind else set(fields)
    kind_name = kind.name if kind else "halaman ini"
    if not starts_with_front_matter(document.text):
        yield context.problem(page, 1, 0, "FRONT-MATTER-WAJIB",
                              "Berkas ini tidak diawali front matter. Tambahkan di baris pertama blok "
                              f"seperti: {_EXAMPLE.replace(chr(10), ' | ')} (isi kolom: "
                              f"{', '.join(required) or 'title'}).")
        return
    closing = document.body_line - 1
    for name in required:
        if name not in document.meta:
            yield context.problem(page, closing, 0, "FRONT-MATTER-WAJIB",
                                  f'Kolom front matter "{name}" ({fields[name]["keterangan"]}) wajib untuk '
                                  f'{kind_name}. Tambahkan baris "{name}: ..." sebelum baris "---" ini.')
    for name, value in document.meta.items():
        line = document.meta_lines.get(str(name), 2)
        if name not in allowed:
            if name in fields:
                message = f'Kolom "{name}" tidak dipakai pada {kind_name}. Hapus baris ini.'
            else:
                close = difflib.get_close_matches(str(name), list(allowed), n=1)
                guess = f'Mungkin maksudnya "{close[0]}". ' if close else ""
                message = (f'Kolom front matter "{name}" tidak dikenal. {guess}Kolom yang dipakai pada '
                           f"{kind_name}: {', '.join(sorted(allowed))}. Perbaiki atau hapus baris ini.")
            yield context.problem(page, line, 1, "FRONT-MATTER-TAKDIKENAL", message)
            continue
        reason = _value_error(name, value, fields[name], context)
        if reason:
            yield context.problem(page, line, 1, "FRONT-MATTER-NILAI",
                                  f'Nilai "{name}: {value}" tidak sah: {reason}.')
    title = document.meta.get("title")
    h1 = [h for h in document.headings if h.level == 1]
    if isinstance(title, str) and len(h1) == 1 and normalize_heading(title) != normalize_heading(h1[0].text):
        yield context.problem(page, document.meta_lines.get("title", 2), 1, "FRONT-MATTER-NILAI",
                              f'"title: {title}" harus sama dengan judul utama "# {h1[0].text}" (baris '
                              f"{h1[0].line}). Samakan keduanya.")
