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
from masterplan.model import code_guess, yaml_messages
from masterplan.model.problems import Problem
from masterplan.model.rules import CODE, message

if TYPE_CHECKING:
    from . import Context, Page


def _value_error(name: str, value, spec: dict, context: Context) -> str | None:
    """Why ``value`` is not allowed for field ``name`` (the reason of FRONT-MATTER-NILAI's ``tidak_sah``), or
    None when it is."""
    rule = "FRONT-MATTER-NILAI"
    kind = spec.get("jenis")
    pasted = ", ".join(yaml_messages.invisible_names(value)) if isinstance(value, str) else ""
    if pasted:  # "opd: \u00a0bappeda" is a code with an invisible character, not a name
        return message(rule, "karakter_word", karakter=pasted)
    if "pilihan" in spec and value not in spec["pilihan"]:
        return message(rule, "harus_pilihan", pilihan=", ".join(map(str, spec["pilihan"])))
    # Without codes (their data file is unreadable: Rules.problems says so once) no value is judged.
    if "kode_dari" in spec and name in context.rules.codes and str(value) not in context.rules.codes[name]:
        names = context.rules.code_names.get(name, {})
        named = code_guess.codes_named(str(value), names)
        # A value written like a code is a code that is gone (renamed in the data file), not a name.
        if named and not CODE.fullmatch(str(value)):
            others = message(rule, "kode_lain", kode=", ".join(named[1:])) if len(named) > 1 else ""
            return message(rule, "harus_kode_bukan_nama", kolom=name, kode=named[0], lain=others,
                           berkas=spec["kode_dari"])
        close = code_guess.closest_codes(str(value), context.rules.codes[name], names)
        hint = message(rule, "dugaan_kode", kode=", ".join(close)) if close else ""
        return message(rule, "harus_kode", berkas=spec["kode_dari"], dugaan=hint)
    if kind == "bilangan" and isinstance(value, str) and value.strip().isdigit():
        return message(rule, "bilangan_berkutip", kolom=name, nilai=value.strip())
    if kind == "teks" and (not isinstance(value, str) or not value.strip()):
        return message(rule, "harus_teks")
    if kind == "bilangan":
        if not isinstance(value, int) or isinstance(value, bool) or \
                not spec.get("min", value) <= value <= spec.get("maks", value):
            return message(rule, "harus_bilangan", min=spec.get("min", ""), maks=spec.get("maks", ""))
    if kind == "huruf" and not (isinstance(value, str) and len(value) == 1
                                and value in string.ascii_uppercase):
        return message(rule, "harus_huruf")
    if kind == "ya_tidak" and not isinstance(value, bool):
        return message(rule, "harus_ya_tidak")
    return None


_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*))?$")
_YAML = "FRONT-MATTER-YAML"


def _line_problem(text: str) -> str | None:
    """What is wrong with one front-matter line (a ``baris_*`` text of FRONT-MATTER-YAML), or None when it
    looks right."""
    if not text.strip() or text.lstrip().startswith("#"):
        return None
    if text[:1] in (" ", "\t"):
        return message(_YAML, "baris_diawali_spasi")
    if "\t" in text:
        return message(_YAML, "baris_memuat_tab")
    pasted = ", ".join(yaml_messages.invisible_names(text))  # curly quotes alone are KUTIP-MIRING's
    if pasted:  # "opd:\u00a0bappeda" has no space after its colon for YAML: the character is the mistake
        return message(_YAML, "baris_karakter_word", karakter=pasted)
    quotes = yaml_messages.curly_quotes(text)
    if quotes and text.count(":") > 1:  # 'title: “Bab: Pendahuluan”': Word's quotes are no quotes to YAML
        return message(_YAML, "baris_salah", penjelasan=message(yaml_messages.RULE, "kutip_lengkung", kutip=" ".join(quotes)))
    unspaced = yaml_messages.missing_space(text)  # worded as in the data files: one place for the advice
    if unspaced:
        return message(_YAML, "baris_salah", penjelasan=unspaced[1])
    match = _KEY_LINE.match(text)
    if not match:
        first, _, rest = text.strip().partition(" ")
        example = f"{first}: {rest}".strip() if rest else f"{first}: ..."
        return message(_YAML, "baris_tanpa_titik_dua", contoh=example)
    value = (match.group("value") or "").strip()
    if value[:1] in ('"', "'") and (len(value) < 2 or value[-1] != value[0]):
        return message(_YAML, "baris_kutip_terbuka", kutip=value[0])
    if ": " in value and value[:1] not in ('"', "'"):
        return message(_YAML, "baris_nilai_titik_dua", kolom=match.group("key"), nilai=value)
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
        return [(end + 1, message(_YAML, "tidak_ditutup", baris=end + 1))]
    found = [(index + 1, message(_YAML, "tidak_terbaca", masalah=problem)) for index in range(1, closing)
             if (problem := _line_problem(lines[index]))]
    return found or [(document.meta_error[0], message(_YAML, "sekitar_baris",
                                                      penjelasan=yaml_messages.explain(document.meta_error[1])))]


