"""Results of the build's own work kept between builds (``.cache/hasil-build.json`` beside ``mkdocs.yml``),
so that a rebuild, or the preview after one edit, does again only the work whose input changed.

What is kept is what depends on one text alone, given the rest of the build's inputs: the editors'
per-page checks of one page, the plan-logic counts in one page's prose, the JSON-Schema verdict on one
data file. An answer is keyed by a hash of everything it is computed from (the page's text and path, the
data file and its schema); the whole file is keyed by a :func:`fingerprint` of everything else the answers
may read: our code (every file of the ``masterplan`` package, ``rules.yml`` included), the libraries
that parse the texts, ``mkdocs.yml``, the data files rules.yml reads (the office codes, the dimensions),
the project word list and the spelling dictionary. Change any of them and every answer is computed again.
The rest of ``data/`` (programmes, indicators, issues, stages) is not in the fingerprint: an answer that
reads it says so (:meth:`ResultCache.get` with ``data``) and is kept under those files' contents too, so
that a pull request changing one programme checks again the views and counts that read the data, not
every page's spelling. A cache that cannot be read or written is an empty one, never an error. The first
build after a clone (no ``.cache/``) is what ``scripts/benchmark.py`` reports as the build "tanpa
tembolok".

The editors' checks (``scripts/validate.py``) keep their answers in the process only (a cache without a
folder), under the same fingerprints: a process that checks many copies of the plan computes each page
once. Files are named in fingerprints relative to their project, so copies share them. The code part of
a fingerprint is read again when a file's modification time or size changes (as ``rules.load()`` does for
its data files, CATATAN-TEKNIS C83), not on every check.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from masterplan.model import site_config
from masterplan.model.problems import Problem
from masterplan.model.sources import stamp
from masterplan.model.word_cache import FOLDER, WordCache

if TYPE_CHECKING:
    from masterplan.model.rules import Rules

FILE = "hasil-build.json"
PACKAGE = Path(__file__).resolve().parents[1]  # masterplan/
# The libraries whose answers the kept results repeat: the Markdown parsers, the schema validator, the
# speller's binding, the number formats and font reader of the generated views. A new version of any of
# them computes everything again.
LIBRARIES = ("markdown-it-py", "Markdown", "pymdown-extensions", "jsonschema", "pyenchant", "PyYAML", "Babel",
             "fonttools")
# Where Debian's hunspell-id puts the dictionary that the spelling check reads through enchant.
DICTIONARY_FOLDERS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))

T = TypeVar("T")


def _digest(parts: Iterable[bytes]) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(hashlib.sha256(part).digest())
    return hashed.hexdigest()


def _contents(path: Path, anchor: Path | None = None) -> bytes:
    """The file's name (relative to ``anchor`` when given, so that two copies of the project with the same
    files share a fingerprint) and its bytes."""
    name = path.relative_to(anchor).as_posix() if anchor is not None else path.as_posix()
    try:
        return name.encode() + b"\0" + path.read_bytes()
    except OSError:
        return name.encode() + b"\0missing"


def _library(name: str) -> str:
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return f"{name} -"


def fingerprint(inputs: Iterable[tuple[Path, Path]], dictionary: str) -> str:
    """A hash of our code (every ``.py`` and ``.yml`` of the package), the :data:`LIBRARIES`' versions,
    the files ``inputs`` (``(file, the project folder it is named from)``; missing ones too) and the
    spelling ``dictionary``'s files (e.g. ``id_ID``): everything besides an answer's own key that a kept
    answer may depend on. Files are named relative to their project, so copies of a project share it."""
    code = sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".yml") and "__pycache__" not in p.parts)
    words = sorted(p for folder in DICTIONARY_FOLDERS for p in folder.glob(f"{dictionary}.*"))
    return _digest([_tools(tuple((path, stamp(path)) for path in code), tuple((path, stamp(path)) for path in words)),
                    *(_contents(path, anchor) for path, anchor in sorted(set(inputs)))])


# Reading and hashing the package's ~200 files took 22 ms of every check and every preview rebuild; they
# are read again only when one of them is saved anew (its time or size changes).
@lru_cache(maxsize=8)
def _tools(code: tuple[tuple[Path, object], ...], words: tuple[tuple[Path, object], ...]) -> bytes:
    """The hash of our code, the libraries' versions and the dictionary files, given with their stamps."""
    return _digest([*(_contents(path) for path, _ in code), *(_library(name).encode() for name in LIBRARIES),
                    *(_contents(path) for path, _ in words)]).encode()


