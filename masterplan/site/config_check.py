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

import yaml
from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml_load

from masterplan.model import site_config
from masterplan.model.problems import Problem, help_reference
from masterplan.model.rules import message

RULE = "PENGATURAN-MKDOCS"
SHOWN = 3  # known names offered as examples next to an unknown one


def _key_line(node: yaml.Node | None, key: str) -> int:
    """The 1-based line where the top-level name ``key`` is written (1 when it cannot be found)."""
    if isinstance(node, yaml.MappingNode):
        for name, _ in node.value:
            if str(name.value) == key:
                return name.start_mark.line + 1
    return 1


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
        return Problem(site_config.CONFIG, _key_line(source.node, key), 0, RULE,
                       f"{message(RULE, text, **values)} {help_reference(RULE)}")

    try:
        with path.open("rb") as handle:
            config = MkDocsConfig(config_file_path=str(path))
            config.load_dict(yaml_load(handle))
            errors, warnings = config.validate()
    except Exception as error:  # noqa: BLE001 - a plugin's own failure: still a message, never a traceback
        return [problem("", "gagal_diperiksa", alasan=_plain(error))]
    found = []
    for key, text in [*errors, *warnings]:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=SHOWN, cutoff=0.6)
            similar = message(RULE, "mirip", nama=", ".join(close)) if close else ""
            found.append(problem(key, "nama_tak_dikenal", kunci=key, mirip=similar))
        elif wrong_type := _WRONG_TYPE.fullmatch(str(text).strip()):
            found.append(problem(key, "jenis_salah", kunci=key, harus=_TYPE_WORDS.get(wrong_type[1], wrong_type[1]),
                                 tertulis=_TYPE_WORDS.get(wrong_type[2], wrong_type[2])))
        else:
            found.append(problem(key, "ditolak", kunci=key, alasan=_plain(text)))
    return found


# MkDocs' most frequent refusal (config_options.Type), said in full in Bahasa Indonesia.
_WRONG_TYPE = re.compile(r"Expected type: <class '(\w+)'> but received: <class '(\w+)'>\.?")


# Python's names of value types in MkDocs' messages ("Expected type: <class 'bool'>"), in the words the
# schema messages use for the same types.
_TYPE_WORDS = {"bool": "true atau false", "str": "teks", "int": "bilangan bulat", "float": "angka",
               "list": "daftar", "dict": "kelompok kolom (kunci: nilai)", "NoneType": "kosong"}


def _plain(text: object) -> str:
    """MkDocs' message without Python's type notation and without its closing full stop (the sentence
    around it has one)."""
    said = re.sub(r"<class '(\w+)'>", lambda m: _TYPE_WORDS.get(m[1], m[1]), str(text))
    return said.strip().rstrip(".")