def check(page: Page, context: Context) -> Iterator[Problem]:
    """FRONT-MATTER-YAML, FRONT-MATTER-WAJIB, FRONT-MATTER-NILAI and FRONT-MATTER-TAKDIKENAL."""
    document = page.document
    if document.meta_error:
        for line, text in _yaml_problems(document):
            yield context.problem(page, line, 1, _YAML, text)
        return
    fields = context.rules.fields
    kind = context.rules.kind_of(page.name)
    required = kind.required if kind else ()
    allowed = set(kind.required + kind.optional) if kind else set(fields)
    unknown = "FRONT-MATTER-TAKDIKENAL"
    kind_name = kind.name if kind else message(unknown, "halaman_lain")
    if not starts_with_front_matter(document.text):
        yield context.problem(page, 1, 0, "FRONT-MATTER-WAJIB", message(
            "FRONT-MATTER-WAJIB", "tanpa_front_matter", kolom=", ".join(required) or "title"))
        return
    closing = document.body_line - 1
    # A misspelt required field ("odp:") is said once, as the unknown field that stands for it.
    aliases = {alias: name for name in allowed for alias in fields[name].get("nama_lain", ())}
    meant = code_guess.misspelt_fields([name for name in document.meta if name not in fields], allowed, required, aliases)
    for name in required:
        if name not in document.meta and name not in meant.values():
            yield context.problem(page, closing, 0, "FRONT-MATTER-WAJIB", message(
                "FRONT-MATTER-WAJIB", "tanpa_kolom", kolom=name, keterangan=fields[name]["keterangan"],
                jenis=kind_name))
    for name, value in document.meta.items():
        line = document.meta_lines.get(str(name), 2)
        if name not in allowed:
            if name in fields:
                text = message(unknown, "tidak_dipakai", kolom=name, jenis=kind_name)
            else:
                close = [meant[name]] if name in meant else difflib.get_close_matches(str(name), list(allowed), n=1)
                guess = message(unknown, "dugaan", kolom=close[0]) if close else ""
                text = message(unknown, "tidak_dikenal", kolom=name, dugaan=guess, jenis=kind_name,
                               daftar=", ".join(sorted(allowed)))
            yield context.problem(page, line, 1, unknown, text)
            continue
        reason = _value_error(name, value, fields[name], context)
        if reason:
            written = document.lines[line - 1].strip() if 0 < line <= len(document.lines) else ""
            written = written if written.startswith(f"{name}:") else f"{name}: {value}"
            yield context.problem(page, line, 1, "FRONT-MATTER-NILAI",
                                  message("FRONT-MATTER-NILAI", "tidak_sah", tertulis=written, alasan=reason))
    title = document.meta.get("title")
    h1 = [h for h in document.headings if h.level == 1]
    if isinstance(title, str) and len(h1) == 1 and normalize_heading(title) != normalize_heading(h1[0].text):
        yield context.problem(page, document.meta_lines.get("title", 2), 1, "FRONT-MATTER-NILAI",
                              message("FRONT-MATTER-NILAI", "judul_beda", nilai=title, judul=h1[0].text,
                                      baris=h1[0].line))
