"""How far the plan has come, for the home page: the four Bimtek workshop stages (``data/tahapan.yml``, read
and validated by :mod:`masterplan.model.stage_dates`),
the current stage (``mkdocs.yml`` → ``extra.rencana.tahap``), the status of every chapter, and the
PDF download line.

A chapter's status is read, never typed by hand: office and status from its front matter, whether all
required sections are present from the chapter checks (``checks.run`` → rule ``BAGIAN-WAJIB``, the
sections themselves from ``rules.yml``), its word count from its Markdown, its last change from git.
"""

from __future__ import annotations

import datetime as dt
import html
import subprocess
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from masterplan.model import stages as releases
from masterplan.model.documents import Document
from masterplan.model.markdown_table import captioned_table
from masterplan.model.problems import Problem
from masterplan.model.rules import Rules, Section, source_opening
from masterplan.model.settings import indonesian_date
from masterplan.model.stage_dates import Stage

UNKNOWN = "tidak diketahui"  # shown when git has no history for a file (e.g. a build from a zip)
PDF_INFO = "<!-- info-pdf -->"  # filled in after the build, when the PDF exists (see pdf_line)


@dataclass(frozen=True)
class Chapter:
    """One page of the plan document as the dashboard shows it. ``link`` is its Markdown file relative
    to docs/; ``required`` counts the required sections from rules.yml, ``missing`` those the chapter
    checks reported absent; ``changed`` is the date of its last commit, or None when unknown."""

    link: str
    title: str
    office: str
    status: str
    required: int
    missing: int
    words: int
    changed: dt.date | None


@dataclass(frozen=True)
class Progress:
    """Everything the progress views draw: the stages, the current ``stage`` number, the chapters in
    nav order, the labels of the status values (``extra.status`` in mkdocs.yml) and the Markdown list
    of facts still marked "perlu verifikasi" (``markers.listing``)."""

    stages: tuple[Stage, ...]
    stage: int
    chapters: tuple[Chapter, ...]
    status_labels: dict
    verifications: str = ""
    sources: dict = field(default_factory=dict)  # "Sumber:" texts, extra.rencana.sumber


def verification_list(progress: Progress) -> str:
    """The editors' list of every "perlu verifikasi" marker in the plan, with file and line."""
    return progress.verifications