def build_inputs(root: Path, rules_root: Path, word_list: str, rules_data: Iterable[str] = ()
                 ) -> list[tuple[Path, Path]]:
    """The files of the repository at ``root`` (and of the one holding ``rules.yml``, ``rules_root``) that
    every kept answer may read besides its own text, each with its repository: ``mkdocs.yml``, the
    project ``word_list`` and the data files ``rules_data`` that rules.yml reads (relative to
    ``rules_root``, :attr:`masterplan.model.rules.Rules.data_files`)."""
    return [(root / site_config.CONFIG, root), (rules_root / word_list, rules_root),
            *((rules_root / name, rules_root) for name in rules_data)]


def data_files(root: Path, rules_root: Path) -> list[tuple[Path, Path]]:
    """Every file under ``data/`` of the repository at ``root`` and of the one holding rules.yml, each
    with its repository."""
    found: set[tuple[Path, Path]] = set()
    for project in {root, rules_root}:
        if (project / "data").is_dir():
            found.update((p, project) for p in (project / "data").rglob("*") if p.is_file())
    return sorted(found)


# The answers of caches without a folder, one dict per fingerprint for the life of the process: the
# editors' checks (scripts/validate.py) keep nothing on disk, which would prune the build's answers, but a
# process that checks the plan many times (the test suite runs the pull request's check on ~150 copies of
# it, each with one file changed) computes each unchanged page's answers once.
_IN_PROCESS: dict[str, dict[str, object]] = {}


class _InProcess:
    """The :class:`WordCache` interface over :data:`_IN_PROCESS` (``save`` writes nothing)."""

    def __init__(self, version: str) -> None:
        self.answers = _IN_PROCESS.setdefault(version, {})

    def get(self, key: str, compute: Callable[[str], object]) -> object:
        if key not in self.answers:
            self.answers[key] = compute(key)
        return self.answers[key]

    def save(self) -> None:
        pass


class ResultCache:
    """Answers of the build kept in ``folder/FILE`` under ``version`` (a :func:`fingerprint`); only the
    answers asked for in this build are written back (:class:`WordCache` with ``prune``). Without a
    ``folder``, answers are kept for this process only, shared by every cache of the same ``version``."""

    def __init__(self, folder: Path | None, version: str, data: str = "") -> None:
        """``version``: the :func:`fingerprint`; ``data``: a hash of the data files outside it
        (:func:`data_files`), part of the key of every answer asked for with ``data``."""
        self._cache = WordCache(folder / FILE, version, prune=True) if folder is not None else _InProcess(version)
        self._data = data

    @classmethod
    def for_build(cls, root: Path, rules_root: Path, word_list: str, dictionary: str,
                  rules_data: Iterable[str] = (), kept: bool = True) -> ResultCache:
        """The cache of the project at ``root`` (``.cache/`` beside its ``mkdocs.yml``; in this process only
        when not ``kept``); ``rules_data``: the data files rules.yml reads (:func:`build_inputs`)."""
        rules_data = list(rules_data)
        inputs = build_inputs(root, rules_root, word_list, rules_data)
        rest = [entry for entry in data_files(root, rules_root) if entry not in inputs]
        return cls(root / FOLDER if kept else None, fingerprint(inputs, dictionary),
                   _digest(_contents(*entry) for entry in rest))

    @classmethod
    def for_rules(cls, root: Path, registry: Rules, kept: bool = True) -> ResultCache:
        """:meth:`for_build` for the project at ``root`` checked with ``registry`` (``rules.load()``): its
        word list, dictionary and data files."""
        spec = registry.raw["ejaan"]
        return cls.for_build(root, registry.root, spec["daftar_kata"], spec["kamus"], registry.data_files, kept)

    def get(self, kind: str, parts: Iterable[str], compute: Callable[[], T],
            encode: Callable[[T], object] = lambda value: value,
            decode: Callable[[object], T] = lambda value: value, data: bool = False) -> T:
        """The answer of ``compute()`` for the inputs ``parts`` (texts) of the work named ``kind``: the kept
        one when these exact inputs were seen under the same fingerprint, else computed and kept.
        ``encode``/``decode`` turn the answer into JSON data and back. ``data``: ``compute`` reads the
        plan's data files (programmes, indicators, stages; not only those in the fingerprint), so the
        answer is kept under their contents too."""
        texts = (*parts, self._data) if data else parts
        key = kind + ":" + _digest(part.encode("utf-8", "surrogatepass") for part in texts)
        return decode(self._cache.get(key, lambda _: encode(compute())))

    def problems(self, kind: str, parts: Iterable[str], compute: Callable[[], Iterable[Problem]]) -> list[Problem]:
        """:meth:`get` for a list of :class:`Problem`."""
        return self.get(kind, parts, lambda: list(compute()),
                        lambda found: [[p.path, p.line, p.column, p.rule, p.message, p.severity] for p in found],
                        lambda kept: [Problem(*fields) for fields in kept])

    def save(self) -> None:
        """Write the answers of this build back (nothing when nothing changed)."""
        self._cache.save()


def text_of(value: object) -> str:
    """JSON text of ``value`` with sorted keys: a stable key part for parsed data."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
