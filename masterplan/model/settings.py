"""Plan-wide settings (title, plan period, workshop stage, signatory) kept in ``mkdocs.yml`` → ``extra.rencana``,
and the site's public address (``site_url``). :func:`load` is the one reader of these values: it never raises;
a missing or out-of-range value is a :class:`Problem` at its line in ``mkdocs.yml``."""

from __future__ import annotations

import difflib
import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from babel.dates import format_date

from masterplan.model.code_guess import misspelt_fields
from masterplan.model.problems import Problem, help_reference
from masterplan.model.rules import message
from masterplan.model import site_config
from masterplan.model.site_config import CONFIG
from masterplan.model.sources import YamlSource
from masterplan.model.yaml_schema import key_node, node_at, where

RULE = "PENGATURAN-RENCANA"
# The four Bimtek workshop stages of the Gerakan Menuju Kota Cerdas (data/tahapan.yml, front matter ``tahap``).
STAGES = range(1, 5)
STATUSES = ("draf", "tinjauan", "final")
YEARS = range(2000, 2101)  # a plan period outside this range is a typing slip, not a plan
# The views whose "Sumber:" line extra.rencana.sumber words (Plan.sources).
SOURCES = ("program", "tahapan", "status")
TIMEZONE = "Asia/Makassar"  # Bali keeps WITA (UTC+8): the day a page last changed, as Bangli counts it


@dataclass(frozen=True)
class Plan:
    """The values a maintainer sets in one place; read by our MkDocs plugins (site and PDF cover) and the checks."""

    title: str
    region: str
    start_year: int
    end_year: int
    stage: int
    status: str
    place: str
    signatory_title: str
    signatory_name: str
    signatory_verified: bool
    # The "Sumber:" lines under views drawn from data, as readers see them (the real source, never a
    # file name): ``program`` (programme tables and roadmap), ``tahapan`` (workshop stages), ``status``
    # (chapter status dashboard). From ``extra.rencana.sumber``.
    sources: dict = field(default_factory=dict)

    @property
    def period(self) -> str:
        """The plan period with an en dash, e.g. ``2025–2034``."""
        return f"{self.start_year}–{self.end_year}"


@dataclass(frozen=True)
class Settings:
    """What :func:`load` read from ``mkdocs.yml``: the :class:`Plan` (None when ``extra.rencana`` has a
    problem), the public ``site_url`` ("" when unset) and every ``problems`` found."""

    plan: Plan | None
    site_url: str
    problems: tuple[Problem, ...]


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _whole(value: object, allowed: range) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in allowed


# (key path under extra.rencana, test, what a correct value looks like: a text of PENGATURAN-RENCANA).
# Each text is named where it is asked for, so tests/test_rule_texts.py can match its slots.
_FIELDS = (
    (("judul",), _text, lambda: message(RULE, "isi_judul")),
    (("daerah",), _text, lambda: message(RULE, "isi_daerah")),
    (("tempat",), _text, lambda: message(RULE, "isi_tempat")),
    (("periode_mulai",), lambda v: _whole(v, YEARS), lambda: message(RULE, "isi_periode_mulai")),
    (("periode_selesai",), lambda v: _whole(v, YEARS), lambda: message(RULE, "isi_periode_selesai")),
    (("tahap",), lambda v: _whole(v, STAGES), lambda: message(RULE, "isi_tahap", dari=STAGES[0], sampai=STAGES[-1])),
    (("status",), lambda v: v in STATUSES, lambda: message(RULE, "isi_status", pilihan=", ".join(STATUSES))),
    (("penandatangan", "jabatan"), _text, lambda: message(RULE, "isi_penandatangan_jabatan")),
    (("penandatangan", "nama"), _text, lambda: message(RULE, "isi_penandatangan_nama")),
)


