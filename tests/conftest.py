"""Shared fixtures: one real MkDocs build of the site with the PDF per test session; the test tiers.

Tiers (markers declared in pyproject.toml), given here so that no test file has to remember them:
``browser`` (tests/test_browser.py and any test using the ``browser`` fixture), ``release`` (tests/test_github_release.py), ``build`` (any test that
uses a build fixture or runs ``run_build``, ``scripts/build.sh`` or the benchmark) and ``unit`` (everything else: the fast
tier, ``bash scripts/test.sh -m unit``). A test may also carry one of these markers itself.

The unit tier (target at most 30 s on two cores, not met: 31–34 s with 1,236 tests on the machine of stop 27;
59–63 s with 1,262 tests on a machine that took 61–70 s for stop 27's tests the same day) stays that short only
when a command (``scripts/validate.py``, ``codeowners.py``) runs as a real subprocess once, as the pull
request runs it, and every other test calls the command's ``main(argv)`` in-process (a subprocess pays
~1 s of imports and reads the whole plan again): the editors' checks then keep each page's answers for
the process (``ResultCache`` without a folder), so the ~150 copies of the plan with one file changed
check only that file again. A table about ``mkdocs.yml`` alone copies no chapters: each edit of that file
checks every chapter again.
"""

from __future__ import annotations

import copy
import fcntl
import functools
import inspect
import os
import pickle
import shutil
import subprocess
import sys
import threading
import uuid
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

PDF_NAME = "Masterplan-Smart-City-Bangli.pdf"
# Kept after the run for people to look at; not committed. TEST_OUTPUT_DIR lets two test runs on one
# checkout (e.g. a maintainer and an editor preview) not overwrite each other's build.
OUTPUT = Path(os.environ.get("TEST_OUTPUT_DIR") or ROOT / "tests" / "output")


TIERS = ("unit", "build", "release", "browser")
TIER_OF_FILE = {"test_browser.py": "browser", "test_github_release.py": "release"}
BUILD_FIXTURES = {"full_build", "site_only_build", "pdf_pages_text"}
BUILD_CALLS = ("run_build(", "scripts/build.sh", "benchmark.py")


def _tier(item: pytest.Item) -> str:
    """The tier of one collected test (see the module docstring)."""
    marked = [tier for tier in TIERS if item.get_closest_marker(tier)]
    if marked:
        return marked[0]
    if item.path.name in TIER_OF_FILE:
        return TIER_OF_FILE[item.path.name]
    if "browser" in getattr(item, "fixturenames", ()):
        return "browser"
    if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
        return "build"
    function = getattr(item, "function", None)
    return "build" if function is not None and _calls_a_build(function) else "unit"


@functools.cache  # one look per test function, not per parameter set (collecting took a second longer)
def _calls_a_build(function) -> bool:
    source = inspect.getsource(function)
    return any(call in source for call in BUILD_CALLS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(_tier(item))


RUN_ID = pytest.StashKey[str]()
BACKGROUND = pytest.StashKey[threading.Thread]()


def pytest_configure(config: pytest.Config) -> None:
    # pytest-xdist (pyproject.toml addopts: one worker per CPU, at most four) gives every worker the run's
    # id, so the workers can tell this run's shared build from one a previous run left in tests/output.
    worker = getattr(config, "workerinput", None)
    config.stash[RUN_ID] = worker["testrunuid"] if worker else uuid.uuid4().hex


@contextmanager
def _locked(name: str):
    """Hold the exclusive lock ``tests/output/.<name>.lock``: the pytest-xdist workers of one run (and two
    runs on one checkout) take turns at what it guards."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with open(OUTPUT / f".{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _once(config: pytest.Config, name: str, produce):
    """``produce()``'s result, computed by the first worker of this run that asks and read back from
    ``tests/output/<name>.pickle`` by the others: one shared build per run, however many workers."""
    run = config.stash[RUN_ID]
    record = OUTPUT / f"{name}.pickle"
    with _locked(name):
        if record.is_file():
            kept = pickle.loads(record.read_bytes())
            if kept["run"] == run:
                return kept["value"]
        value = produce()
        record.write_bytes(pickle.dumps({"run": run, "value": value}))
        return value


def pytest_collection_finish(session: pytest.Session) -> None:
    """Starts the shared site+PDF build in the background as soon as a worker knows that a selected test
    will read it: a worker that asked for it first used to wait a minute, idle, for the other worker to
    build it. The workers meanwhile run tests that need no build; ``_once`` still gives one build per run
    (the second worker's thread waits for the lock and reads the record)."""
    if session.config.option.collectonly:
        return
    if any("full_build" in getattr(item, "fixturenames", ()) for item in session.items):
        thread = threading.Thread(target=_build_in_background, args=(session.config,), daemon=True)
        thread.start()
        session.config.stash[BACKGROUND] = thread


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A worker whose tests are done still waits for the build it started: killed with the worker, it
    would leave the other workers no record and ``mkdocs`` running on."""
    thread = session.config.stash.get(BACKGROUND, None)
    if thread is not None and exitstatus != pytest.ExitCode.INTERRUPTED:
        thread.join()


def _build_in_background(config: pytest.Config) -> None:
    try:
        _once(config, "full-build", _full_build)
    except Exception:  # noqa: BLE001 - the full_build fixture runs it again and reports the failure
        pass


@dataclass
class Build:
    """A finished ``mkdocs build``: where the site is, its PDF, and everything it logged."""

    site: Path
    log: str
    returncode: int

    @property
    def pdf(self) -> Path:
        return self.site / "pdf" / PDF_NAME


@contextmanager
def checkout_pdf_turn(project: Path):
    """PDF builds of the checkout itself share its ``.cache/pdf`` (and clear it): they take turns."""
    if project.resolve() == ROOT:
        with _locked("checkout-pdf"):
            yield
    else:
        yield


def run_build(project: Path, site: Path, pdf: bool) -> Build:
    """Run the real ``mkdocs build --strict`` of ``project`` into ``site``; never raises on failure."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ENABLE_PDF_EXPORT", None)
    if pdf:
        env["ENABLE_PDF_EXPORT"] = "1"
    with checkout_pdf_turn(project) if pdf else nullcontext():
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
            cwd=project, env=env, capture_output=True, text=True, timeout=900,
        )
    return Build(site, result.stdout + result.stderr, result.returncode)


