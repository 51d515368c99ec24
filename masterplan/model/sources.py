"""The one tolerant reader of every file an editor can touch (chapters, glossary, ``data/*.yml``,
``mkdocs.yml``, ``.github/tim-opd.yml``): it returns what it read or a :class:`Problem` with file and
line, never an exception. Everything that reads such a file goes through here, so that a file saved
from Word in another encoding, or YAML with a tab, is a message for the editor and not a traceback.
"""

from __future__ import annotations

import json
import pickle
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from masterplan.model import yaml_messages
from masterplan.model.problems import Problem, help_reference
from masterplan.model.rule_texts import message

# The rules of an unreadable file and of a YAML slip; their texts word the message also when a caller reports
# it under its own rule (PROGRAM-BERKAS, LOGIKA-SKEMA, ...), so every file says the same thing.
UNREADABLE = "BERKAS-TAK-TERBACA"
YAML_SYNTAX = "YAML-SALAH"


def _problem(shown: str, line: int, column: int, rule: str, message: str) -> Problem:
    return Problem(shown, line, column, rule, f"{message} {help_reference(rule)}")


UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")  # byte-order marks of UTF-16, little and big endian


def read_text(path: Path, shown: str, rule: str = UNREADABLE) -> str | Problem:
    """The text of the UTF-8 file at ``path`` (a leading byte-order mark kept, as editors save it), or a
    :class:`Problem` under ``rule`` naming ``shown`` (the path as messages print it) when the file is
    missing, unreadable, saved as UTF-16 (its own advice: the GitHub web editor cannot open such a file),
    or otherwise not UTF-8 (then with the line and column of the first bad byte)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return _problem(shown, 1, 0, rule, message(UNREADABLE, "tidak_dapat_dibaca", sebab=error.strerror or error))
    if data.startswith(UTF16_MARKS):  # Word's and Notepad's "Unicode": the web editor shows it as binary
        return _problem(shown, 1, 1, rule, message(UNREADABLE, "utf16"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return _problem(shown, line, column, rule, message(UNREADABLE, "bukan_utf8"))


class _TolerantLoader(yaml.CSafeLoader):
    """Safe YAML (libyaml: ten times faster than pure Python on data/program.yml, same node marks) that
    reads MkDocs-specific tags (``!ENV``, ``!!python/name``) as null, so that ``mkdocs.yml`` can be read
    by the same reader as the data files."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass
