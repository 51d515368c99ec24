"""The command scripts/validate.py, the help page, robustness (hypothesis) and the real MkDocs build."""

from __future__ import annotations

import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest
from checks_util import CHAPTER
from conftest import ROOT, run_build
from hypothesis import HealthCheck, given, settings, strategies as st

from masterplan import checks
from masterplan.cli import validate as validate_cli
from masterplan.model import rules as rules_module
from masterplan.model.problems import Problem

VALIDATE = ROOT / "scripts" / "validate.py"
BROKEN = CHAPTER.replace("## Kaidah Pelaksanaan\n", "") + "\nTeks \u201ckutip\u201d.\n\nKata kabupatn.\n"


def validate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(VALIDATE), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def validate_here(capsys, *args: str) -> tuple[int, list[str]]:
    """Exit status and output lines of ``scripts/validate.py ARGS`` run in-process (its ``main``); the
    script itself, as a command, is run once, by :func:`test_current_plan_passes_clean`."""
    try:
        status = validate_cli.main(list(args))
    except SystemExit as stop:  # --help
        status = stop.code
    return status, capsys.readouterr().out.splitlines()


def test_current_plan_passes_clean():
    """The pull request's check exactly as it runs: the script as a command over the whole plan."""
    result = validate()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    # Spelling warnings may come and go while chapters are written; errors may not.
    assert [line for line in result.stdout.splitlines() if "] " in line and "(peringatan)" not in line] == []
    assert re.fullmatch(r"(Tidak ada masalah ditemukan\.|0 galat, \d+ peringatan di \d+ berkas\.)",
                        result.stdout.splitlines()[-1])


def test_text_format_exit_status_and_summary(tmp_path, capsys):
    page = tmp_path / "docs" / "bab-9-penutup.md"
    page.parent.mkdir()
    page.write_text(BROKEN, encoding="utf-8")
    status, lines = validate_here(capsys, str(page))
    assert status == 1
    assert re.match(r"^\S*bab-9-penutup\.md:13: \[BAGIAN-WAJIB\] ", lines[0])
    assert any("[KUTIP-MIRING]" in line for line in lines)
    assert any("[EJAAN] (peringatan)" in line and "kabupatn" in line for line in lines)
    assert lines[-1] == "2 galat, 1 peringatan di 1 berkas."
    warnings_only = tmp_path / "docs" / "bab-9-penutup.md"
    warnings_only.write_text(CHAPTER + "\nKata kabupatn.\n", encoding="utf-8")
    assert validate_here(capsys, str(warnings_only))[0] == 0


def test_github_format_writes_annotations_and_summary(tmp_path, capsys, monkeypatch):
    page = tmp_path / "docs" / "bab-9-penutup.md"
    page.parent.mkdir()
    page.write_text(BROKEN, encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    status, lines = validate_here(capsys, str(page), "--format", "github", "--summary", str(summary))
    out = "\n".join(lines)
    assert status == 1
    assert re.search(r"^::error file=\S+bab-9-penutup\.md,line=13,title=BAGIAN-WAJIB::Bagian wajib", out, re.M)
    assert re.search(r"^::warning file=.*title=EJAAN::", out, re.M)
    table = summary.read_text(encoding="utf-8")
    assert "| Berkas | Baris | Aturan | Pesan |" in table and "`BAGIAN-WAJIB`" in table
    env_summary = tmp_path / "step.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(env_summary))
    validate_here(capsys, str(page), "--format", "github")
    assert "`KUTIP-MIRING`" in env_summary.read_text(encoding="utf-8")


def test_help_option_is_the_docstring(capsys):
    status, lines = validate_here(capsys, "--help")
    out = "\n".join(lines)
    assert status == 0 and "--format" in out and "Status keluar" in out


def test_every_rule_is_declared_used_and_explained():
    """Every rule ID in the code (a quoted capitalised ID with a hyphen, or a registered one) is in
    rules.yml with a severity and a summary, and has its section on the help page; no registered ID is
    unused. Fails when code emits an ID the registry lacks."""
    registry = rules_module.load().catalogue
    code = "\n".join(p.read_text(encoding="utf-8") for folder in (ROOT / "masterplan", ROOT / "scripts")
                     for p in folder.rglob("*.py"))
    literals = set(re.findall(r'"([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)"', code))
    used = {literal for literal in literals if "-" in literal or literal in registry}
    page = (ROOT / "docs/panduan/aturan-pemeriksaan.md").read_text(encoding="utf-8")
    explained = dict(re.findall(r"^## ([A-Z0-9-]+) \{ #([a-z0-9-]+) \}$", page, re.M))
    assert used - set(registry) == set(), "emitted but not in rules.yml"
    assert set(registry) - used == set(), "in rules.yml but never emitted"
    assert all(rule.summary and rule.severity in ("error", "warning") for rule in registry.values())
    assert set(explained) == set(registry)
    assert all(explained[rule.id] == rule.anchor for rule in registry.values())


def test_registry_message_texts_are_worded_only_in_rules_yml():
    """A rule's message texts (``teks`` in rules.yml) are valid templates and no piece of their wording (a
    run of five words between the ``{fields}``) is written again in the code: a check and the build log
    that report the same mistake say it in the same words. (That the code asks for each text, with its
    slots: tests/test_rule_texts.py.)"""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "masterplan").rglob("*.py"))
    flat = " ".join(code.split())
    texts = {(rule.id, name): text for rule in rules_module.load().catalogue.values() for name, text in rule.texts.items()}
    assert len({rule for rule, _ in texts}) >= 8
    for (rule, name), text in texts.items():
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field]
        assert text.format(**dict.fromkeys(fields, "x")), (rule, name)
        for literal, *_ in string.Formatter().parse(text):
            words = literal.split()
            for start in range(0, max(len(words) - 4, 0)):
                piece = " ".join(words[start:start + 5])
                assert piece not in flat, (rule, name, piece)


