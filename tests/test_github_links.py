"""Weekly link check (scripts/check_links.py, masterplan/publish/link_check.py) against a local web server: a broken
external link is reported at the Markdown file and line where it is written, a working one is not."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture
def server():
    """A web server on 127.0.0.1 that has /ada.html and nothing else."""
    root = Path(tempfile.mkdtemp())
    (root / "ada.html").write_text("ada", encoding="utf-8")
    handler = lambda *a: http.server.SimpleHTTPRequestHandler(*a, directory=str(root))  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    shutil.rmtree(root)


def test_broken_external_link_is_reported_at_its_source_line(server, tmp_path):
    # LinkChecker started as root reads the site as user "nobody": a world-readable folder.
    site = Path(tempfile.mkdtemp())
    os.chmod(site, 0o755)
    (site / "bab-2").mkdir()
    (site / "index.html").write_text(f'<a href="{server}/ada.html">ada</a> <a href="bab-2/index.html">bab</a>')
    (site / "bab-2" / "index.html").write_text(f'<p><a href="{server}/hilang.html">hilang</a></p>')
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(f"# Beranda\n\n[ada]({server}/ada.html)\n", encoding="utf-8")
    (docs / "bab-2.md").write_text(f"# Bab\n\nTeks.\n\nLihat [hilang]({server}/hilang.html).\n", encoding="utf-8")
    summary = tmp_path / "ringkasan.md"
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_links.py"), "--situs", str(site),
                             "--docs", str(docs), "--ringkasan", str(summary)], capture_output=True, text=True,
                            env=env, timeout=300)
    shutil.rmtree(site)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "[TAUTAN-RUSAK]" in line]
    assert len(lines) == 1 and lines[0].startswith("docs/bab-2.md:5: [TAUTAN-RUSAK]")
    assert "hilang.html" in lines[0] and "ada.html" not in result.stdout
    assert "| `docs/bab-2.md` | 5 | `TAUTAN-RUSAK` (peringatan) |" in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize("page, source", [
    ("index.html", "index.md"), ("bab-2/index.html", "bab-2-gambaran-umum.md"),
    ("bab-5/index.html", "bab-5/index.md"), ("bab-5/smart-living/index.html", "bab-5/smart-living.md"),
])
def test_source_of_built_page(page, source):
    from masterplan.publish.link_check import source_of
    page = page.replace("bab-2/", "bab-2-gambaran-umum/")
    assert source_of(Path("/s") / page, Path("/s"), ROOT / "docs") == source