class YamlSource:
    """A YAML file read with its node tree: ``data`` (None when unreadable), ``node`` (the composed
    root node, for line numbers) and the ``problems`` met on the way (empty when all is well)."""

    path: str
    data: object = None
    node: yaml.Node | None = None
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, *keys: str | int) -> int:
        """The 1-based line of the value reached through ``keys`` (mapping keys, list indices); the line
        of the deepest node that exists when the path ends early; 1 without a node tree."""
        node = self.node
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                found = next((v for k, v in node.value if str(k.value) == str(key)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                found = node.value[key]
            else:
                found = None
            if found is None:
                break
            node = found
        return node.start_mark.line + 1 if node is not None else 1


# Every check of one file, every rebuild of ``mkdocs serve`` and every test reads the same files again:
# a text's parse is kept (libyaml composes, Python constructs: 22 ms for data/program.yml) and each caller
# gets its own copy of the data (unpickled: 0.5 ms), so no caller can change another's; the node trees
# (line numbers, 1.5 MB for program.yml) are shared and only read. Least recently used texts go first
# beyond _KEPT_CHARACTERS of text, which holds the plan's own files many times over.
_PARSED: OrderedDict[str, tuple[bytes, yaml.Node | None, list[tuple[str, yaml.Mark, int]]]] = OrderedDict()
_KEPT_CHARACTERS = 2_000_000


def _parse(text: str) -> tuple[object, yaml.Node | None]:
    reader = _TolerantLoader(text)
    try:
        node = reader.get_single_node()
        return (reader.construct_document(node) if node is not None else None), node
    finally:
        reader.dispose()


def _repeated_keys(root: yaml.Node | None) -> list[tuple[str, yaml.Mark, int]]:
    """``(key, mark of the repeat, 1-based line of the first)`` for every key written twice in one mapping.
    YAML keeps the last value without a word, so a field pasted twice, or a copied entry whose code was
    not changed (``kecamatan:`` twice in data/opd.yml), silently loses the first."""
    found, stack = [], [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in first:
                        found.append((key.value, key.start_mark, first[key.value]))
                    first.setdefault(key.value, key.start_mark.line + 1)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(found, key=lambda repeat: (repeat[1].line, repeat[1].column))


def parse_yaml(text: str) -> tuple[object, yaml.Node | None]:
    """``(data, root node)`` of YAML ``text``, composed once per text in a process: the data is the
    caller's own, the node tree is shared and must not be changed. Raises ``yaml.YAMLError`` (with
    ``problem_mark``) when it is not YAML."""
    kept = _PARSED.get(text)
    if kept is None:
        data, node = _parse(text)
        kept = _PARSED[text] = (pickle.dumps(data, pickle.HIGHEST_PROTOCOL), node, _repeated_keys(node))
        while sum(map(len, _PARSED)) > _KEPT_CHARACTERS and len(_PARSED) > 1:
            _PARSED.popitem(last=False)
    else:
        _PARSED.move_to_end(text)
    return pickle.loads(kept[0]), kept[1]


def read_yaml(path: Path, shown: str, syntax_rule: str = YAML_SYNTAX, unreadable_rule: str = UNREADABLE
              ) -> YamlSource:
    """Read the YAML file at ``path`` (shown in messages as ``shown``) into a :class:`YamlSource`.

    Bad encoding gives a problem under ``unreadable_rule``; bad YAML (a tab, an unclosed quote, a missing
    colon) a problem under ``syntax_rule`` at the line and column YAML names, and so does a key written
    twice in one mapping (the data then holds the last value, as YAML reads it). Never raises.
    """
    source = YamlSource(shown)
    text = read_text(path, shown, unreadable_rule)
    if isinstance(text, Problem):
        source.problems.append(text)
        return source
    try:
        source.data, source.node = parse_yaml(text)
        source.problems += [_problem(shown, mark.line + 1, mark.column + 1, syntax_rule,
                                     message(YAML_SYNTAX, "kunci_ganda", kunci=key, baris=first))
                            for key, mark, first in _PARSED[text][2]]
    except yaml.YAMLError as error:
        line, column, what = yaml_messages.locate(error, text)
        source.node, source.data = None, None
        source.problems.append(_problem(shown, line, column, syntax_rule,
                                        message(YAML_SYNTAX, "penulisan_salah", penjelasan=what)))
    return source


def read_json(path: Path, shown: str, rule: str = UNREADABLE) -> dict | Problem:
    """The JSON object in the UTF-8 file at ``path`` (a JSON Schema under data/, which editors may touch
    and the pre-commit hook watches), or a :class:`Problem` under ``rule`` naming ``shown``: unreadable or
    not UTF-8 (:func:`read_text`), not JSON (at the line and column the JSON reader names), or JSON that is
    not an object. Never raises."""
    text = read_text(path, shown, rule)
    if isinstance(text, Problem):
        return text
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return _problem(shown, error.lineno, error.colno, rule, message(UNREADABLE, "bukan_json"))
    if not isinstance(data, dict):
        return _problem(shown, 1, 0, rule, message(UNREADABLE, "bukan_json"))
    return data


def stamp(path: Path) -> tuple[int, int] | None:
    """What tells one version of the file at ``path`` from another without reading it: its modification
    time and size (None when it is missing), for the caches that keep what was read from a file as long
    as a process runs (``mkdocs serve``)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def shown_path(path: Path, root: Path | None) -> str:
    """``path`` as messages print it: relative to ``root`` (posix) when inside it, else as given."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
