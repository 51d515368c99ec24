"""JSON Schema verdicts on a YAML data file (``data/*.yml``), placed at the line of the YAML node they
concern: the node helpers and the validation (jsonschema-rs for the verdict, jsonschema for the errors), shared
by the programme data (:mod:`masterplan.model.programmes`) and the plan's logic
(:mod:`masterplan.model.plan_logic`). The errors' Bahasa Indonesia is :mod:`masterplan.model.schema_messages`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

from masterplan.model import rule_texts
from masterplan.model.problems import Problem, help_reference
from masterplan.model.schema_messages import said_errors

if TYPE_CHECKING:
    from masterplan.model.result_cache import ResultCache


def node_at(node: yaml.Node | None, path) -> yaml.Node | None:
    """The YAML node reached by following ``path`` (keys and list indices) from ``node``; the deepest
    node that exists when the path ends early."""
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next((value for key, value in node.value if key.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            found = node.value[step]
        else:
            found = None
        if found is None:
            return node
        node = found
    return node


def key_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((k for k, _ in node.value if k.value == key), None)
    return None


def where(node: yaml.Node | None) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (1, 0)


_VERDICTS: dict[tuple[str, str], list[tuple[str, str, list, str]]] = {}


class BrokenSchema(Exception):
    """A schema file that is JSON but cannot judge data (a ``$ref`` to a definition that is gone, an
    unknown type name); its text is the validator's reason."""


def broken_schema_problem(schema_file: str, rule: str, error: BrokenSchema) -> Problem:
    """The one problem of a :class:`BrokenSchema`, at the top of ``schema_file``, under ``rule``."""
    text = rule_texts.message("BERKAS-TAK-TERBACA", "skema_tak_terpakai", sebab=error)
    return Problem(schema_file, 1, 0, rule, f"{text} {help_reference(rule)}")


def schema_errors(data: object, schema: dict, memo: ResultCache | None = None) -> list[tuple[str, str, list, str]]:
    """``(rule, message, path, validator keyword)`` for every JSON Schema error of ``data`` against
    ``schema`` (:func:`masterplan.model.schema_messages.said_errors`), in jsonschema's order. With ``memo``
    (the build's) the answer is kept between builds, keyed by the ``repr`` of the data and the schema
    (which tells a YAML date from the same text in quotes); jsonschema is then imported only when something
    changed. Raises :class:`BrokenSchema` when ``schema`` cannot judge data."""
    def validate() -> list[tuple[str, str, list, str]]:
        if _known_valid(data, schema):
            return []
        from jsonschema import Draft202012Validator  # here: importing it was a tenth of a rebuild's time

        try:
            errors = list(Draft202012Validator(inline_refs(schema)).iter_errors(data))
        except Exception as error:  # noqa: BLE001 - jsonschema raises many kinds for a schema it cannot use
            reason = (str(error).splitlines() or [type(error).__name__])[0]
            raise BrokenSchema(reason.split(" within ")[0][:160]) from None  # not the whole schema it quotes
        return said_errors(errors, data)
    if memo is None:  # the verdict on the same data is asked again in one process (validate.py, a test run)
        key = (repr(data), repr(schema))
        if key not in _VERDICTS:
            _VERDICTS[key] = validate()
        return [(rule, message, list(path), validator) for rule, message, path, validator in _VERDICTS[key]]
    return memo.get("skema", (repr(data), repr(schema)), validate, lambda found: [list(error) for error in found],
                    lambda kept: [(rule, message, list(path), validator) for rule, message, path, validator in kept])


_FAST: dict[str, object] = {}  # compiled jsonschema-rs validators by the schema's repr


def _known_valid(data: object, schema: dict) -> bool:
    """True when jsonschema-rs finds ``data`` valid against ``schema``: the verdict on the plan's own data
    in 1–2 ms where jsonschema takes up to 37 ms (data/program.yml) and 0.1 s to import. False when it
    finds errors, or cannot judge (a YAML date is no JSON type, a schema it refuses): jsonschema then gives
    the errors with the paths and keywords the messages are made from, or the :class:`BrokenSchema`. Its
    regular expressions are ECMA-262 ones, stricter than Python's (``$`` before a final newline, Unicode
    ``\\d``), so a disagreement costs only the slow path, never a missed error
    (tests/test_yaml_schema.py compares the verdicts)."""
    import jsonschema_rs  # here: a check of a chapter alone never needs it

    key = repr(schema)
    try:
        if key not in _FAST:
            _FAST[key] = jsonschema_rs.Draft202012Validator(schema)
        return _FAST[key].is_valid(data)
    except Exception:  # noqa: BLE001 - any refusal means: ask jsonschema
        return False


def inline_refs(schema: dict) -> dict:
    """``schema`` with every plain ``{"$ref": "#/$defs/NAME"}`` replaced by a copy of that definition: the
    same errors (keyword, instance path, subschema and its ``description``) in the same order, in half the
    time, because jsonschema resolves each reference again at every node it validates (the programme data
    took 0.07 s of the first build after a clone). A reference with other keywords beside it, to anything
    else, or inside its own definition (recursion) is kept as it is; ``$defs`` stays for those."""
    definitions = schema.get("$defs", {})

    def copy(node: object, expanding: tuple[str, ...]) -> object:
        if isinstance(node, list):
            return [copy(item, expanding) for item in node]
        if not isinstance(node, dict):
            return node
        target = node.get("$ref")
        name = target[len("#/$defs/"):] if isinstance(target, str) and target.startswith("#/$defs/") else None
        if len(node) == 1 and name in definitions and name not in expanding:
            return copy(definitions[name], (*expanding, name))
        return {key: copy(value, expanding) for key, value in node.items()}

    return copy(schema, ())


