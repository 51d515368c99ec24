"""The JSON Schema errors of a data file (``data/*.yml``) in Bahasa Indonesia, in the words of the
PROGRAM-SKEMA and PROGRAM-KARAKTER texts of rules.yml: one message per slip, naming the field meant when a
field is misspelt or lost its indentation (:mod:`masterplan.model.yaml_schema` validates and places them).
"""

from __future__ import annotations


from masterplan.model import rule_texts
from masterplan.model.code_guess import misspelt_fields
from masterplan.model.moved_fields import entry_field_moved, lost_indentation
from masterplan.model.yaml_messages import CURLY, INVISIBLE, curly_quotes

# Word's pastes (yaml_messages: rules.yml's one list), named as the chapter checks name them; a tab breaks YAML.
WORD_PASTE = {**INVISIBLE, **{quote: f"tanda kutip lengkung {quote}" for quote in CURLY}, "\t": "tab"}
SCHEMA = "PROGRAM-SKEMA"  # the rule whose texts explain a schema error (the logic files report it as LOGIKA-SKEMA)

TYPE_WORDS = {"integer": "bilangan bulat", "number": "angka", "string": "teks", "array": "daftar [ ... ]",
          "object": "kelompok kolom (kunci: nilai)", "boolean": "true atau false", "null": "kosong"}


def _word_paste(value: object) -> list[str]:
    return [name for char, name in WORD_PASTE.items() if isinstance(value, str) and char in value]


def _typed(key: str) -> str:
    """``key`` as the editor sees it typed: Word's invisible characters and curly quotes left out."""
    return "".join(char for char in key if char not in WORD_PASTE).strip()


def _field(path) -> str:
    names = [str(step) for step in path if not isinstance(step, int)]
    return ".".join(names[1:]) if len(names) > 1 else (names[0] if names else "(berkas)")


def keyword(error) -> str:
    """The schema keyword an error is about; ``propertyNames`` for a key (a code) of the wrong form, whose
    error jsonschema files under the keyword inside it (``pattern``) at the path of the mapping."""
    return "propertyNames" if "propertyNames" in error.schema_path else error.validator


def said_errors(errors: list, data: object) -> list[tuple[str, str, list, str]]:
    """``(rule, message, path, validator keyword)`` of jsonschema's ``errors`` of ``data``, in their order
    (:func:`schema_messages`). A field that lost its indentation is said once, as misplaced, not also as
    missing where it belongs; a moved entry field is placed at its key, as an unknown key is (the value is
    not what is wrong)."""
    moved = {place for error in errors if error.validator == "additionalProperties"
             for found in lost_indentation(error.instance, error.schema).values()
             for place in ((*error.absolute_path, found.parent, found.meant), (*error.absolute_path, found.parent))}
    moved |= {(*list(error.absolute_path)[:-1], found.parent, found.meant) for error in errors
              if (found := entry_field_moved(error, data))}
    said, split = [], set()
    for error in errors:
        mapping = _split_by_quotes(error, data)
        if mapping is None:
            said += [(*message, "additionalProperties" if entry_field_moved(error, data) else keyword(error))
                     for message in schema_messages(error, data, moved)]
        elif mapping not in split:  # one message for the mapping the quotes split, not one per made-up field
            split.add(mapping)
            node = data
            for step in mapping:
                node = node[step]
            quotes = sorted({quote for key, value in node.items() for quote in curly_quotes(key) + curly_quotes(value)})
            # At the value the quotes open: a mapping written over several lines is said where to change it.
            opened = next(key for key, value in node.items() if curly_quotes(key) or _unpaired(value))
            said.append(("PROGRAM-KARAKTER", rule_texts.message("PROGRAM-KARAKTER", "kutip_lengkung_pecah",
                                                                program=_owner(list(mapping), data),
                                                                kolom=_field(list(mapping)), kutip=" ".join(quotes)),
                         [*mapping, opened], "type"))
    return said


def _misspelt(instance: object, schema: dict) -> dict[str, str]:
    """Each unknown key of the mapping ``instance`` -> the field of ``schema`` (an object schema allowing no
    other keys) it most likely misspells (:func:`masterplan.model.code_guess.misspelt_fields`)."""
    if schema.get("additionalProperties") is not False or not isinstance(instance, dict):
        return {}
    return misspelt_fields(instance, schema.get("properties", {}), schema.get("required", ()))


