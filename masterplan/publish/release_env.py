"""What every step of a release shares: :class:`ReleaseError`, the settings of ``mkdocs.yml`` as the
release reads them, and the environment in which it runs git, mike and MkDocs (:func:`env`, :func:`run`).
Apart from :mod:`masterplan.publish.release` so that the offline copy (:mod:`masterplan.publish.offline`)
runs its build the same way without importing the release that calls it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from masterplan.model import site_config
from masterplan.publish.push_auth import TOKEN

BOT = ("Rilis otomatis", "41898282+github-actions[bot]@users.noreply.github.com")


class ReleaseError(Exception):
    """A release cannot go ahead; the message (Bahasa Indonesia) says why and what to do."""


def config(repo: Path) -> dict:
    """The data of ``repo/mkdocs.yml``; raises :class:`ReleaseError` listing its problems when it cannot be read."""
    source = site_config.source(repo)
    if source.problems:
        raise not_ready(source.problems)
    return source.data


def not_ready(problems) -> ReleaseError:
    """The error for ``problems`` of ``mkdocs.yml``, one ``path:line: [RULE-ID]`` line each."""
    return ReleaseError("mkdocs.yml belum benar:\n" + "\n".join(p.text() for p in problems))


def env(repo: Path, pdf: bool) -> dict[str, str]:
    """Environment for mike and MkDocs: the venv's tools first on PATH (mike runs ``mkdocs``), a commit
    identity when git has none (a fresh CI runner), the PDF switched on or off."""
    result = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result.pop(TOKEN, None)  # only the push gets it, never the build (our plugins are Python code)
    result["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{result.get('PATH', '')}"
    result.pop("ENABLE_PDF_EXPORT", None)
    if pdf:
        result["ENABLE_PDF_EXPORT"] = "1"
    known = subprocess.run(["git", "-C", str(repo), "config", "user.email"], capture_output=True, text=True)
    if not known.stdout.strip():
        for role in ("AUTHOR", "COMMITTER"):
            result.setdefault(f"GIT_{role}_NAME", BOT[0])
            result.setdefault(f"GIT_{role}_EMAIL", BOT[1])
    return result


def run(repo: Path, command: list[str], environment: dict[str, str], stdin: bytes | None = None,
        show: bool = False) -> str:
    """Run ``command`` in ``repo`` and return its output; ``show`` lets the output through to the log
    instead (builds, so that the editor sees MkDocs' messages). Raises :class:`ReleaseError`."""
    result = subprocess.run(command, cwd=repo, env=environment, input=stdin, capture_output=not show)
    if result.returncode != 0:
        output = b"" if show else result.stdout + result.stderr
        raise ReleaseError(f"Perintah gagal: {' '.join(command)}\n{output.decode('utf-8', 'replace').strip()}")
    return "" if show else result.stdout.decode("utf-8", errors="replace")
