"""What MkDocs itself would refuse in ``mkdocs.yml``, said before the build: a name MkDocs does not know (a
comment line that lost its ``#``, a misspelt ``exrta:``) or a value of the wrong shape. ``mkdocs build
--strict`` stops on either before any plugin of ours runs, with one English line and no file line, while
the pull-request check (``scripts/validate.py``) read only what the plan needs and said "no problems".

MkDocs' own validation is run (``MkDocsConfig.validate``: the same options, plugins and theme as the build),
so the check cannot drift from what the build refuses; each of its errors and warnings (strict mode makes
a warning stop the build too) becomes a ``PENGATURAN-MKDOCS`` problem at the line of the top-level name.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml_load

from masterplan.model import site_config
from masterplan.model.problems import Problem, help_reference
from masterplan.model.rules import message
from masterplan.model.schema_messages import TYPE_WORDS
from masterplan.model.yaml_schema import key_node, where

RULE = "PENGATURAN-MKDOCS"
SHOWN = 3  # known names offered as examples next to an unknown one


def problems(root: Path) -> list[Problem]:
    """Every error and warning MkDocs' validation of ``root/mkdocs.yml`` gives, as ``PENGATURAN-MKDOCS``
    problems at the line of the name concerned. Empty when the file is missing or not YAML (that is
    ``YAML-SALAH``, reported by :func:`masterplan.model.settings.load`). Never raises: anything MkDocs or
    a plugin raises while validating is one problem at line 1 with its text."""
    source = site_config.source(root)
    if source.problems or not isinstance(source.data, dict):
        return []
    path = root / site_config.CONFIG
    known = [name for name, _ in base.get_schema(MkDocsConfig)]

    def problem(key: str, text: str, **values: object) -> Problem:
        return Problem(site_config.CONFIG, where(key_node(source.node, key))[0], 0, RULE,
                       f"{message(RULE, text, **values)} {help_reference(RULE)}")

    try:
        with path.open("rb") as handle:
            config = MkDocsConfig(config_file_path=str(path))
            config.load_dict(yaml_load(handle))
            errors, warnings = config.validate()
    except Exception as error:  # noqa: BLE001 - a plugin's own failure: still a message, never a traceback
        return [problem("", "gagal_diperiksa", alasan=_plain(error))]
    found = []
    meant = misspelt_sections(root)
    for key, text in [*errors, *warnings]:
        if key in meant and key not in source.data:
            continue  # "site_name: Required" for a misspelt site_nam: said once, at the misspelt name
        if key not in known:
            close = difflib.get_close_matches(key, known, n=SHOWN, cutoff=0.6)
            similar = message(RULE, "mirip", nama=", ".join(close)) if close else ""
            # Deleting a line that opens a section would leave its settings under the wrong name.
            # A name like a known one is a typo: deleting its line would only bring MkDocs' English "Required".
            found.append(problem(key, "nama_bagian_tak_dikenal" if isinstance(source.data.get(key), dict) else
                                 "nama_salah_ketik" if close else "nama_tak_dikenal", kunci=key, mirip=similar))
        elif wrong_type := _WRONG_TYPE.fullmatch(str(text).strip()):
            found.append(problem(key, "jenis_salah", kunci=key, harus=_type_words(wrong_type[1]),
                                 tertulis=_type_words(wrong_type[2])))
        else:
            found.append(problem(key, "ditolak", kunci=key, alasan=_plain(text)))
    return found


def misspelt_sections(root: Path) -> set[str]:
    """The MkDocs names that ``root/mkdocs.yml`` lacks and that one of its unknown top-level names most
    likely misspells (``exrta:`` -> ``extra``): what is under such a name is read by nobody, so a check of
    its content (``extra.rencana``: PENGATURAN-RENCANA) would only repeat the one slip."""
    source = site_config.source(root)
    if source.problems or not isinstance(source.data, dict):
        return set()
    known = [name for name, _ in base.get_schema(MkDocsConfig)]
    absent = [name for name in known if name not in source.data]
    return {close[0] for key in source.data if key not in known
            if (close := difflib.get_close_matches(str(key), absent, n=1, cutoff=0.6))}


# MkDocs' most frequent refusal (config_options.Type), said in full in Bahasa Indonesia.
_WRONG_TYPE = re.compile(r"Expected type: <class '(\w+)'> but received: <class '(\w+)'>\.?")


# Python's names of value types in MkDocs' messages ("Expected type: <class 'bool'>") as JSON Schema names
# them, so that both kinds of message say a type in the same words (schema_messages.TYPE_WORDS).
_JSON_TYPES = {"bool": "boolean", "str": "string", "int": "integer", "float": "number", "list": "array",
               "dict": "object", "NoneType": "null"}


def _type_words(python: str) -> str:
    return TYPE_WORDS.get(_JSON_TYPES.get(python, python), python)


def _plain(text: object) -> str:
    """MkDocs' message without Python's type notation and without its closing full stop (the sentence
    around it has one)."""
    return re.sub(r"<class '(\w+)'>", lambda m: _type_words(m[1]), str(text)).strip().rstrip(".")