def last_changes(repo: Path, folder: Path, timezone: str = "UTC") -> dict[str, dt.date]:
    """The day (in ``timezone``, an IANA name) of the last commit that touched each file under
    ``folder``, keyed by its path relative to the repository ``repo`` (posix). Author dates, commits
    that only change white space skipped: as the git date plugin counts them. One ``git log`` for all
    files. Returns ``{}`` without git or without history (pages then say "tidak diketahui"); never raises."""
    try:
        out = subprocess.run(["git", "-C", str(repo), "log", "--format=%x00%at", "--name-only", "-w",
                              "--ignore-blank-lines", "--", str(folder)],
                             capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    zone = ZoneInfo(timezone)
    found: dict[str, dt.date] = {}
    for block in out.split("\0")[1:]:
        stamp, *names = block.strip().split("\n")
        for name in filter(None, names):
            found.setdefault(name, dt.datetime.fromtimestamp(int(stamp), zone).date())
    return found


def word_count(document: Document) -> int:
    """Words a reader sees in the page's text (paragraphs, tables, lists, admonitions), not counting
    headings, Markdown syntax, front matter or the tables generated from data."""
    return sum(document.word_lines.values())


def required_count(sections: tuple[Section, ...]) -> int:
    """How many required sections (with their required sub-sections) an outline from rules.yml holds."""
    return sum(1 + required_count(section.children) for section in sections)


def chapter(document: Document, link: str, title: str, office: str, rules: Rules, problems: list[Problem],
            changed: dt.date | None) -> Chapter:
    """The dashboard row of one page: ``document`` as parsed for the checks (``document.path`` as in
    the problems), ``link`` relative to docs/, its numbered ``title`` and ``office`` name; ``problems``
    are those of ``checks.run`` over docs/."""
    missing = sum(1 for p in problems if p.path == document.path and p.rule == "BAGIAN-WAJIB")
    return Chapter(link, title, office, str(document.meta.get("status", "")),
                   required_count(rules.outline(link).sections), missing, word_count(document), changed)


def _roman(number: int) -> str:
    return ("I", "II", "III", "IV")[number - 1]


def stage_table(progress: Progress) -> str:
    """The four workshop stages with their dates, topics and outputs, and which one is under way
    (``[[tahapan-bimtek]]``)."""
    def state(number: int) -> str:
        if number < progress.stage:
            return "Sudah berlangsung"
        return "**Sedang berjalan**" if number == progress.stage else "Belum"
    rows = [[f"Tahap {_roman(s.number)}", s.when, s.topics, s.output, state(s.number)] for s in progress.stages]
    return captioned_table(["Tahap", "Waktu", "Pokok bahasan", "Keluaran", "Keadaan"], "lllll", rows,
                           "Tahapan Bimtek penyusunan rencana induk smart city",
                           f"{source_opening()} {progress.sources.get('tahapan') or 'Tim Penyusun'}.")


def current_stage(progress: Progress, version: str | None = None) -> str:
    """A short note for the top of the home page (``[[tahap-saat-ini]]``): the stage out of all, its date
    and its output, with a link to the stages table. The draft and a plain build (``version`` None or
    ``draf``) say the stage is under way; a released stage (``tahap-1``, from :func:`releases.building`
    when not given) is frozen and stays true after later stages, so it names the stage it is the result of."""
    current = progress.stages[progress.stage - 1]
    stage, total = _roman(current.number), _roman(len(progress.stages))
    released = releases.parse((releases.building() if version is None else version) or "") is not None
    title, subject = (f"Versi ini: hasil Tahap {stage} dari {total}", "Versi ini") if released else \
        (f"Tahap {stage} dari {total} sedang berjalan", "Draf ini")
    return (f'!!! info "{title}"\n'
            f"    {subject} disusun pada **tahap {stage}** ({current.when}); keluarannya: "
            f"{current.output[0].lower()}{current.output[1:]}. [Lihat semua tahap](#tahapan-penyusunan)\n")


def _sections(chapter: Chapter) -> str:
    if not chapter.required:
        return "tidak ada bagian wajib"
    if not chapter.missing:
        return f"lengkap ({chapter.required} dari {chapter.required})"
    return f"**kurang {chapter.missing}** dari {chapter.required}"


def status_table(progress: Progress) -> str:
    """The status dashboard (``[[status-bab]]``): a one-line summary, then one row per page of the plan
    document with its office, status, required sections, word count and last change, folded away under
    "Rincian per halaman" (on a phone the rows are cards, six screens long: the summary is what most
    readers of the home page need)."""
    labels = progress.status_labels
    rows = [[f"[{c.title}]({c.link})", c.office, labels.get(c.status, c.status), _sections(c),
             format_decimal(c.words, locale="id"), indonesian_date(c.changed) if c.changed else UNKNOWN]
            for c in progress.chapters]
    counts = {key: sum(1 for c in progress.chapters if c.status == key) for key in labels}
    complete = sum(1 for c in progress.chapters if not c.missing)
    total = format_decimal(sum(c.words for c in progress.chapters), locale="id")
    lead = (f"{len(progress.chapters)} halaman dokumen, {total} kata; "
            + ", ".join(f"{n} {key}" for key, n in counts.items())
            + f"; bagian wajib lengkap di {complete} dari {len(progress.chapters)} halaman.\n\n")
    header = ["Halaman", "Penanggung jawab", "Status", "Bagian wajib", "Kata", "Perubahan terakhir"]
    table = captioned_table(header, "llllrl", rows, "Status penyusunan per halaman dokumen",
                            f"{source_opening()} {progress.sources.get('status') or 'Tim Penyusun'}.")
    return lead + f'??? abstract "Rincian per halaman ({len(progress.chapters)} halaman)"\n\n' + textwrap.indent(table, "    ")


def pdf_placeholder(progress: Progress) -> str:
    """Where the PDF download line goes (``[[unduh-pdf]]``): filled by :func:`pdf_line` once the PDF
    is written, because pages are rendered before the PDF exists."""
    return f'<p class="info-pdf">{PDF_INFO}</p>\n'


def pdf_line(pdf: Path, href: str, pages: int | None, dated: str, newest: tuple[str, str] | None = None) -> str:
    """The HTML that replaces :data:`PDF_INFO`: a link to ``pdf`` (at ``href`` from the page) with its
    size in MB and page count, and the date printed on its cover. When no PDF is in this version
    (``pages`` is None or the file is missing): a link to the newest released stage's PDF when ``newest``
    gives ``(label, href)`` (the draft: ``("Tahap 2", "../terbaru/pdf/…")``), else a sentence for readers."""
    if pages is None or not pdf.is_file():
        if newest is not None:
            label, latest = newest
            # data-terbit-judul: renamed from versions.json when a stage is released after this draft
            # (overrides/partials/javascripts/spanduk-versi.html).
            return (f'Versi ini tidak memuat PDF. <a href="{html.escape(latest)}" download>Unduh PDF '
                    f'<span data-terbit-judul>{html.escape(label)}</span></a>, versi terbit terakhir.')
        return "Dokumen PDF belum tersedia untuk versi ini."
    size = format_decimal(round(pdf.stat().st_size / 1_000_000, 1), locale="id")
    return (f'<a href="{href}" download>Unduh dokumen lengkap (PDF, {size} MB, {pages} halaman)</a>, '
            f"versi bertanggal {dated}.")
