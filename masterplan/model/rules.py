"""The checking rules of the plan, read from ``rules.yml`` (one commented YAML file, the only place where
required sections, front-matter fields and rule severities are declared) plus the data files it names."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from masterplan.model.problems import ERROR, WARNING, Problem, help_reference
# message() lives with the texts it fills (rule_texts.py); the checks import it from here, with the rules.
from masterplan.model.rule_texts import RULES_FILE, message, registry, texts_of
from masterplan.model.programme_rules import schema_of, schema_problems
from masterplan.model.sources import read_json, read_yaml, stamp

if TYPE_CHECKING:
    from masterplan.model.result_cache import ResultCache

_SEVERITY = {"galat": ERROR, "peringatan": WARNING}


@dataclass(frozen=True)
class Section:
    """A required heading: its ``title``, the accepted ``aliases`` and required ``children`` (one level
    down)."""

    title: str
    aliases: tuple[str, ...] = ()
    children: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Outline:
    """The required H2 sections of one file and whether their order matters."""

    sections: tuple[Section, ...] = ()
    ordered: bool = True


@dataclass(frozen=True)
class PageKind:
    """A kind of page (``bab``, ``lampiran``, ...): its Indonesian ``name``, file patterns and the
    required and optional front-matter keys."""

    key: str
    name: str
    patterns: tuple[str, ...]
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One rule ID of the registry: its ``severity`` (:data:`ERROR` or :data:`WARNING`), the one-line
    ``summary`` shown in the help page's table, the ``anchor`` of its section on the help page, and its
    message ``texts`` (``teks`` in rules.yml: name -> template with ``{field}`` slots; see :func:`message`)."""

    id: str
    severity: str
    summary: str
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        """The fixed anchor of the rule's section on the help page (``## KODE { #kode }``)."""
        return self.id.lower()


@dataclass
class Rules:
    """Everything in ``rules.yml``, with the data files it refers to already read."""

    raw: dict
    severities: dict[str, str]
    kinds: list[PageKind]
    fields: dict[str, dict]
    root: Path  # the repository holding rules.yml; paths in rules.yml are relative to it
    catalogue: dict[str, Rule] = field(default_factory=dict)  # rule ID -> Rule, in registry order
    codes: dict[str, list[str]] = field(default_factory=dict)  # field -> allowed codes from data files
    # field -> code -> the names a person writes for it (``nama``, ``singkatan`` of the data file's entry)
    code_names: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    outlines: dict[str, Outline] = field(default_factory=dict)  # docs-relative file -> outline
    # What was wrong in the data files (:attr:`data_files`): a field whose codes' file is among them has
    # no entry in :attr:`codes`, so that its values are not judged against codes nobody could read.
    problems: list[Problem] = field(default_factory=list)

    def severity(self, rule: str) -> str:
        """``error`` or ``warning`` for a rule ID; raises ``KeyError`` for an ID missing in rules.yml."""
        return self.severities[rule]

    def kind_of(self, name: str) -> PageKind | None:
        """The kind of the page at ``name`` (relative to docs/, posix), or None when no pattern fits."""
        for kind in self.kinds:
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in kind.patterns):
                return kind
        return None

    def outline(self, name: str) -> Outline:
        """Required sections of the page at ``name`` (relative to docs/); empty when none are declared."""
        return self.outlines.get(name, Outline(()))

    @property
    def data_files(self) -> list[str]:
        """The data files (relative to :attr:`root`) that these rules are read from: the codes of the
        front-matter fields (``kode_dari``, e.g. data/opd.yml), the dimensions' sections (``dimensi.data``)
        and the schemas beside them (:func:`schema_of`, which judge them). Every check of a page may depend
        on them (masterplan.model.result_cache)."""
        return _data_files(self.raw)

    @property
    def source_opening(self) -> str:
        """What opens every source line under a table or figure ("Sumber:", ``tabel.awal_sumber``): the one
        setting that TABEL-SUMBER checks, the generated views write and the site and PDF recognise."""
        return str(self.raw["tabel"]["awal_sumber"]).strip()


def _section(entry) -> Section:
    if isinstance(entry, str):
        return Section(entry)
    return Section(str(entry["judul"]), tuple(entry.get("alias", ())),
                   tuple(_section(child) for child in entry.get("subbagian", ())))


def _data_files(raw: dict) -> list[str]:
    named = [spec["kode_dari"] for spec in raw["front_matter"].values() if "kode_dari" in spec]
    codes = [*named, raw["dimensi"]["data"]]
    return [*codes, *map(schema_of, codes)]  # the schemas judge the codes (read_codes): a change counts too


# A code as the schemas of the files of codes write it (propertyNames): lower case, words joined by hyphens.
CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _well_formed(data: dict) -> bool:
    """Whether what the rules take from a file of codes is as its schema asks: the codes (and the element
    codes under ``elemen``) written as :data:`CODE`, no empty name or empty list. Only when it is not does
    :func:`read_codes` run the schema itself: importing jsonschema cost every build 0.06 s of CPU."""
    def fine(value: object, codes: bool) -> bool:
        if isinstance(value, (dict, list)) and not value:
            return False
        if isinstance(value, dict):
            return all(isinstance(key, str) and (not codes or CODE.fullmatch(key)) and fine(item, key == "elemen")
                       for key, item in value.items())
        return value is not None and value != ""
    return fine(data, True) and all(isinstance(entry, dict) for entry in data.values())


