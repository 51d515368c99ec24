"""What ``scripts/validate.py`` checks for the paths it is given: each file by its kind, so that checking one
changed file gives the same answer as the full run gives for that file.

- A page (``.md`` under docs/, any case of extension, or a folder of them): every check of
  :mod:`masterplan.checks`, plus the view markers (``[[tabel-program ...]]``) it holds.
- The programme data (data/program.yml, data/opd.yml, data/dimensi.yml, data/program.schema.json) and
  the workshop stages (data/tahapan.yml): the data checks of :mod:`masterplan.checks.programme_data`,
  never read as a chapter.
- The plan's logic (data/isu.yml, misi.yml, indikator.yml, swot.yml, horizon.yml) and any page or
  programme file: the LOGIKA-* rules of :mod:`masterplan.checks.plan_logic` that concern that file; for
  a data file, also those it causes elsewhere (a programme added makes a count in a chapter wrong, or
  needs a strategy in swot.yml): the pull request's full run reports them, so the editor sees them first.
- Any other file under docs/ (an image, a PDF): its file name.
- mkdocs.yml, or no path at all: the full run (every page, the navigation, the data, every marker), with
  what MkDocs itself refuses in mkdocs.yml first (:func:`full_check`, also the release's pre-flight).
- Whatever the paths: the problems of the files rules.yml reads (data/opd.yml, data/dimensi.yml, the
  project word list; :func:`masterplan.checks.rules_problems`).
Other files (scripts, workflows) have no editor's checks and give no problem.
"""

from __future__ import annotations

from pathlib import Path

from masterplan import checks
from masterplan.checks import config_check, placement, plan_logic
from masterplan.checks.programme_data import check_data
from masterplan.model import documents, plan_logic as logic_data, programmes, rules, site_config, stage_dates
from masterplan.model.problems import Problem
from masterplan.model.result_cache import ResultCache
from masterplan.views import directives

DATA_FILES = {programmes.PROGRAMMES, programmes.OFFICES, programmes.DIMENSIONS, programmes.SCHEMA,
              rules.schema_of(programmes.OFFICES), rules.schema_of(programmes.DIMENSIONS)}
LOGIC_FILES = set(logic_data.FILES)
STAGES = stage_dates.STAGES_FILE


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def _markers(pages: list[Path], root: Path, catalogue: programmes.Catalogue | None) -> list[Problem]:
    """TAMPILAN-PENANDA problems of the pages' view markers (none when the data itself is broken: the
    full run reports the data then, not the markers)."""
    if catalogue is None:
        return []
    found = []
    for path in pages:
        try:
            document = documents.parse(path.read_text(encoding="utf-8"), _relative(path, root) or path.as_posix())
        except (OSError, UnicodeDecodeError):
            continue  # reported by the page checks as BERKAS-TAK-TERBACA
        found += directives.expand(document.body, catalogue, document.path, document.body_line)[1]
    return found


def full_run(root: Path) -> list[Problem]:
    """Every problem of the repository at ``root``: pages, navigation, file names, data and markers."""
    docs = root / "docs"
    # The programme data is read once, for its own checks and the logic rules (when it is broken the logic
    # rules would only repeat its problems). A data file rules.yml reads is reported by the programme data
    # under the same rule: report once.
    memo = _memo(root)
    loaded = programmes.load_catalogue(root, memo=memo)
    found = checks.rules_problems(rules.load()) + checks.run([docs], docs, root, memo=memo) + check_data(root, loaded)
    logic = plan_logic.check(root, catalogue=loaded[0], memo=memo)[1] if loaded[0] is not None else []
    return sorted(dict.fromkeys(found + logic))


def full_check(root: Path) -> list[Problem]:
    """What ``scripts/validate.py`` reports without paths, and the release checks before it builds: what
    MkDocs itself refuses in mkdocs.yml (first: it stops the build before our checks run), then
    :func:`full_run`. Anything the build would stop on is here. Never raises for the files' content."""
    found = full_run(root)
    if "extra" in config_check.misspelt_sections(root):  # said once, as the misspelt name
        found = [problem for problem in found if problem.rule != "PENGATURAN-RENCANA"]
    return sorted(config_check.problems(root)) + found


def _memo(root: Path) -> ResultCache:
    """The answers of this process's earlier checks of the same inputs (nothing is written to disk: a
    check with a few files would prune the build's ``.cache/``)."""
    return ResultCache.for_rules(root, rules.load(), kept=False)


def is_full_run(paths: list[Path], root: Path) -> bool:
    """Whether checking ``paths`` is the full run: no path at all, or ``mkdocs.yml`` among them."""
    return not paths or any(_relative(path, root) == site_config.CONFIG for path in paths)


def check_paths(paths: list[Path], docs_dir: Path, root: Path) -> list[Problem]:
    """Every problem of the files and folders ``paths``, each checked as the kind of file it is.

    ``docs_dir`` is where page names, links and images are resolved; ``root`` is the repository (paths in
    messages are relative to it). Never raises for anything wrong in the files themselves.
    """
    pages, others, data, stages, logic_data_named = [], [], False, False, False
    named = set()  # the files asked for, relative to root: the logic rules report on these only
    if is_full_run(paths, root):
        return full_run(root)
    for path in paths:
        relative = _relative(path, root)
        named.add(relative)
        if path.is_dir() or path.suffix.lower() == ".md" or not path.exists():
            pages.append(path)
        elif relative in DATA_FILES:
            data = True
        elif relative == STAGES:
            stages = True
        elif relative in LOGIC_FILES:  # checked by the logic rules below, with its schema, which judges it
            named.add(relative.replace(".yml", ".schema.json"))
            logic_data_named = True
        elif _relative(path, docs_dir) is not None:
            others.append(path)
    # Whatever the paths: a broken data file of the rules changes what every page's checks can judge.
    problems = checks.rules_problems(rules.load())
    memo = _memo(root)
    problems += checks.run(pages, docs_dir, root, memo=memo) if pages else []
    markdown = [p for p in checks.markdown_files(pages) if p.is_file()] if pages else []
    marked = [p for p in markdown if b"[[" in p.read_bytes()]  # the data is read only when a marker needs it
    catalogue, data_problems = programmes.load_catalogue(root, memo=memo) if (marked or data) else (None, [])
    # The markers in chapters are their pages' problems; a data file of the rules is reported above.
    problems += [p for p in data_problems if p not in problems] if data else []
    problems += _markers(marked, root, catalogue)
    problems += stage_dates.load_stages(root)[1] if stages else []
    markdown_names = {_relative(p, root) for p in markdown}
    logic = [p for p in plan_logic.check(root, catalogue=catalogue, memo=memo)[1]
             if data or logic_data_named or p.path in named | markdown_names]
    problems += [p for p in logic if p not in problems]
    for path in others:
        problem = placement.file_name_problem(_relative(path, root) or path.as_posix(), rules.load())
        problems += [problem] if problem else []
    return sorted(problems)
