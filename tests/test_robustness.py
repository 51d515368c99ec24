"""No traceback anywhere an editor can reach: every file an editor can touch (a chapter, the glossary,
data/*.yml, mkdocs.yml with extra.rencana, .github/tim-opd.yml) is replaced by random bytes or a mutation
of the real file, and every entry point must answer with ``path:line: [RULE-ID]`` lines of rules.yml and
a summary (exit 1 exactly when one is an error), or a pass, never an exception: validate.py with and
without paths, the pre-commit hooks as .pre-commit-config.yaml runs them, codeowners.py --check, the
release's preflight (release.py draf and TAG, before anything is built), and the MkDocs build
(configuration stage here, with the plugins; whole builds in the build tier)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from checks_util import copy_project, rules_read_from
from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings, strategies as st
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException, PluginError

from masterplan import checks
from masterplan.cli import codeowners, validate
from masterplan.model import rules, stages
from masterplan.publish import release

EDITABLE = ["docs/bab-9-penutup.md", "docs/lampiran/daftar-istilah.md", "docs/index.md", "data/program.yml",
            "data/opd.yml", "data/dimensi.yml", "data/tahapan.yml", "mkdocs.yml", ".github/tim-opd.yml",
            "data/horizon.yml", "data/swot.yml", "data/isu.yml", "data/misi.yml", "data/indikator.yml",
            "data/tonggak.yml", "data/rpjmd.yml", "kata-proyek.txt",
            *sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "data").glob("*.schema.json"))]
# The package too, so that the whole-build subprocess reads the copy's rules.yml (and with it the copy's data
# files and word list) when PYTHONPATH names the copy.
COPIED = ["docs", "data", "overrides", "scripts", ".github", "mkdocs.yml", "kata-proyek.txt", "masterplan"]


def _copy(target: Path) -> Path:
    return copy_project(ROOT, target, COPIED)


@st.composite
def mutations(draw) -> tuple[str, bytes]:
    """(file, new bytes): random bytes, or the real file with a slice cut, bytes or text inserted, a
    number changed (``tahap: 5``), or re-encoded the way Windows editors save it."""
    name = draw(st.sampled_from(EDITABLE))
    real = (ROOT / name).read_bytes()
    kind = draw(st.sampled_from(["bytes", "cut", "insert", "number", "encoding"]))
    if kind == "bytes":
        return name, draw(st.binary(max_size=300))
    at = draw(st.integers(0, len(real)))
    if kind == "cut":
        return name, real[:at] + real[at + draw(st.integers(1, 400)):]
    if kind == "insert":
        piece = draw(st.one_of(st.binary(max_size=20), st.sampled_from(
            [b"\t", b": ", b"- ", b"\"", b"'", b"{", b"[", b"\xff\xfe", b"\x93kutip\x94", b"---\n", b"\n  x: [1"])))
        return name, real[:at] + piece + real[at:]
    if kind == "number":
        numbers = list(re.finditer(rb"\d+", real))
        if not numbers:
            return name, real
        match = draw(st.sampled_from(numbers))
        value = str(draw(st.integers(-5, 99999))).encode()
        return name, real[:match.start()] + value + real[match.end():]
    return name, real.decode("utf-8").encode(draw(st.sampled_from(["utf-16", "cp1252", "latin-1"])), "replace")


# What an editor reads: ``path:line[:column]: [RULE-ID] pesan`` lines (the rule in rules.yml) and one summary.
PROBLEM_LINE = re.compile(r"^[^\s:][^:]*:\d+(?::\d+)?: \[([A-Z][A-Z0-9-]*)\]( \(peringatan\))? \S")
SUMMARY_LINE = re.compile(r"^(Tidak ada masalah ditemukan\.|\d+ galat, \d+ peringatan di \d+ berkas\.)$")
REGISTRY = set(rules.load().catalogue)
PROBLEM_IN_LOG = re.compile(r"\S+:\d+(?::\d+)?: \[[A-Z][A-Z0-9-]*\]")  # a problem line inside MkDocs' log lines
COMMANDS = {"scripts/validate.py": validate.main, "scripts/codeowners.py": codeowners.main}


def _problem_lines(lines: list[str]) -> list[re.Match]:
    """Each of ``lines`` as a problem line naming a registered rule; fails on the first that is not."""
    found = [PROBLEM_LINE.match(line) for line in lines]
    bad = [line for line, match in zip(lines, found) if not match or match[1] not in REGISTRY]
    assert not bad, f"not a 'path:line: [RULE-ID]' line of rules.yml: {bad[0]!r}"
    return found


def _command(main, argv: list[str]) -> None:
    """Run a command's ``main`` as its script would; it answers with problem lines and one summary, and
    exits 1 exactly when a line is an error (any problem, for the CODEOWNERS check)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        try:
            status = main(argv)
        except SystemExit as stop:  # argparse and sys.exit: a clean exit, not a traceback
            status = stop.code
    *lines, summary = out.getvalue().splitlines() or [""]
    assert SUMMARY_LINE.match(summary), out.getvalue()[-2000:]
    found = _problem_lines(lines)
    errors = [m for m in found if not m[2]] if main is validate.main else found
    assert status == (1 if errors else 0), out.getvalue()[-2000:]


