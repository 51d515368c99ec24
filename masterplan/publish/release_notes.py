"""The notes of a stage's GitHub release (``catatan-rilis.md``): what the release attaches, then the
stage's changes against the previous stage (:mod:`masterplan.publish.change_report`), or its size for the
first stage. Read by citizens on the release page, so pages are linked at the stage's address.
"""

from __future__ import annotations

from pathlib import Path

from masterplan.model import stages
from masterplan.model.documents import count_words
from masterplan.pdf import worksheets
from masterplan.publish.change_report import compare, number, read_version, report


def release_notes(repo: Path, tag: str, excluded: list[str], site: str | None = None, pdf: bool = True) -> str:
    """Release notes for stage ``tag``: the files attached, then its changes against the previous stage
    (or, for the first stage, its size), in Markdown for the GitHub release; with ``site`` (the stage's
    address) pages are linked there, not named by file. ``pdf=False`` (a rehearsal with ``--tanpa-pdf``)
    announces only the offline site, the one file such a release makes. Raises ``ValueError`` for a
    non-stage tag."""
    stage = stages.parse(tag)
    if stage is None:
        raise ValueError(f"'{tag}' bukan tag rilis; gunakan {stages.TAG_RULE}.")
    before = stages.previous(stage, stages.released(repo))
    new = read_version(repo, tag, excluded)
    head = f"Rencana Induk Smart City Kabupaten Bangli, {stage.label}. {attachments(stage, pdf)}\n\n"
    if before is None:
        return head + (f"## {stage.label}\n\nRilis pertama: {len(new)} halaman dokumen, "
                       f"{number(sum(count_words(d.body) for d in new.values()))} kata.\n")
    return head + report(compare(read_version(repo, before.tag, excluded), new), before.label, stage.label,
                         site=site)


def attachments(stage: stages.Stage, pdf: bool = True) -> str:
    """The sentence naming the files the release of ``stage`` attaches (``dist/``): the plan's PDF and the
    Daftar Kebutuhan Data's worksheets when ``pdf``, and the offline site."""
    sheets = worksheets.file_name(stage.pdf_name)
    files = [f"PDF dokumen (`{stage.pdf_name}`)", f"lembar kerja Daftar Kebutuhan Data untuk diisi OPD (`{sheets}`)"]
    files = (files if pdf else []) + [f"salinan situs yang dapat dibuka tanpa internet (`{stage.zip_name}`: "
                                      "ekstrak, lalu buka `index.html`)"]
    return f"Lampiran rilis: {', '.join(files[:-1])}{' dan ' if files[:-1] else ''}{files[-1]}."
