"""One problem found by a check, and the three ways of printing a list of them.

Every check in this project reports through :class:`Problem`, so that editors meet the same form
everywhere: ``path:line:col: [RULE-ID] pesan`` in the terminal and the build log, GitHub annotations on
the pull request, and a Markdown table in the job summary (annotations alone show only about ten).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from masterplan.model import rule_texts
from masterplan.model.markdown_table import markup_cell, pipe_table
from masterplan.model.stages import DRAFT_VERSION

ERROR = "error"
WARNING = "warning"

# The editors' guide, docs/panduan/: pages on the website only, not in the PDF (mkdocs.yml ``exclude_pages``
# of masterplan-pdf, which tests/test_site.py ties to this), not in the readers' search, and no plan page
# may link to it (TAUTAN-RUSAK). The one spelling of the folder in the code.
EDITORS_GUIDE = "panduan/"
HELP_DOC = f"{EDITORS_GUIDE}aturan-pemeriksaan"  # where every rule ID is explained: docs/<HELP_DOC>.md
# The site is published with mike in version folders; the draft folder always exists, so the link
# points there (a version-less deep path is a 404).
HELP_PAGE = f"{DRAFT_VERSION}/{HELP_DOC}/"  # relative to the site root
_FALLBACK_REPO = "https://github.com/pemkab-bangli/masterplan-smart-city"  # when mkdocs.yml cannot be read
# ``site_url`` and ``repo_url`` of the package's own mkdocs.yml ("" when unset), set by the one reader of
# that file, masterplan.model.site_config, which masterplan/__init__.py imports with this package.
# It cannot be imported here: it reads through masterplan.model.sources, whose problems end with help_url.
site_addresses: Callable[[], tuple[str, str]] = lambda: ("", "")


def help_url() -> str:
    """The help page's absolute address: ``site_url`` of the repository's ``mkdocs.yml`` + :data:`HELP_PAGE`
    (the draft version folder); without ``site_url`` the help file in the repository on GitHub (from
    ``repo_url``, else :data:`_FALLBACK_REPO`), so the link always opens from a GitHub annotation or a
    terminal. Follows edits of mkdocs.yml (``mkdocs serve``). Never raises."""
    site_url, repo_url = (address.strip() for address in site_addresses())
    if site_url:
        return f"{site_url.rstrip('/')}/{HELP_PAGE}"
    repo = repo_url.rstrip("/") or _FALLBACK_REPO
    return f"{repo}/blob/main/docs/{HELP_DOC}.md"


def help_reference(rule: str) -> str:
    """The pointer that ends every message: the help page and the rule's fixed anchor there, worded by
    ``panduan`` in rules.yml."""
    return rule_texts.registry()["panduan"].format(alamat=f"{help_url()}#{rule.lower()}")


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
        """``path:line:col: [RULE-ID] pesan`` on one line (column left out when unknown): a line break in
        the message (a quoted setext heading spans two lines) becomes a space, so that every line of a
        report names its file and rule."""
        where = f"{self.path}:{self.line}" + (f":{self.column}" if self.column else "")
        level = "" if self.severity == ERROR else " (peringatan)"
        return f"{where}: [{self.rule}]{level} {' '.join(self.message.splitlines())}"

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the file and line in the pull request."""
        def escape(value: str, property_: bool = False) -> str:
            value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return value.replace(":", "%3A").replace(",", "%2C") if property_ else value
        column = f",col={self.column}" if self.column else ""
        return (f"::{self.severity} file={escape(self.path, True)},line={self.line}{column},"
                f"title={escape(self.rule, True)}::{escape(self.message)}")


def problem_files(problems: list[Problem]) -> str:
    """The files ``problems`` are in, sorted, for a report's title ("data/opd.yml, kata-proyek.txt")."""
    return ", ".join(sorted({problem.path for problem in problems}))


def summary_line(problems: list[Problem]) -> str:
    """One closing line in Bahasa Indonesia, e.g. ``2 galat, 1 peringatan di 2 berkas.``"""
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if not problems:
        return "Tidak ada masalah ditemukan."
    return f"{errors} galat, {warnings} peringatan di {files} berkas."


def markdown_table(problems: list[Problem], help_url: str = "", rows_shown: int | None = None) -> str:
    """All problems as a Markdown table for ``$GITHUB_STEP_SUMMARY``, with a link to the help page.
    ``rows_shown`` keeps only that many rows, with a note saying the table was cut (GitHub's size limit)."""
    rows = [[f"`{p.path}`", p.line, f"`{p.rule}`" + ("" if p.severity == ERROR else " (peringatan)"), p.message]
            for p in sorted(problems)[:rows_shown]]
    head = f"### Hasil pemeriksaan\n\n{summary_line(problems)}"
    if help_url:
        head += f" Penjelasan setiap aturan: [{help_url}]({help_url})."
    if rows_shown is not None and rows_shown < len(problems):
        head += (f"\n\n> **Tabel ini dipotong** (GitHub membatasi ringkasan sampai 1 MiB): tampil {rows_shown} dari "
                 f"{len(problems)} masalah, urut berkas dan baris. Daftar lengkapnya ada di log langkah "
                 "pemeriksaan, satu baris per masalah.")
    table = pipe_table(["Berkas", "Baris", "Aturan", "Pesan"], "lrll", rows, markup_cell) if problems else ""
    return head + "\n\n" + table + "\n"