def mkdocs_config() -> dict:
    """The plan's mkdocs.yml as data (the caller's own copy)."""
    return copy.deepcopy(_mkdocs_config())


@functools.cache  # read at collection by several test files, in every worker
def _mkdocs_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


@functools.cache
def plan_catalogue():
    """The plan's programme data (:class:`masterplan.model.programmes.Catalogue`), read when a test first
    asks rather than when its file is collected."""
    from masterplan.model.programmes import load_catalogue
    return load_catalogue(ROOT)[0]


def nav_files(nav=None) -> list[str]:
    """Every Markdown file named in the nav of ``mkdocs.yml``, in order."""
    nav = mkdocs_config()["nav"] if nav is None else nav
    found = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found.extend(nav_files(value))
        else:
            found.append(value)
    return found


def html_path(site: Path, md: str) -> Path:
    """Where MkDocs (directory URLs) writes the page built from ``md``."""
    stem = md[:-3]
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    return site / stem / "index.html"


def heading_text(tag) -> str:
    """A heading's visible text without the permalink sign MkDocs appends."""
    for link in tag.select("a.headerlink"):
        link.extract()
    return tag.get_text(" ", strip=True)


def _built(value: dict) -> Build:
    return Build(Path(value["site"]), value["log"], value["returncode"])


def _full_build() -> dict:
    """Site and PDF by ``scripts/build.sh`` (the README's build command, also the pull request's build
    step) into ``tests/output/site``, as :class:`Build` fields."""
    site = OUTPUT / "site"
    shutil.rmtree(site, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k not in ("ENABLE_PDF_EXPORT", "PDF_VARIANT")}
    with checkout_pdf_turn(ROOT):
        shutil.rmtree(ROOT / ".cache" / "pdf", ignore_errors=True)  # the run's PDF is rendered, not reused
        result = subprocess.run(["bash", "scripts/build.sh", "--site-dir", str(site)], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=900)
    return asdict(Build(site, result.stdout + result.stderr, result.returncode)) | {"site": str(site)}


@pytest.fixture(scope="session")
def full_build(request) -> Build:
    """Site and PDF, built once per run (started in the background, :func:`pytest_collection_finish`) and
    shared by every test, in every worker, that reads them."""
    build = _built(_once(request.config, "full-build", _full_build))
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def pdf_pages_text(request, full_build) -> list[str]:
    """The text of every page of the shared PDF (pypdf), extracted once per run: it takes 20 s of CPU."""
    def produce() -> list[str]:
        from pypdf import PdfReader

        return [page.extract_text() or "" for page in PdfReader(full_build.pdf).pages]

    return _once(request.config, "pdf-pages-text", produce)


@pytest.fixture(scope="session")
def plan_pages(request, full_build) -> list:
    """The shared PDF read back page by page (:func:`masterplan.pdf.paper.read_pages`: word boxes, lines,
    tables) once per run for the proofreader's tests and the typesetting tests: ±50 s of CPU each time."""
    from masterplan.pdf.paper import read_pages

    return _once(request.config, "plan-pages", lambda: read_pages(full_build.pdf))


@pytest.fixture(scope="session")
def site_only_build(request) -> Build:
    """The maintainers' fast build: site without PDF, once per run."""
    site = OUTPUT / "site-only"

    def produce() -> dict:
        shutil.rmtree(site, ignore_errors=True)
        return asdict(run_build(ROOT, site, pdf=False)) | {"site": str(site)}

    return _built(_once(request.config, "site-only-build", produce))


@pytest.fixture(scope="session")
def site_url(full_build):
    """The shared build served on 127.0.0.1 for the browser tests; its URL ends in "/"."""
    from masterplan.devtools.local_server import serve

    with serve(full_build.site) as served:
        yield served.url


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (skipped where Playwright is missing)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    from masterplan.devtools import browser as chromium

    with playwright_api.sync_playwright() as playwright:
        instance = chromium.launch(playwright)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def axe_js() -> str:
    """axe-core's script, read once."""
    from masterplan.devtools import browser as chromium

    return chromium.axe_script()