def _pre_commit_hooks() -> list[tuple[str, list[str], bool]]:
    """``(script, arguments, pass_filenames)`` of each hook in .pre-commit-config.yaml, so that the hook
    as configured is what is fuzzed (a hook running another command fails here until it is added)."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = []
    for hook in (h for repo in config["repos"] for h in repo["hooks"]):
        python, script, *args = hook["entry"].split()
        assert python == "python" and script in COMMANDS, hook["entry"]
        hooks.append((script, args, hook.get("pass_filenames", True)))
    return hooks


@pytest.fixture(scope="module")
def scratch_copy(tmp_path_factory) -> Path:
    return _copy(tmp_path_factory.mktemp("robust") / "repo")


@pytest.fixture()
def scratch(scratch_copy, monkeypatch) -> Path:
    """The copy, with rules.yml read from it: the data files and the word list that rules.yml reads
    (relative to the repository holding it) are then the copy's, so that mutating them reaches the rules."""
    rules_read_from(scratch_copy, monkeypatch)
    return scratch_copy


def test_the_rules_read_the_copys_data_files(scratch):
    """What the fuzz mutates in data/opd.yml, data/dimensi.yml and kata-proyek.txt reaches the rules."""
    for name in ("data/opd.yml", "data/dimensi.yml", "kata-proyek.txt"):
        target = scratch / name
        original = target.read_bytes()
        try:
            target.write_bytes(b"\xff\n")
            assert [p.path for p in checks.rules_problems(rules.load())] == [name]
        finally:
            target.write_bytes(original)
    assert not checks.rules_problems(rules.load())


def _build_config_stage(root: Path) -> None:
    """The build up to the end of ``on_config`` (settings, programme data, stages, glossary, issue form):
    the real MkDocs configuration and plugins, as ``mkdocs build`` runs them. Our plugin stops the build
    with problem lines; MkDocs' own configuration errors (a YAML slip in mkdocs.yml, which validate.py
    reports as YAML-SALAH) are one message without a traceback."""
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        config.plugins.on_config(config)
    except PluginError as error:  # perhaps "<what> belum benar (N masalah):", then one problem line each
        lines = str(error).splitlines()
        assert _problem_lines(lines[1:] if lines[0].endswith("):") else lines), str(error)
    except MkDocsException:
        pass


def _release_preflight(root: Path) -> None:
    """What the release reads of mkdocs.yml before anything is built (``release.py draf`` and ``release.py
    TAG``): a plan, or a ReleaseError listing the problem lines, or one saying the tag does not match."""
    try:
        release.plan_settings(root)
    except release.ReleaseError as error:
        _problem_lines(str(error).splitlines()[1:])
        return
    for tag in ("tahap-1", "tahap-4", "final"):
        with contextlib.suppress(release.ReleaseError):
            release.check_settings(root, stages.parse(tag))


# The entry points that read each kind of file: validate.py without paths and with the file, the
# pre-commit hooks as configured, the CODEOWNERS check, the build's configuration stage, the release.
def _entry_points(name: str, target: Path) -> list:
    root = target.parents[len(Path(name).parts) - 1]
    commands = [("scripts/validate.py", []), ("scripts/validate.py", [str(target)])]
    commands += [(script, args + ([str(target)] if files else [])) for script, args, files in _pre_commit_hooks()]
    if name.endswith(".md") or name == ".github/tim-opd.yml":
        commands.append(("scripts/codeowners.py", ["--check"]))
    unique = list(dict.fromkeys((script, tuple(args)) for script, args in commands))  # the hook is validate.py
    points = [lambda script=script, args=args: _command(COMMANDS[script], list(args)) for script, args in unique]
    if name in ("mkdocs.yml", "docs/lampiran/daftar-istilah.md", "kata-proyek.txt") or name.startswith("data/"):
        points.append(lambda: _build_config_stage(root))
    if name == "mkdocs.yml":
        points.append(lambda: _release_preflight(root))
    return points


# The build tier: each example runs real commands over the whole plan, the build's configuration stage
# included; FUZZ_EXAMPLES=200 for a longer hunt.
# Found by longer hunts (FUZZ_EXAMPLES=300): a stages file that is one character, and a schema whose
# definition was renamed while a "$ref" still points at it (jsonschema raised while validating).
_ISSUES_SCHEMA = (ROOT / "data/isu.schema.json").read_bytes()
FOUND_BY_HUNTS = [("data/tahapan.yml", b"("),
                  ("data/isu.schema.json", _ISSUES_SCHEMA.replace(b'"teks": {', b'"eks": {', 1))]