def _yaml_value(value: object) -> str:
    """``value`` as YAML writes it (``true``, not Python's ``True``), quoted when it is text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


def _unquoted(value: object, wanted: str | list) -> str | None:
    """``value`` as it should be written when it is a text that would be right without its quotes
    (``terverifikasi: "false"``, ``tahun: "2027"``), else None."""
    wanted = wanted if isinstance(wanted, list) else [wanted]
    text = value.strip() if isinstance(value, str) else None
    if text is None:
        return None
    if "boolean" in wanted and text.lower() in ("true", "false"):
        return text.lower()
    if {"integer", "number"} & set(wanted) and text.lstrip("-").isdigit():
        return text
    return None


def _types(schema: dict) -> list[str]:
    """The JSON types ``schema`` names in ``type``, as a list."""
    kind = schema.get("type", [])
    return kind if isinstance(kind, list) else [kind]


def _owner(path: list, data) -> str:
    """"Program GOV-01: " before a message about a programme's field, else ""."""
    if len(path) >= 2 and path[0] == "program" and isinstance(path[1], int):
        code = data["program"][path[1]].get("kode") if isinstance(data["program"][path[1]], dict) else None
        return (rule_texts.message(SCHEMA, "program", kode=code) if isinstance(code, str)
                else rule_texts.message(SCHEMA, "program_ke", nomor=path[1] + 1))
    return ""


def _split_by_quotes(error, data) -> tuple | None:
    """The path of the mapping (``{pendek: “Cukup, di atas 2,28”}``) that the error is in, or is, when
    it holds Word's curly quotes in a key, or an unpaired one in a value: YAML does not read them as quotes, so a comma or
    colon inside splits the value into made-up fields, each of them an error of its own."""
    path = list(error.absolute_path)
    for cut in (len(path), len(path) - 1):
        node = data
        for step in path[:max(cut, 0)]:
            node = node[step]
        if cut >= 0 and isinstance(node, dict) and any(curly_quotes(key) or _unpaired(value) for key, value in node.items()):
            return tuple(path[:cut])
    return None


def _unpaired(text: object) -> bool:
    """Whether ``text`` holds an opening curly double quote without its closing one, or the reverse: what is
    left of a value a comma split (the single ones double as apostrophes, as in "Jum’at")."""
    return isinstance(text, str) and text.count("\u201c") + text.count("\u201e") != text.count("\u201d")