_PIECES = list("#|-*`[]()!<>:=\"'/\\{}_~\n\r\t ab1.") + [
    "\u00a0", "\u200b", "\ufeff", "\u201c", "\u2019", "---\n", "## ", "!!! note\n    ", "<script>", "![x](",
    "javascript:", "/// table-caption\n", "Sumber:", "title: ", "bab: ", "| a | b |\n|---|---|\n"]
_MARKDOWNISH = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)
@pytest.fixture(scope="module")
def scratch_docs(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hypothesis") / "docs"


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=400), _MARKDOWNISH, st.binary(max_size=200)),
       name=st.sampled_from(["bab-9-penutup.md", "bab-5/smart-living.md", "lampiran/susunan-tim.md",
                             "kata-pengantar.md", "lain.md"]))
def test_any_text_gives_problems_or_a_pass(scratch_docs, text, name):
    path = scratch_docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    problems = checks.run([path], scratch_docs, scratch_docs.parent)
    assert all(isinstance(p, Problem) and p.line >= 0 and p.text() for p in problems)


def _copy_repo(target: Path) -> Path:
    for name in ("docs", "data", "overrides", "scripts"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def test_build_stops_with_the_same_indonesian_message(tmp_path):
    project = _copy_repo(tmp_path / "repo")
    chapter = project / "docs" / "bab-9-penutup.md"
    text = chapter.read_text(encoding="utf-8")
    assert "\n## Kaidah Pelaksanaan\n" in text
    chapter.write_text(text.replace("\n## Kaidah Pelaksanaan\n", "\n"), encoding="utf-8")
    build = run_build(project, tmp_path / "site", pdf=False)
    assert build.returncode != 0
    assert "Traceback" not in build.log
    assert re.search(r"docs/bab-9-penutup\.md:\d+: \[BAGIAN-WAJIB\] Bagian wajib \"## Kaidah Pelaksanaan\"",
                     build.log), build.log
    assert "Pemeriksaan naskah gagal" in build.log
    assert not (tmp_path / "site" / "bab-9-penutup" / "index.html").exists()
    cli = subprocess.run([sys.executable, str(project / "scripts" / "validate.py")], cwd=project,
                         capture_output=True, text=True, timeout=300)
    errors = [line for line in cli.stdout.splitlines() if "] " in line and "(peringatan)" not in line]
    assert errors and all(line in build.log for line in errors)


def test_full_build_reports_no_problem(full_build):
    assert "Pemeriksaan naskah selesai" in full_build.log
    assert not [line for line in full_build.log.splitlines()
                if re.search(r"\[[A-Z][A-Z0-9-]+\]", line) and "(peringatan)" not in line]