def read_codes(root: Path, relative: str) -> tuple[dict, list[Problem]]:
    """A file of codes (``root/relative``: data/opd.yml, data/dimensi.yml) as ``(mapping, problems)``, read
    tolerantly (editors edit it) under PROGRAM-YAML and PROGRAM-BERKAS; when what the rules take from it
    is not well formed (a code in capitals, an element without its name), judged by the schema beside it
    (:func:`code_schema_problems`). The rules and the programme data both read these files through here,
    so that one slip is one identical problem, reported once. Empty with the problems when unreadable,
    empty, not a mapping of codes or refused by its schema: codes nobody can trust judge no page and no
    programme. Never raises."""
    source = read_yaml(root / relative, relative, syntax_rule="PROGRAM-YAML", unreadable_rule="PROGRAM-BERKAS")
    if source.problems:
        return {}, source.problems
    if not isinstance(source.data, dict) or not source.data:
        text = message("PROGRAM-BERKAS", "kosong" if source.data is None else "bukan_daftar_kode", berkas=relative)
        return {}, [Problem(relative, 1, 0, "PROGRAM-BERKAS", f"{text} {help_reference('PROGRAM-BERKAS')}")]
    if _well_formed(source.data):
        return source.data, []  # the programme data applies the whole schema (code_schema_problems), with a memo
    found = code_schema_problems(root, relative)
    return ({} if found else source.data), found


def code_schema_problems(root: Path, relative: str, memo: ResultCache | None = None) -> list[Problem]:
    """The problems of the file of codes ``root/relative``, read as YAML, against the schema beside it
    (:func:`schema_of`; none when there is none), at their lines: PROGRAM-SKEMA (``terverifikasi: tidak``,
    a code in capitals, a name left empty), or PROGRAM-BERKAS for an unreadable schema. ``memo``: see
    :func:`masterplan.model.yaml_schema.schema_errors`. Never raises."""
    shown = schema_of(relative)
    source = read_yaml(root / relative, relative, syntax_rule="PROGRAM-YAML", unreadable_rule="PROGRAM-BERKAS")
    if source.problems or not (root / shown).is_file():
        return []
    schema = read_json(root / shown, shown, "PROGRAM-BERKAS")
    if isinstance(schema, Problem):
        return [schema]
    return schema_problems(source.data, source.node, schema, memo, shown=relative)


def _rule(rule: str, spec) -> Rule:
    """A registry entry, ``KODE: {tingkat: galat, pesan: ..., teks: {nama: ...}}`` (or the short
    ``KODE: galat``)."""
    texts = texts_of(spec)
    spec = spec if isinstance(spec, dict) else {"tingkat": spec}
    return Rule(rule, _SEVERITY[spec["tingkat"]], str(spec.get("pesan", "")), texts)


def load(path: Path = RULES_FILE) -> Rules:
    """Read ``rules.yml`` and the data files it names (relative to the repository holding it).

    Returns a :class:`Rules`, whose :attr:`Rules.problems` say what is wrong in those data files; raises
    ``OSError`` or ``yaml.YAMLError`` if rules.yml itself is broken (a maintainer's error, not an
    editor's). Read again only when a data file changed: ``mkdocs serve`` runs for hours while editors
    change data/opd.yml, and the build's result cache is keyed by the files' contents as they are now.
    """
    root = path.parents[2]
    return _load(path, tuple(stamp(root / name) for name in _data_files(registry(path))))


# A few versions at most: each edit of a data file during ``mkdocs serve`` gives a new key.
@lru_cache(maxsize=8)
def _load(path: Path, stamps: tuple) -> Rules:
    root = path.parents[2]
    raw = registry(path)
    catalogue = {rule: _rule(rule, spec) for rule, spec in raw["aturan"].items()}
    severities = {rule: entry.severity for rule, entry in catalogue.items()}
    kinds = [PageKind(key, spec["nama"], tuple(spec["berkas"]), tuple(spec["wajib"]),
                      tuple(spec.get("boleh", ()))) for key, spec in raw["jenis_halaman"].items()]
    rules = Rules(raw, severities, kinds, raw["front_matter"], root, catalogue)
    for name, spec in raw["front_matter"].items():
        if "kode_dari" in spec:
            entries, problems = read_codes(root, spec["kode_dari"])
            rules.problems += problems
            if problems:
                continue
            rules.codes[name] = [str(code) for code in entries]
            rules.code_names[name] = {str(code): tuple(str(entry[key]) for key in ("nama", "singkatan")
                                                       if isinstance(entry, dict) and entry.get(key))
                                      for code, entry in entries.items()}
    for name, spec in raw["bagian_wajib"].items():
        rules.outlines[name] = Outline(tuple(_section(e) for e in spec["bagian"]), spec.get("urut", True))
    dimensions = raw["dimensi"]
    children = tuple(Section(title) for title in dimensions["subbagian_elemen"])
    entries, problems = read_codes(root, dimensions["data"])
    rules.problems += problems
    for code, spec in entries.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("elemen"), dict):
            continue
        sections = [Section(title) for title in dimensions["sebelum"]]
        sections += [Section(str(element), (), children) for element in spec["elemen"].values()]
        rules.outlines[f"{dimensions['folder']}/{code}.md"] = Outline(tuple(sections), dimensions["urut"])
    return rules


def source_opening(path: Path = RULES_FILE) -> str:
    """:attr:`Rules.source_opening` of the rules at ``path``."""
    return load(path).source_opening


def source_pattern(opening: str | None = None) -> str:
    """A regex fragment for ``opening`` (:func:`source_opening` when None) that also accepts space before
    its colon ("Sumber :"), as editors type it: the one definition of a source line's start, matched
    without regard to case by TABEL-SUMBER (masterplan.checks.tables) and the site's captions (which print
    it as ``opening``), and by the PDF proofreader in the printed text."""
    return re.escape(source_opening() if opening is None else opening).replace(":", r"\s*:")
