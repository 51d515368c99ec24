"""The GitHub workflows and repository furniture under .github/: valid against GitHub's schemas, clean
under zizmor and yamllint, hardened (pinned actions, no permissions
unless a job names them, no untrusted strings in run:), and every command they run exists and is tested."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, Build

BIN = Path(sys.executable).parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PIN = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
# Commands a workflow may run that are not repository scripts: shell built-ins in the aggregate job and
# the GitHub CLI that creates the release (preinstalled on GitHub's runners).
EXTERNAL = {"echo", "exit", "gh"}
# Which file runs each repository script a workflow runs (scripts/test.sh is the suite itself; the shared
# session build of tests/conftest.py is made by scripts/build.sh). Never this file: it names them all.
EXERCISED_BY = {
    "scripts/setup.sh": "scripts/test.sh",
    "scripts/test.sh": ".ci/run",
    "scripts/build.sh": "tests/conftest.py",
    "scripts/validate.py": "tests/test_checks_cli.py",
    "scripts/codeowners.py": "tests/test_github_furniture.py",
    "scripts/release.sh": "tests/test_github_release.py",
    "scripts/check_links.py": "tests/test_github_links.py",
    "scripts/preview.py": "tests/test_github_preview.py",
}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_commands() -> list[tuple[str, str]]:
    """(workflow file, shell command) for every `run:` step, one entry per `&&`-joined command."""
    found = []
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job["steps"]:
                for command in re.split(r"\s*&&\s*", step.get("run", "").strip()):
                    if command:
                        found.append((path.name, " ".join(command.split())))
    return found


def test_there_are_six_workflows():
    assert {p.name for p in WORKFLOWS} == {"pemeriksaan-pr.yml", "terbitkan-draf.yml", "rilis-tahap.yml",
                                           "mingguan.yml", "pratinjau-pr.yml", "pratinjau-terbitkan.yml"}


@pytest.mark.parametrize("schema, files", [
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.github-issue-forms", sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml")
                                         if p.name != "config.yml")),
    ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
])
def test_files_validate_against_githubs_schema(schema, files):
    assert files
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_reports_nothing_even_pedantic():
    result = subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", "--persona=pedantic",
                             str(GITHUB / "workflows")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


def test_yamllint_passes():
    result = subprocess.run([str(BIN / "yamllint"), "--strict", "-c", str(ROOT / ".yamllint.yml"),
                             str(GITHUB), str(ROOT / ".yamllint.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_hardened(path):
    text = path.read_text(encoding="utf-8")
    workflow = load(path)
    assert text.startswith("# PROSES:") and "# PEMAKAIAN:" in text, "PROCESS/USAGE comment block at the top"
    assert workflow["permissions"] == {}
    assert "pull_request_target" not in workflow[True]  # PyYAML reads the key `on` as True
    assert "concurrency" in workflow
    for job in workflow["jobs"].values():
        assert job["name"] and "permissions" in job and "timeout-minutes" in job
        assert set(job["permissions"].values()) <= {"read", "write"}
        for step in job["steps"]:
            assert step.get("name"), f"step without a name in {path.name}"
            assert "${{" not in step.get("run", ""), "untrusted strings go through env:, never into run:"
            if "uses" in step:
                assert PIN.match(step["uses"]), step["uses"]
                assert re.search(re.escape(step["uses"]) + r"\s+# v\d+\.\d+\.\d+\n", text), step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_only_the_publishing_jobs_may_write_and_deploys_never_cancel():
    for path in WORKFLOWS:
        workflow = load(path)
        writes = [name for name, job in workflow["jobs"].items() if "write" in job["permissions"].values()]
        if path.name in ("terbitkan-draf.yml", "rilis-tahap.yml", "pratinjau-terbitkan.yml"):
            assert workflow["concurrency"] == {"group": "gh-pages", "cancel-in-progress": False}
            assert len(writes) == 1
        else:
            assert writes == []


def test_no_job_that_may_write_restores_a_cache():
    """A restored cache runs in the job: ``.cache/jinja`` holds compiled template code that is executed
    when loaded. Only pull-request builds (read-only token) restore the build cache; a job that may write
    (publishing to gh-pages, a release) only saves it (CATATAN-TEKNIS.md C80)."""
    restoring = ("actions/cache@", "actions/cache/restore@")
    writers = 0
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            if "write" not in job["permissions"].values():
                continue
            writers += 1
            for step in job["steps"]:
                assert not step.get("uses", "").startswith(restoring), (path.name, step["name"])
                assert "cache" not in step.get("with", {}), (path.name, step["name"])  # setup-python's cache:
    assert writers >= 2


def test_builds_that_render_git_dates_fetch_the_whole_history():
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            runs = " ".join(step.get("run", "") for step in job["steps"])
            if re.search(r"build\.sh|release\.sh|test\.sh", runs):
                checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
                assert checkout["with"].get("fetch-depth") == 0, path.name


def test_pull_request_has_one_final_aggregate_job():
    jobs = load(GITHUB / "workflows" / "pemeriksaan-pr.yml")["jobs"]
    final = [name for name, job in jobs.items() if set(job.get("needs", [])) == set(jobs) - {name}]
    assert final == ["result"]
    assert jobs["result"]["if"] == "always()" and jobs["result"]["name"] == "Hasil pemeriksaan"


@pytest.mark.parametrize("workflow, command", run_commands())
def test_every_command_exists_in_the_repository_and_is_exercised(workflow, command):
    words = command.split()
    if words[0] in EXTERNAL:
        return
    script = next(w for w in words if w.startswith("scripts/"))
    assert (ROOT / script).is_file(), f"{workflow}: {script} does not exist"
    assert words[0] in ("bash", ".venv/bin/python"), command
    exercised_by = EXERCISED_BY[script]
    assert ROOT / exercised_by != Path(__file__).resolve(), f"{script}: a file that runs it, not this one"
    assert script in (ROOT / exercised_by).read_text(encoding="utf-8"), f"{exercised_by} does not run {script}"


def test_release_assets_named_by_the_workflow_are_what_the_release_script_writes():
    """`gh release create` uploads dist/*.pdf, dist/*.zip and dist/catatan-rilis.md: the rehearsal
    (tests/test_github_release.py) asserts that exactly these files are produced."""
    from masterplan.publish import release
    text = (GITHUB / "workflows" / "rilis-tahap.yml").read_text(encoding="utf-8")
    assert f"--notes-file dist/{release.NOTES}" in text and "--keluaran dist" in text


def test_build_script_builds_site_and_pdf(full_build):
    """scripts/build.sh, the pull request's build step, as a maintainer runs it: the session's shared
    build is made by exactly that command (tests/conftest.py)."""
    build = full_build
    assert build.returncode == 0, build.log
    assert build.pdf.is_file() and "semua halaman navigasi ada" in build.log and "WARNING" not in build.log
