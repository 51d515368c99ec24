"""Front matter: valid YAML, the fields each kind of page needs, allowed values, no unknown keys.

Fields, kinds of page and allowed values are declared in rules.yml (``front_matter``, ``jenis_halaman``);
the ``opd`` codes are the keys of data/opd.yml.
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Iterator
from typing import TYPE_CHECKING

from masterplan.model.documents import normalize_heading, starts_with_front_matter
from masterplan.model import yaml_messages
from masterplan.model.problems import Problem

if TYPE_CHECKING:
    from . import Context, Page

_EXAMPLE = "---\ntitle: ...\nopd: ...\nstatus: draf\ntahap: 2\n---"


def _codes_named(value: str, names: dict[str, tuple[str, ...]]) -> list[str]:
    """The codes whose name or abbreviation the editor wrote instead of the code (``Bappeda Bangli`` ->
    ``bappeda``): a name contained in ``value``, or ``value`` contained in a name."""
    wanted = value.casefold().strip()
    if len(wanted) < 3:
        return []
    return [code for code, labels in names.items()
            if any(label.casefold() in wanted or wanted in label.casefold() for label in labels)]


def _value_error(name: str, value, spec: dict, context: Context) -> str | None:
    """Why ``value`` is not allowed for field ``name`` (Bahasa Indonesia), or None when it is."""
    kind = spec.get("jenis")
    if "pilihan" in spec and value not in spec["pilihan"]:
        return f"harus salah satu dari: {', '.join(map(str, spec['pilihan']))}"
    if "kode_dari" in spec and str(value) not in context.rules.codes[name]:
        named = _codes_named(str(value), context.rules.code_names.get(name, {}))
        if named:
            return (f"harus kode, bukan nama; tulis {name}: {named[0]}"
                    + (f" (atau {', '.join(named[1:])})" if len(named) > 1 else "")
                    + f", kode yang ada di {spec['kode_dari']}")
        close = difflib.get_close_matches(str(value), context.rules.codes[name], n=3)
        hint = f" (mungkin maksudnya: {', '.join(close)})" if close else ""
        return f"harus kode yang ada di {spec['kode_dari']}{hint}"
    if kind == "bilangan" and isinstance(value, str) and value.strip().isdigit():
        return f"bilangan ditulis di antara tanda kutip; hapus tanda kutipnya: {name}: {value.strip()}"
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


_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*))?$")
_RULE = ('Tiap baris front matter berbentuk "nama: nilai" (titik dua lalu satu spasi), mulai dari kolom '
         "pertama, tanpa tab.")


def _line_problem(text: str) -> str | None:
    """What is wrong with one front-matter line, in Bahasa Indonesia, or None when it looks right."""
    if not text.strip() or text.lstrip().startswith("#"):
        return None
    if text[:1] in (" ", "\t"):
        return "Baris ini diawali spasi atau tab. Hapus spasi/tab di awal baris."
    if "\t" in text:
        return "Baris ini memuat tab. Ganti tab dengan satu spasi biasa."
    match = _KEY_LINE.match(text)
    if not match:
        first, _, rest = text.strip().partition(" ")
        example = f"{first}: {rest}".strip() if rest else f"{first}: ..."
        return f'Baris ini tidak punya titik dua sesudah nama kolom. Tulis "{example}".'
    value = (match.group("value") or "").strip()
    if value[:1] in ('"', "'") and (len(value) < 2 or value[-1] != value[0]):
        return f"Tanda kutip {value[0]} di baris ini dibuka tetapi tidak ditutup. Tambahkan {value[0]} di akhir nilai."
    if ": " in value and value[:1] not in ('"', "'"):
        return (f'Nilai di baris ini memuat titik dua. Apit nilainya dengan tanda kutip lurus: '
                f'{match.group("key")}: "{value}".')
    return None


def _yaml_problems(document) -> list[tuple[int, str]]:
    """``(line, message)`` for each mistake of a front matter that YAML cannot read, at the line where
    the mistake is (not where YAML noticed it) and without the parser's English."""
    lines = document.lines
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if closing is None:
        # The front matter ends at the first line that cannot belong to it: that is where "---" is missing.
        end = next((i for i in range(1, len(lines)) if not lines[i].strip() or lines[i].startswith("#")
                    or not (_KEY_LINE.match(lines[i]) or lines[i][:1] in (" ", "-"))), len(lines) - 1)
        return [(end + 1, 'Front matter yang dibuka dengan "---" di baris 1 tidak ditutup. Tambahkan satu baris '
                          f'"---" sendirian tepat sebelum baris ini (baris {end + 1}), sesudah kolom terakhir.')]
    found = [(index + 1, f"Front matter tidak dapat dibaca. {problem}") for index in range(1, closing)
             if (problem := _line_problem(lines[index]))]
    return found or [(document.meta_error[0], f"Front matter tidak dapat dibaca di sekitar baris ini: "
                      f"{yaml_messages.explain(document.meta_error[1])}. {_RULE}")]


def check(page: Page, context: Context) -> Iterator[Problem]:
    """FRONT-MATTER-YAML, FRONT-MATTER-WAJIB, FRONT-MATTER-NILAI and FRONT-MATTER-TAKDIKENAL."""
    document = page.document
    if document.meta_error:
        for line, message in _yaml_problems(document):
            yield context.problem(page, line, 1, "FRONT-MATTER-YAML", message)
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
            written = document.lines[line - 1].strip() if 0 < line <= len(document.lines) else ""
            written = written if written.startswith(f"{name}:") else f"{name}: {value}"
            yield context.problem(page, line, 1, "FRONT-MATTER-NILAI",
                                  f'Nilai "{written}" tidak sah: {reason}.')
    title = document.meta.get("title")
    h1 = [h for h in document.headings if h.level == 1]
    if isinstance(title, str) and len(h1) == 1 and normalize_heading(title) != normalize_heading(h1[0].text):
        yield context.problem(page, document.meta_lines.get("title", 2), 1, "FRONT-MATTER-NILAI",
                              f'"title: {title}" harus sama dengan judul utama "# {h1[0].text}" (baris '
                              f"{h1[0].line}). Samakan keduanya.")
