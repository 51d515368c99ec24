"""The editors' message texts (``teks`` of each rule in ``rules.yml``) and :func:`message`, which fills
them. Apart from :mod:`masterplan.model.rules` because the tolerant file reader
(:mod:`masterplan.model.sources`) words its own messages here, while ``rules.load()`` reads the data files
that rules.yml names through that reader: a broken data file must not make the rules load themselves again.
Why every text lives in rules.yml, and the tests that hold it: CATATAN-TEKNIS.md C78."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).with_name("rules.yml")


@cache
def registry(path: Path = RULES_FILE) -> dict:
    """``rules.yml`` as YAML data, read once per process (shared: callers only read it). Raises
    ``OSError`` or ``yaml.YAMLError`` if the maintainers' file is broken."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}  # libyaml: 10× faster


def texts_of(spec: object) -> dict[str, str]:
    """The ``teks`` of one rule's entry in rules.yml: name -> template (empty for a short ``KODE: galat``)."""
    entries = spec.get("teks") if isinstance(spec, dict) else None
    return {str(name): str(text) for name, text in (entries or {}).items()}


@cache
def _texts(rule: str) -> dict[str, str]:
    return texts_of(registry()["aturan"][rule])


def message(rule: str, name: str, **values: object) -> str:
    """The editor's message ``name`` of ``rule`` as rules.yml words it (``aturan.<rule>.teks.<name>``),
    its ``{field}`` slots filled from ``values`` (``{{``/``}}`` in rules.yml are literal braces). The
    wording lives in rules.yml only, so a check and the build log that report the same mistake say the
    same thing. Raises ``KeyError`` for a rule, text or field rules.yml does not have (a maintainer's
    error, caught by tests/test_rule_texts.py)."""
    return _texts(rule)[name].format(**values)
