"""The check's report within GitHub's limits.

GitHub shows at most 10 error and 10 warning annotations per step and drops the rest without a word;
a job summary larger than 1 MiB is dropped entirely (GitHub Docs, "Workflow commands for GitHub Actions":
"up to 10 warning annotations and 10 error annotations per step", "job summaries are limited to 1MiB").
So: the first ten of each kind become annotations, one notice says how many more there are and where the
full list is, and the summary table is cut to fit, saying so.
"""

from __future__ import annotations

from masterplan.model.problems import ERROR, WARNING, Problem, markdown_table

ANNOTATIONS_PER_KIND = 10
SUMMARY_LIMIT = 1024 * 1024
# Room for what other steps of the same job append to the summary file.
SUMMARY_BUDGET = SUMMARY_LIMIT - 64 * 1024
WHERE_FULL_LIST = ("tab Summary pada halaman run ini (tabel \"Hasil pemeriksaan\") dan log langkah "
                   "pemeriksaan (satu baris per masalah)")


def annotations(problems: list[Problem]) -> list[str]:
    """Workflow commands for the first :data:`ANNOTATIONS_PER_KIND` errors and warnings, plus one notice
    when more problems exist than GitHub shows."""
    shown, hidden = [], {ERROR: 0, WARNING: 0}
    for severity in (ERROR, WARNING):
        of_kind = [p for p in problems if p.severity == severity]
        shown += [p.github() for p in of_kind[:ANNOTATIONS_PER_KIND]]
        hidden[severity] = max(0, len(of_kind) - ANNOTATIONS_PER_KIND)
    if any(hidden.values()):
        counts = " dan ".join(f"{n} {'galat' if s == ERROR else 'peringatan'}" for s, n in hidden.items() if n)
        shown.append(f"::notice title=Masalah lain tidak ditampilkan::GitHub hanya menampilkan "
                     f"{ANNOTATIONS_PER_KIND} anotasi galat dan {ANNOTATIONS_PER_KIND} anotasi peringatan; "
                     f"{counts} lagi tidak tampil di tab Files changed. Daftar lengkapnya ada di {WHERE_FULL_LIST}.")
    return shown


def summary(problems: list[Problem], help_url: str, budget: int = SUMMARY_BUDGET) -> str:
    """The Markdown table of all problems for ``$GITHUB_STEP_SUMMARY``, at most ``budget`` bytes (UTF-8):
    when the whole table does not fit, as many rows as fit and a line saying how many were left out."""
    text = markdown_table(problems, help_url)
    if len(text.encode("utf-8")) <= budget:
        return text
    low, high = 0, len(problems)
    while low < high:  # the largest number of rows whose table, with the note, fits
        middle = (low + high + 1) // 2
        if len(markdown_table(problems, help_url, middle).encode("utf-8")) <= budget:
            low = middle
        else:
            high = middle - 1
    return markdown_table(problems, help_url, low)