def check_plan(extra: object, source: YamlSource | None = None) -> list[Problem]:
    """Every problem of ``extra.rencana`` (``extra`` is the ``extra`` mapping of ``mkdocs.yml``), each at
    its line when ``source`` (the file read by :func:`masterplan.model.sources.read_yaml`) is given."""
    def problem(keys: tuple, text: str, at: tuple[str, str] | None = None, **values: object) -> Problem:
        """``text`` about ``extra.rencana.<keys>``, at its value's line, or at the key ``at`` (parent, name)."""
        line = source.line_of("extra", "rencana", *keys) if source else 1
        if at and source:  # a misspelt name: its own line
            line = where(key_node(node_at(source.node, ["extra", at[0]] if at[0] else ["extra"]), at[1]))[0]
        shown = "'" + ".".join(("extra", "rencana", *keys)) + "'"
        return Problem(CONFIG, line, 0, RULE, f"{message(RULE, text, letak=shown, **values)} {help_reference(RULE)}")

    plan = extra.get("rencana") if isinstance(extra, dict) else None
    if plan is None and isinstance(extra, dict):
        written = difflib.get_close_matches("rencana", [str(key) for key in extra], n=1, cutoff=0.7)
        if written:  # said at the misspelt name's line: the same slip as a misspelt programme field
            return [problem((), "salah_ketik", at=("", written[0]), tertulis=written[0])]
    if not isinstance(plan, dict):
        return [problem((), "bukan_pemetaan")]
    found = []
    # "tahp: 2" leaves tahap unset: said at the misspelt name, as a misspelt programme field is.
    fields = {keys[0] for keys, _, _ in _FIELDS} | {"sumber"}
    typos = {meant: written for written, meant in misspelt_fields(
        [key for key in plan if key not in fields], sorted(fields), sorted(fields - set(plan))).items()}
    for keys, valid, expectation in _FIELDS:
        value: object = plan
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        expected = expectation()
        if value is None and keys[0] in typos:
            found.append(problem(keys, "salah_ketik_kolom", at=("rencana", typos[keys[0]]), tertulis=typos[keys[0]],
                                 kolom=keys[0]))
        elif value is None:
            found.append(problem(keys, "belum_diisi", harapan=expected))
        elif not valid(value):
            found.append(problem(keys, "tidak_sah", nilai=value, harapan=expected))
    sources = plan.get("sumber")  # optional: each view falls back to its own wording
    if isinstance(sources, list):
        found.append(problem(("sumber",), "bukan_pemetaan"))
    elif sources is not None and not isinstance(sources, dict):
        found.append(problem(("sumber",), "tidak_sah", nilai=sources,
                             harapan=message(RULE, "isi_sumber", nama=", ".join(SOURCES))))
    for name, value in sources.items() if isinstance(sources, dict) else ():
        if name not in SOURCES:  # a misspelt name would leave its view's source line at the default
            found.append(problem(("sumber", name), "sumber_tidak_dikenal", nama=name, pilihan=", ".join(SOURCES)))
        elif not _text(value):
            found.append(problem(("sumber", name), "belum_diisi", harapan=message(RULE, "isi_sumber_teks")))
    start, end = plan.get("periode_mulai"), plan.get("periode_selesai")
    if not found and start > end:
        found.append(problem(("periode_selesai",), "periode_terbalik", nilai=end, mulai=start))
    return found


def repo_root(start: Path | None = None) -> Path:
    """The repository the commands work on: the nearest folder from ``start`` (the current directory)
    upwards that holds ``mkdocs.yml``; else the repository this package is installed from."""
    here = (start or Path.cwd()).resolve()
    found = next((folder for folder in (here, *here.parents) if (folder / CONFIG).is_file()), None)
    return found or Path(__file__).resolve().parents[2]


def load(root: Path) -> Settings:
    """The plan settings and the site address of ``root/mkdocs.yml``, as its one reader
    (:mod:`masterplan.model.site_config`) read it. Never raises."""
    source = site_config.source(root)  # a YAML slip is YAML-SALAH, as in every YAML file
    config = source.data if isinstance(source.data, dict) else {}
    problems = source.problems or check_plan(config.get("extra"), source)
    plan = None if problems else from_extra(config["extra"])
    return Settings(plan, site_config.read(root).site_url, tuple(problems))


def from_extra(extra: dict) -> Plan:
    """Build :class:`Plan` from the ``extra`` mapping of ``mkdocs.yml``.

    Raises ``KeyError`` naming the missing key when ``extra.rencana`` lacks a value; call
    :func:`check_plan` first to get every problem as a message instead.
    """
    plan = extra["rencana"]
    signer = plan["penandatangan"]
    return Plan(
        title=plan["judul"], region=plan["daerah"],
        start_year=int(plan["periode_mulai"]), end_year=int(plan["periode_selesai"]),
        stage=int(plan["tahap"]), status=str(plan["status"]), place=plan["tempat"],
        signatory_title=signer["jabatan"], signatory_name=signer["nama"],
        signatory_verified=bool(signer.get("terverifikasi", False)),
        sources=dict(plan.get("sumber") or {}),
    )


def build_date(repo: Path) -> dt.date:
    """The date printed on the cover: ``SOURCE_DATE_EPOCH`` if set, else the last commit's date, else today.

    Taking it from the commit makes two builds of the same commit print the same date.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    try:
        out = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=10, check=True).stdout.strip()
        if out:
            return dt.datetime.fromtimestamp(int(out), dt.timezone.utc).date()
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return dt.date.today()


def indonesian_date(day: dt.date) -> str:
    """Format ``day`` the Indonesian way, e.g. ``30 November 2026`` (CLDR ``id`` locale via Babel)."""
    return format_date(day, "d MMMM y", locale="id")
