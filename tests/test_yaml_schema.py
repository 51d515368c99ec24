"""JSON Schema verdicts on the plan's data (masterplan/model/yaml_schema.py): the schema with its
``$defs`` references inlined (``inline_refs``, for speed) gives jsonschema's errors unchanged."""

from __future__ import annotations

import copy
import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import ROOT
from masterplan.model.yaml_schema import inline_refs, schema_errors, schema_message


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
    data = yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
    data = _broken(data, name) if broken else data
    expected = [(*schema_message(error, data), error.validator) for error in Draft202012Validator(schema).iter_errors(data)]
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