def schema_messages(error, data, moved: set[tuple] = frozenset()) -> list[tuple[str, str, list]]:
    """``(rule, message, path)`` for one jsonschema error; ``path`` is where the message points: one for
    most errors, one per unknown key, none for a required field that a misspelt key stands for
    (:func:`_misspelt`) or that ``moved`` holds (``(*path, field)`` of fields written one level too far
    left, :func:`masterplan.model.moved_fields.lost_indentation`). The sentences are the PROGRAM-SKEMA and PROGRAM-KARAKTER texts of
    rules.yml."""
    path = list(error.absolute_path)
    if error.instance is None and tuple(path) in moved:  # a block whose fields all moved left: said at them
        return []
    owner = _owner(path, data)
    field = _field(path)
    value = error.instance
    kind = error.validator
    if kind == "required":
        meant = set(_misspelt(value, error.schema).values())
        names = [name for name in error.validator_value
                 if name not in value and name not in meant and (*path, name) not in moved]
        if not names:
            return []
        missing = ", ".join(map(repr, names))
        if path and field != "(berkas)" and not isinstance(path[-1], int):
            return [(SCHEMA, rule_texts.message(SCHEMA, "wajib_diisi_pada", program=owner, kolom=missing, induk=field),
                     path)]
        return [(SCHEMA, rule_texts.message(SCHEMA, "wajib_diisi", program=owner, kolom=missing), path)]
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        meant = _misspelt(value, error.schema)
        nested = lost_indentation(value, error.schema)

        def said(extra) -> str:
            if isinstance(extra, str) and " " in extra.strip() and value[extra] is None:
                # "{keluaran: Kanal terhubung, SOP ditetapkan}": the text after the comma reads as a field name
                return rule_texts.message(SCHEMA, "koma_tanpa_kutip", program=owner, kolom=extra)
            moved = nested.get(extra)
            if moved and moved.meant != extra and extra not in meant:
                return rule_texts.message(SCHEMA, "indentasi_hilang_mirip", program=owner, kolom=extra,
                                          dugaan=moved.meant, induk=moved.parent)
            if moved and moved.meant == extra and not (moved.by_form and extra in meant):
                return (rule_texts.message(SCHEMA, "indentasi_hilang", program=owner, kolom=extra, induk=moved.parent,
                                           contoh=moved.sample) if moved.sample else
                        rule_texts.message(SCHEMA, "indentasi_hilang_blok", program=owner, kolom=extra, induk=moved.parent))
            if extra in meant:
                return rule_texts.message(SCHEMA, "tidak_dikenal_mirip", program=owner, kolom=extra, dugaan=meant[extra])
            return rule_texts.message(SCHEMA, "tidak_dikenal", program=owner, kolom=repr(extra),
                                      dikenal=", ".join(sorted(known)))
        unknown = sorted((key for key in value if key not in known), key=str)
        return [("PROGRAM-KARAKTER", rule_texts.message("PROGRAM-KARAKTER", "salin_word_kunci", program=owner,
                                                        kolom=_typed(extra), karakter=", ".join(_word_paste(extra))),
                 [*path, extra]) if _word_paste(extra) else (SCHEMA, said(extra), [*path, extra]) for extra in unknown]
    pasted = _word_paste(value)
    if pasted:
        return [("PROGRAM-KARAKTER", rule_texts.message("PROGRAM-KARAKTER", "salin_word", program=owner, kolom=field,
                                                   karakter=", ".join(pasted)), path)]
    shown = _yaml_value(value)
    entry = entry_field_moved(error, data)
    if entry:
        return [(SCHEMA, rule_texts.message(SCHEMA, "indentasi_hilang", program=owner, kolom=entry.meant,
                                            induk=entry.parent, contoh=entry.sample) if entry.sample else
                 rule_texts.message(SCHEMA, "indentasi_hilang_blok", program=owner, kolom=entry.meant,
                                    induk=entry.parent), path)]
    if keyword(error) == "propertyNames":  # the value is a key: point at it, name it as a code
        message = rule_texts.message(SCHEMA, "kode_format", program=owner, kode=value)
        path = [*path, value]
    elif value is None:  # "nilai None" would be Python's word for an empty field
        message = rule_texts.message(SCHEMA, "kosong", program=owner, kolom=field)
    elif kind == "type" and _unquoted(value, error.validator_value) is not None:
        message = rule_texts.message(SCHEMA, "berkutip", program=owner, nilai=shown, kolom=path[-1] if path else field,
                                     tanpa=_unquoted(value, error.validator_value))
    elif kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        message = rule_texts.message(SCHEMA, "jenis", program=owner, nilai=shown, kolom=field,
                                jenis=" atau ".join(TYPE_WORDS.get(w, w) for w in wanted))
    elif kind == "enum":
        message = rule_texts.message(SCHEMA, "pilihan", program=owner, nilai=shown, kolom=field,
                                pilihan=", ".join(str(v) for v in error.validator_value))
    elif kind in ("minimum", "maximum"):
        message = rule_texts.message(SCHEMA, "paling_kecil" if kind == "minimum" else "paling_besar", program=owner,
                                nilai=shown, kolom=field, batas=error.validator_value)
    elif kind in ("minLength", "minItems", "minProperties"):
        message = rule_texts.message(SCHEMA, "kosong", program=owner, kolom=field)
    elif kind == "uniqueItems":
        message = rule_texts.message(SCHEMA, "ganda", program=owner, kolom=field)
    elif kind == "anyOf" and _unquoted(value, [kind for alternative in error.validator_value if isinstance(alternative, dict)
                                                for kind in _types(alternative)]) is not None:
        message = rule_texts.message(SCHEMA, "berkutip", program=owner, nilai=shown, kolom=path[-1] if path else field,
                                     tanpa=value.strip())
    elif kind in ("pattern", "anyOf"):
        message = rule_texts.message(SCHEMA, "format" if kind == "pattern" else "tidak_sesuai", program=owner, nilai=shown,
                                kolom=field)
    else:
        message = rule_texts.message(SCHEMA, "aturan_lain", program=owner, kolom=field, aturan=kind)
    # An empty field needs filling, not the shared text definition's advice on Word characters.
    empty = value is None or kind in ("minLength", "minItems", "minProperties")
    hint = "" if empty else error.schema.get("description", "")
    return [(SCHEMA, message + (rule_texts.message(SCHEMA, "isi_yang_benar", keterangan=hint) if hint else ""), path)]