@pytest.mark.build
@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "8")), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(change=mutations())
@example(change=FOUND_BY_HUNTS[0])
@example(change=FOUND_BY_HUNTS[1])
def test_no_entry_point_raises_on_what_an_editor_can_save(scratch, change, monkeypatch):
    name, data = change
    target = scratch / name
    original = target.read_bytes()
    target.write_bytes(data)
    monkeypatch.chdir(scratch)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # codeowners.py prints annotations there
    try:
        for entry_point in _entry_points(name, target):
            entry_point()
    finally:
        target.write_bytes(original)


@pytest.mark.parametrize("name, before, after", [
    ("docs/bab-9-penutup.md", "Penutup", "Penutup \x93kutip\x94"),  # saved as Windows-1252
    ("docs/lampiran/daftar-istilah.md", "Istilah", "Istilah \xe9"),
    ("mkdocs.yml", "    tahap: 2", "    tahap: 5"),
    ("data/tahapan.yml", "1:\n", "1:\n\t["),
    (".github/tim-opd.yml", "tim:\n", "tim:\n\t["),
    ("data/opd.yml", "Perangkat", "Perangkat \xe9"),  # read by rules.yml: once fell back to no codes silently
    ("data/dimensi.yml", "Enam", "Enam \xe9"),
    ("kata-proyek.txt", "Daftar", "Daftar \xe9"),
    ("data/program.schema.json", "{", "{\x93"),
    ("data/isu.schema.json", "{", "{\x93"),
])
def test_former_crashes_are_messages_with_file_and_line(scratch, monkeypatch, capsys, name, before, after):
    """Inputs that once crashed a command with a traceback (a Windows-1252 chapter, a stage out of range,
    a tab in YAML), each through the entry point that crashed: a message naming the file."""
    target = scratch / name
    original = target.read_bytes()
    target.write_bytes(original.replace(before.encode(), after.encode("latin-1"), 1))
    monkeypatch.chdir(scratch)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # codeowners.py prints annotations there
    try:
        for entry_point in _entry_points(name, target):
            entry_point()
        assert validate.main([]) == (0 if name == ".github/tim-opd.yml" else 1)
        if name.endswith(".md") or name.startswith(".github"):
            assert codeowners.main(["--check"]) == 1
            assert f"{name}:" in capsys.readouterr().out
    finally:
        target.write_bytes(original)


# Found by this test in CI: a cut that leaves the tail of a comment line as mkdocs.yml's first line, a
# name MkDocs does not know; the build stopped in English while validate.py said "no problems".
_CONFIG = (ROOT / "mkdocs.yml").read_bytes()
CUT_COMMENT = ("mkdocs.yml", _CONFIG[_CONFIG.index(b"bagian `extra.rencana`"):])
# Found by this test on 2026-12-03: a YAML slip MkDocs cannot read, said by validate.py with its column
# ("mkdocs.yml:1:2: [YAML-SALAH]"), which the line pattern below did not allow.
NOT_YAML = ("mkdocs.yml", b"*")


@pytest.mark.build
@settings(max_examples=4, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(change=mutations())
@example(change=CUT_COMMENT)
@example(change=NOT_YAML)
def test_site_build_never_shows_a_traceback(scratch, change, tmp_path_factory):
    """The whole site build (no PDF) of a mutated copy: it passes or stops with a message, no traceback."""
    name, data = change
    target = scratch / name
    original = target.read_bytes()
    target.write_bytes(data)
    site = tmp_path_factory.mktemp("site")
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("ENABLE_PDF_EXPORT", "PDF_VARIANT")}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                                cwd=scratch, capture_output=True, text=True, timeout=300,
                                env=dict(env, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(scratch)))
        log = result.stderr + result.stdout
        assert "Traceback" not in log, (name, result.stderr[-3000:])
        assert set(re.findall(r"\[([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\]", log)) <= REGISTRY, log[-3000:]
        if result.returncode == 0 or PROBLEM_IN_LOG.search(log):
            return  # built, or stopped at a file and line
        # Only MkDocs' own reading of mkdocs.yml, before any plugin of ours runs, stops in its own words
        # ("Error: ...", "Aborted with 1 configuration warnings"); the pull request's check must have said
        # then, at a line of mkdocs.yml, what the build stops on.
        assert name == "mkdocs.yml" and re.search(r"^(Error: |Aborted with )", log, re.M), (name, log[-3000:])
        out = io.StringIO()
        with contextlib.chdir(scratch), contextlib.redirect_stdout(out):
            status = validate.main([])
        assert status == 1 and re.search(r"^mkdocs\.yml:\d+(?::\d+)?: \[", out.getvalue(), re.M), (log, out.getvalue())
    finally:
        target.write_bytes(original)
