"""JSON Schema verdicts on the plan's data (masterplan/model/yaml_schema.py): the schema with its
``$defs`` references inlined (``inline_refs``, for speed) gives jsonschema's errors unchanged."""

from __future__ import annotations

import copy
import datetime
import functools
import json
import pickle

import pytest
import yaml
from hypothesis import given, settings, strategies as st
from jsonschema import Draft202012Validator

from conftest import ROOT
from masterplan.model.schema_messages import schema_messages
from masterplan.model.yaml_schema import _known_valid, inline_refs, schema_errors


def _load(text: str):
    """``text`` read as the project reads YAML, with libyaml (pure-Python PyYAML took 0.25 s for program.yml)."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


def _broken(data: dict, name: str) -> dict:
    """``data`` with one mistake of each kind an editor makes: a wrong type, an unknown key, a missing key."""
    broken = copy.deepcopy(data)
    items = next(value for value in broken.values() if isinstance(value, list) and value and isinstance(value[0], dict))
    first, second = items[0], items[-1]
    key = next(iter(first))
    first[key] = 12345 if isinstance(first[key], str) else "teks"
    second["kolom_tak_dikenal"] = name
    del second[next(k for k in second if k != "kolom_tak_dikenal")]
    return broken


@pytest.mark.parametrize("name", ["program", "indikator", "swot", "misi", "isu", "horizon", "rpjmd"])
@pytest.mark.parametrize("broken", [False, True])
def test_inlined_references_give_the_same_errors(name, broken):
    schema = json.loads((ROOT / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
    data = _load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
    data = _broken(data, name) if broken else data
    expected = [(*said, error.validator) for error in Draft202012Validator(schema).iter_errors(data)
                for said in schema_messages(error, data)]
    assert schema_errors(data, schema) == expected
    assert bool(expected) == broken


def test_a_recursive_or_qualified_reference_is_kept():
    schema = {"$defs": {"node": {"type": "object", "properties": {"anak": {"$ref": "#/$defs/node"}}},
                        "kode": {"type": "string"}},
              "properties": {"akar": {"$ref": "#/$defs/node"}, "kode": {"$ref": "#/$defs/kode", "minLength": 2}}}
    inlined = inline_refs(schema)
    assert inlined["properties"]["akar"]["properties"]["anak"] == {"$ref": "#/$defs/node"}  # recursion stops
    assert inlined["properties"]["kode"] == {"$ref": "#/$defs/kode", "minLength": 2}  # keywords beside it
    assert [error[2] for error in schema_errors({"akar": {"anak": {"anak": 1}}, "kode": "x"}, schema)] == \
        [["akar", "anak", "anak"], ["kode"]]


def _errors(name: str, old: str, new: str) -> list[tuple[str, str, list, str]]:
    """The schema's verdict on ``data/NAME.yml`` with ``old`` changed to ``new`` as the web editor saves it."""
    text = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")
    assert old in text, old
    schema = json.loads((ROOT / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return schema_errors(_load(text.replace(old, new, 1)), schema)


# (file, text, changed to, path of the one message, words it holds): a misspelt field is one message at its
# own key, naming the field meant, without "'opd_pengampu' wajib diisi" for the same typo.
MISSPELT = [
    ("program", "    opd_pengampu: kominfo", "    opd_pengampuh: kominfo", ["program", 0, "opd_pengampuh"],
     "Program GOV-01: kolom 'opd_pengampuh' tidak dikenal; mungkin maksudnya 'opd_pengampu'"),
    ("program", "      satuan: persen\n", "      satuaan: persen\n", ["program", 0, "indikator", "satuaan"],
     "kolom 'satuaan' tidak dikenal; mungkin maksudnya 'satuan'"),
    ("program", "    isu: [5]", "    isue: [5]", ["program", 0, "isue"], "mungkin maksudnya 'isu'"),  # optional field
    ("opd", "setda-hukum:\n  nama:", "setda-hukum:\n  Nama:", ["setda-hukum", "Nama"], "mungkin maksudnya 'nama'"),
    ("dimensi", "  nama_id: Pencitraan", "  namaid: Pencitraan", ["smart-branding", "namaid"],
     "mungkin maksudnya 'nama_id'"),
    ("isu", "    judul: Penguatan kelembagaan", "    judull: Penguatan kelembagaan", ["isu", 0, "judull"],
     "mungkin maksudnya 'judul'"),
]


@pytest.mark.parametrize("name, old, new, path, words", MISSPELT, ids=[f"{m[0]}:{m[2].strip()}" for m in MISSPELT])
def test_a_misspelt_field_is_one_message_naming_the_field_meant(name, old, new, path, words):
    [(rule, message, where, keyword)] = _errors(name, old, new)
    assert (rule, where, keyword) == ("PROGRAM-SKEMA", path, "additionalProperties") and words in message, message
    assert "wajib diisi" not in message and "kolom yang dikenal" not in message


# (file, text, changed to, path of the one message, the field it belongs under, a field written there): a
# field that lost its spaces in the web editor is said once, at its line, as belonging under the field above
# it; not also as an unknown field of the programme, nor as missing under its own field.
UNINDENTED = [
    ("program", "      target: null\n      sasaran: 1.1b\n", "      target: null\n    sasaran: 1.1b\n",
     ["program", 0, "sasaran"], "indikator", "nama"),
    ("program", '      operasi_pemeliharaan: "perlu dihitung', '    operasi_pemeliharaan: "perlu dihitung',
     ["program", 0, "operasi_pemeliharaan"], "biaya", "perkiraan"),  # required under biaya: not also "wajib"
]


@pytest.mark.parametrize("name, old, new, path, parent, sample", UNINDENTED, ids=[m[2].split()[-2] for m in UNINDENTED])
def test_a_field_that_lost_its_indentation_is_said_to_belong_under_its_field(name, old, new, path, parent, sample):
    [(rule, message, where, keyword)] = _errors(name, old, new)
    assert (rule, where, keyword) == ("PROGRAM-SKEMA", path, "additionalProperties"), message
    assert f"bagian dari '{parent}:'" in message and f"sejajar dengan '{sample}:'" in message, message


# (file, text, changed to, [(rule, path, words)] in order): the same slip in the forms the review found —
# a whole block moved left (its field left empty: not also "tidak boleh kosong"), a moved field that is also
# misspelt, Word's non-breaking spaces as indentation (named, not shown as Python's '\\xa0').
BIAYA = '    biaya:\n      perkiraan: 350000000\n      sumber_dana: [APBD]\n      operasi_pemeliharaan: "perlu'
MOVED_FORMS = [
    ("program", BIAYA, BIAYA.replace("      ", "    "),
     [("PROGRAM-SKEMA", ["program", 0, field], ["bagian dari 'biaya:'", "'biaya:' tertinggal kosong", "2 spasi"])
      for field in ("operasi_pemeliharaan", "perkiraan", "sumber_dana")]),
    ("program", '      operasi_pemeliharaan: "perlu', '    operasi_pemelihara: "perlu',
     [("PROGRAM-SKEMA", ["program", 0, "operasi_pemelihara"], ["mungkin maksudnya 'operasi_pemeliharaan'",
                                                                "di bawah 'biaya:'", "Perbaiki ejaannya"])]),
    ("program", "      target: null\n      sasaran: 1.1b\n", "      target: null\n    \u00a0\u00a0sasaran: 1.1b\n",
     [("PROGRAM-KARAKTER", ["program", 0, "\u00a0\u00a0sasaran"], ["nama kolom 'sasaran' memuat spasi tak-putus",
                                                                   "spasi biasa"])]),


    # An office's field at the column of the offices' codes (data/opd.yml): not "wajib diisi pada 'kominfo'"
    # nor "nilai True … harus berupa kelompok kolom".
    ("opd", "  singkatan: Diskominfosan\n  terverifikasi:", "  singkatan: Diskominfosan\nterverifikasi:",
     [("PROGRAM-SKEMA", ["terverifikasi"], ["bagian dari 'kominfo:'", "sejajar dengan 'nama:'"])]),


    # The last entry of a mapping of codes (a dimension's elemen:) moved left; a misspelt field of the same
    # form keeps its own message.
    ("dimensi", "    kebijakan-publik: Efisiensi", "  kebijakan-publik: Efisiensi",
     [("PROGRAM-SKEMA", ["smart-governance", "kebijakan-publik"], ["bagian dari 'elemen:'",
                                                                   "sejajar dengan 'pelayanan-publik:'"])]),
    ("dimensi", "  nama_id: Pencitraan", "  namaid: Pencitraan",
     [("PROGRAM-SKEMA", ["smart-branding", "namaid"], ["mungkin maksudnya 'nama_id'"])]),
]


@pytest.mark.parametrize("name, old, new, said", MOVED_FORMS,
                         ids=["blok", "salah-ketik", "spasi-word", "opd", "elemen", "elemen-bukan-salah-ketik"])
def test_every_form_of_a_moved_field_is_said_once_at_each_line(name, old, new, said):
    found = _errors(name, old, new)
    assert [(rule, where) for rule, _, where, _ in found] == [(rule, where) for rule, where, _ in said], found
    for (_, message, _, _), (_, _, words) in zip(found, said):
        assert all(word in message for word in words) and "\\x" not in message and "wajib" not in message, message


# Word's curly quotes inside {…}: YAML splits the value at its comma or colon into made-up fields. One
# message for the mapping, naming the quotes, instead of one per made-up field ('nilai di atas 2', '28').
QUOTE_SPLIT = [
    ("indikator", "target: {pendek: null, menengah: 80", "target: {pendek: \u201cCukup, nilai di atas 2,28\u201d, menengah: 80",
     ["indikator", 0, "target", "pendek"], "'target'"),
    ("indikator", "baseline: {status: belum tersedia, opd: dpmptsp}",
     "baseline: {status: \u201cbelum tersedia, lihat: BPS\u201d, opd: dpmptsp}", ["indikator", 0, "baseline", "status"],
     "'baseline'"),
]


@pytest.mark.parametrize("name, old, new, path, field", QUOTE_SPLIT, ids=["koma", "koma-dan-titik-dua"])
def test_curly_quotes_that_split_a_value_are_one_message(name, old, new, path, field):
    [(rule, message, where, _)] = _errors(name, old, new)
    assert (rule, where) == ("PROGRAM-KARAKTER", path), message
    assert f"kolom {field}" in message and "tanda kutip lengkung dari Word" in message and "oneOf" not in message


@pytest.mark.parametrize("name, old, new, words", [
    ("opd", "  terverifikasi: true", '  terverifikasi: "true"', "Hapus tanda kutipnya: terverifikasi: true"),
    ("program", "    tahun_mulai: 2027", '    tahun_mulai: "2027"', "Hapus tanda kutipnya: tahun_mulai: 2027"),
    ("program", "{tahun: 2027, kegiatan: \"Menghubungkan", '{tahun: "2027", kegiatan: "Menghubungkan',
     "Hapus tanda kutipnya: tahun: 2027"),  # one year or a range (anyOf): the year in quotes is still the slip
])
def test_a_quoted_true_or_number_is_told_to_lose_its_quotes(name, old, new, words):
    [(_, message, _, _)] = _errors(name, old, new)
    assert words in message and "harus berupa" not in message, message


def test_text_after_an_unquoted_comma_in_braces_is_told_to_quote_the_value():
    [(_, message, where, _)] = _errors("program", 'keluaran: "Kanal terhubung; SOP yang disesuaikan ditetapkan"',
                                       "keluaran: Kanal terhubung, SOP ditetapkan")
    assert where[-1] == "SOP ditetapkan" and "koma tanpa tanda kutip" in message and "Periksa ejaannya" not in message


def test_a_value_is_shown_as_yaml_writes_it():
    [(_, message, _, _)] = _errors("program", "    nama: Integrasi Layanan", "    nama: true #")
    assert "nilai true pada kolom 'nama'" in message and "True" not in message, message


# Unknown fields unlike any missing one keep both messages: an unknown field and a missing one are two mistakes.
NOT_MISSPELT = [
    ("program", "    status: usulan\n", "    catatan: usulan\n", ["'catatan' tidak dikenal", "kolom yang dikenal"],
     ["'status' wajib diisi"]),
    ("program", "    isu: [5]\n", "    isu: [5]\n    keterangan: tambahan\n", ["'keterangan' tidak dikenal"], []),
]


@pytest.mark.parametrize("name, old, new, unknown, required", NOT_MISSPELT, ids=[m[2].strip() for m in NOT_MISSPELT])
def test_an_unknown_field_unlike_a_missing_one_keeps_both_messages(name, old, new, unknown, required):
    said = " | ".join(message for _, message, _, _ in _errors(name, old, new))
    assert all(words in said for words in unknown + required) and "mungkin maksudnya" not in said, said


@pytest.mark.parametrize("name", ["program", "opd", "dimensi", "isu", "misi"])
def test_the_data_as_it_is_passes(name):
    assert _errors(name, "\n", "\n") == []


# (file, text, changed to, the example the message must give, examples of other kinds it must not): a code
# of the wrong form is shown codes of its own kind, not a dimension as an example of an office code.
WRONG_FORM = [
    ("program", "    opd_pengampu: kominfo", "    opd_pengampu: Kominfo", "data/opd.yml, mis. kominfo", ["smart-governance"]),
    ("program", "    dimensi: smart-governance", "    dimensi: Smart Governance", "data/dimensi.yml, mis. smart-governance",
     ["kominfo"]),
    ("program", "    elemen: pelayanan-publik", "    elemen: Pelayanan Publik", "mis. pelayanan-publik",
     ["kominfo", "smart-governance"]),
    ("misi", "    dimensi: smart-governance", "    dimensi: Smart-Governance", "mis. smart-governance", ["kominfo"]),
    ("misi", "elemen: pelayanan-publik,", "elemen: Pelayanan-Publik,", "mis. pelayanan-publik", ["kominfo"]),
    ("horizon", "  - kode: quick-win", "  - kode: Quick-Win", "mis. quick-win", ["kominfo"]),
]


@pytest.mark.parametrize("name, old, new, example, other_kinds", WRONG_FORM, ids=[f"{w[0]}:{w[2].strip()}" for w in WRONG_FORM])
def test_a_code_of_the_wrong_form_is_shown_codes_of_its_own_kind(name, old, new, example, other_kinds):
    [(_, message, _, keyword)] = _errors(name, old, new)
    assert keyword == "pattern" and "tidak sesuai format" in message and example in message, message
    assert not any(code in message.split("Isi yang benar:")[1] for code in other_kinds), message


_SCHEMAS = ("program", "indikator", "swot", "misi", "isu", "horizon", "rpjmd", "opd", "dimensi")
# What an editor's edit can put at one place of a data file: text with Word's or a newline's leftovers,
# digits of other scripts, numbers, nothing, a YAML date, a list, a mapping.
_VALUES = st.one_of(st.text(max_size=12), st.sampled_from(["GOV-01\n", "ECO-٠١", "pendek ", "", "2027"]),
                    st.integers(-3, 3000), st.floats(allow_nan=False, width=16), st.none(), st.booleans(),
                    st.dates(), st.lists(st.integers(0, 3), max_size=2), st.just({"kolom_baru": 1}))


def _places(data: object, path: tuple = ()) -> list[tuple]:
    """Every path (keys and indices) into ``data``, the root left out."""
    found = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found += [(*path, key), *_places(value, (*path, key))]
    return found


@functools.cache
def _real(name: str) -> tuple[dict, bytes, list[tuple]]:
    """The schema, the pickled data and its paths of ``data/<name>.yml``, read once per test process."""
    data = _load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return schema, pickle.dumps(data), _places(data)


@settings(max_examples=150, deadline=None, database=None)
@given(name=st.sampled_from(_SCHEMAS), pick=st.integers(0, 10**6), value=_VALUES, drop=st.booleans())
def test_the_fast_valid_verdict_never_hides_an_error(name, pick, value, drop):
    """The real data with one value replaced or one key or item dropped: when jsonschema-rs calls it valid
    (``_known_valid``, which skips jsonschema), jsonschema finds no error either."""
    schema, kept, places = _real(name)
    data = pickle.loads(kept)
    *parents, last = places[pick % len(places)]
    owner = data
    for step in parents:
        owner = owner[step]
    if drop:
        del owner[last]
    else:
        owner[last] = value
    if _known_valid(data, schema):
        assert not list(Draft202012Validator(schema).iter_errors(data))


def test_the_fast_verdict_is_used_and_refusals_fall_back_to_jsonschema():
    """The plan's own data is valid for both; a date (no JSON type) and a broken schema go to jsonschema."""
    schema = json.loads((ROOT / "data" / "program.schema.json").read_text(encoding="utf-8"))
    data = _load((ROOT / "data" / "program.yml").read_text(encoding="utf-8"))
    assert _known_valid(data, schema)
    data["program"][0]["tahun_mulai"] = datetime.date(2027, 1, 1)
    assert not _known_valid(data, schema)
    assert schema_errors(data, schema)
    assert not _known_valid(1, {"$ref": "#/$defs/tidak-ada"})
