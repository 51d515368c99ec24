"""How long an editor waits to see an edit in the preview: ``mkdocs serve --dirty`` runs on a project,
one chapter is changed on disk, and the time is taken until the served page holds the new text. Used by
``scripts/benchmark.py`` for our project and for stock Material on the same docs, one edit on each side
in turn so that both meet the same load on the machine; never by timed tests.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, contextmanager
from collections.abc import Iterator
from pathlib import Path

CHAPTER = "bab-1-pendahuluan.md"  # the page edited
START_TIMEOUT = 600  # seconds for the first full build of the preview on a loaded machine
EDIT_TIMEOUT = 120  # seconds for one edit to show before the measurement gives up
POLL = 0.02  # seconds between two requests for the page
SETTLE = 1.0  # seconds after an edit has shown before the next one (the server finishes its reload)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


@contextmanager
def preview(project: Path, log: Path) -> Iterator[str]:
    """``mkdocs serve --dirty`` of ``project`` (no PDF) on a free local port, its log in ``log``; yields
    the URL of :data:`CHAPTER`'s page once the first build is served. Raises ``RuntimeError`` if the
    server stops or does not serve in :data:`START_TIMEOUT` seconds (the log says why)."""
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ENABLE_PDF_EXPORT", None)
    url = f"http://127.0.0.1:{port}/{CHAPTER.removesuffix('.md')}/"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty",
                                   "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                                  stdout=output, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while _page(url) is None:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"pratinjau {project} tidak berjalan; lihat {log}")
                time.sleep(0.2)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


def edit_shown(project: Path, url: str, number: int) -> float:
    """Seconds from writing a changed :data:`CHAPTER` in ``project`` (a sentence with ``number`` added at
    the end) until the page at ``url`` holds it. Raises ``TimeoutError`` after :data:`EDIT_TIMEOUT`."""
    chapter = project / "docs" / CHAPTER
    original = chapter.read_text(encoding="utf-8").split("\n\nPenanda pratinjau ")[0]
    mark = f"Penanda pratinjau {number}."
    chapter.write_text(f"{original}\n\n{mark}\n", encoding="utf-8")
    seconds = wait_for(url, mark)
    time.sleep(SETTLE)
    return seconds


def wait_for(url: str, text: str, timeout: float = EDIT_TIMEOUT) -> float:
    """Seconds until the page served at ``url`` holds ``text``. Raises ``TimeoutError`` after ``timeout``
    seconds."""
    start = time.perf_counter()
    while True:
        page = _page(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{text!r} tidak tampil di {url} dalam {timeout} detik")
        time.sleep(POLL)


def paired_latencies(projects: dict[str, Path], work: Path, edits: int) -> dict[str, list[float]]:
    """``edits`` edits on each of ``projects`` (name: project folder, changed in place: pass copies),
    their previews running side by side and the edits taking turns, the side going first swapped every
    round. Returns the seconds of every edit by name."""
    found: dict[str, list[float]] = {name: [] for name in projects}
    with ExitStack() as stack:
        urls = {name: stack.enter_context(preview(project, work / f"pratinjau-{name}.log"))
                for name, project in projects.items()}
        names = list(projects)
        for number in range(edits):
            for name in names if number % 2 == 0 else names[::-1]:
                found[name].append(edit_shown(projects[name], urls[name], number))
    return found
