"""Weekly external link check: LinkChecker reads the built site, and each broken link is reported as a
:class:`Problem` at the chapter file and line where it is written (the editor fixes the Markdown, not
the HTML). Internal links are already checked by ``mkdocs build --strict``."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from masterplan.model.problems import WARNING, Problem
from masterplan.model.rules import message

RULE = "TAUTAN-RUSAK"


def run_linkchecker(site: Path, timeout: int = 30) -> list[dict[str, str]]:
    """Check every link of the site at ``site`` (entry ``index.html``) with LinkChecker, external ones
    included; the rows (CSV fields ``urlname``, ``parentname``, ``result``, ``line`` …) of invalid links.
    ``timeout`` is per connection, in seconds."""
    command = [str(Path(sys.executable).parent / "linkchecker"), "--check-extern", "--no-status",
               "--no-warnings", "--timeout", str(timeout), "-o", "csv", str(site / "index.html")]
    out = subprocess.run(command, capture_output=True, text=True).stdout
    rows = [line for line in out.splitlines() if line and not line.startswith("#")]
    return [row for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";") if row["valid"] == "False"]


def source_of(page: Path, site: Path, docs: Path) -> str:
    """The docs/ file a built page comes from: ``bab-2/index.html`` is built from ``bab-2.md`` or from
    ``bab-2/index.md`` (directory URLs), whichever exists."""
    relative = page.relative_to(site).as_posix()
    stem = relative.removesuffix("index.html").rstrip("/") if relative.endswith("index.html") else relative[:-5]
    if not stem:
        return "index.md"
    return f"{stem}/index.md" if (docs / stem / "index.md").is_file() else f"{stem}.md"


def problems(rows: list[dict[str, str]], site: Path, docs: Path) -> list[Problem]:
    """One :data:`WARNING` per broken external link, at the line of the Markdown source that holds it
    (line 1 of the page when the link comes from a template)."""
    found = []
    for row in rows:
        url = row["urlname"]
        if urlparse(url).scheme not in ("http", "https"):
            continue
        page = Path(unquote(urlparse(row["parentname"]).path))
        source = source_of(page, site, docs)
        lines = (docs / source).read_text(encoding="utf-8").splitlines() if (docs / source).is_file() else []
        line = next((number for number, text in enumerate(lines, 1) if url in text), 1)
        found.append(Problem(f"{docs.name}/{source}", line, 0, RULE,
                             message(RULE, "luar_gagal", tautan=url, hasil=row["result"]), WARNING))
    return sorted(set(found))
