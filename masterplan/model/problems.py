"""One problem found by a check, and the three ways of printing a list of them.

Every check in this project reports through :class:`Problem`, so that editors meet the same form
everywhere: ``path:line:col: [RULE-ID] pesan`` in the terminal and the build log, GitHub annotations on
the pull request, and a Markdown table in the job summary (annotations alone show only about ten).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

ERROR = "error"
WARNING = "warning"

HELP_PAGE = "panduan/aturan-pemeriksaan/"  # where every rule ID is explained, relative to the site root
_CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"


@cache
def help_url() -> str:
    """The help page's absolute address (``site_url`` of the repository's ``mkdocs.yml`` + :data:`HELP_PAGE`),
    so that the link opens from a GitHub annotation or a terminal; the relative path when ``site_url``
    cannot be read (the settings check then reports ``mkdocs.yml``). Never raises."""
    try:
        site_url = yaml.safe_load(_CONFIG.read_text(encoding="utf-8")).get("site_url")
    except (OSError, ValueError, AttributeError, yaml.YAMLError):
        site_url = None
    return f"{site_url.rstrip('/')}/{HELP_PAGE}" if isinstance(site_url, str) and site_url else HELP_PAGE


def help_reference(rule: str) -> str:
    """The pointer that ends every message: the help page and the rule's fixed anchor there."""
    return f"Lihat panduan: {help_url()}#{rule.lower()}"


@dataclass(frozen=True, order=True)
class Problem:
    """A problem in a file: 1-based ``line`` and ``column`` (0 when unknown), a stable English-free
    rule ID such as ``BAGIAN-WAJIB``, a Bahasa Indonesia ``message`` saying what is wrong and how to
    fix it, and ``severity`` (:data:`ERROR` fails the check, :data:`WARNING` does not)."""

    path: str
    line: int
    column: int
    rule: str
    message: str
    severity: str = ERROR

    def text(self) -> str:
        """``path:line:col: [RULE-ID] pesan`` (column left out when unknown)."""
        where = f"{self.path}:{self.line}" + (f":{self.column}" if self.column else "")
        level = "" if self.severity == ERROR else " (peringatan)"
        return f"{where}: [{self.rule}]{level} {self.message}"

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the file and line in the pull request."""
        def escape(value: str, property_: bool = False) -> str:
            value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return value.replace(":", "%3A").replace(",", "%2C") if property_ else value
        column = f",col={self.column}" if self.column else ""
        return (f"::{self.severity} file={escape(self.path, True)},line={self.line}{column},"
                f"title={escape(self.rule, True)}::{escape(self.message)}")


def summary_line(problems: list[Problem]) -> str:
    """One closing line in Bahasa Indonesia, e.g. ``2 galat, 1 peringatan di 2 berkas.``"""
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if not problems:
        return "Tidak ada masalah ditemukan."
    return f"{errors} galat, {warnings} peringatan di {files} berkas."


def markdown_table(problems: list[Problem], help_url: str = "") -> str:
    """All problems as a Markdown table for ``$GITHUB_STEP_SUMMARY``, with a link to the help page."""
    rows = ["| Berkas | Baris | Aturan | Pesan |", "|---|---:|---|---|"]
    for p in sorted(problems):
        message = p.message.replace("|", "\\|")
        level = "" if p.severity == ERROR else " (peringatan)"
        rows.append(f"| `{p.path}` | {p.line} | `{p.rule}`{level} | {message} |")
    head = f"### Hasil pemeriksaan\n\n{summary_line(problems)}"
    if help_url:
        head += f" Penjelasan setiap aturan: [{help_url}]({help_url})."
    return head + "\n\n" + ("\n".join(rows) if problems else "") + "\n"
