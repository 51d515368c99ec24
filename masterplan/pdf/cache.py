"""The last PDF kept for reuse: when nothing that goes into it changed, a build copies it instead of
rendering again, so that a change to the website alone costs the website's time only.

The key is a SHA-256 over everything the PDF is made from before any file is read
(:meth:`masterplan.pdf.writer.PdfWriter.inputs`: the HTML of every page, settings, templates, our code,
library versions); an entry also lists every file read while making it (stylesheets, fonts, images)
with its SHA-256, and is reused only if they are unchanged. An entry is ``<key>.pdf`` with
``<key>.json`` beside it, in a folder outside the site (``mkdocs build`` empties the site folder);
:data:`KEEP` entries are kept.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

KEEP = 3
SITE = "site:"  # stands for the site folder in file lists: builds into other folders match


@dataclass
class Entry:
    """What a build needs to know about a PDF without reading it: its page count and bookmark titles
    (for the completeness check), and the files it was made from, each with its SHA-256."""

    pages: int
    titles: list[str]
    files: dict[str, str]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key(parts: list[str | bytes]) -> str:
    """The cache key of a PDF made from ``parts`` (in this order)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def _name(path: Path, site_dir: Path) -> str:
    try:
        return SITE + path.resolve().relative_to(site_dir.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def _path(name: str, site_dir: Path) -> Path:
    return site_dir / name.removeprefix(SITE) if name.startswith(SITE) else Path(name)


def file_digests(files: set[Path], site_dir: Path) -> dict[str, str]:
    """The SHA-256 of each of ``files``, by name relative to ``site_dir`` where it lies inside it."""
    return {_name(path, site_dir): _digest(path.read_bytes()) for path in sorted(files)}


def lookup(folder: Path, key: str, site_dir: Path) -> Entry | None:
    """The entry stored under ``key`` in ``folder`` if its PDF is there and every file it was made from
    still has the same content; None otherwise (nothing stored, a file changed or vanished, or an
    unreadable entry)."""
    try:
        entry = Entry(**json.loads((folder / f"{key}.json").read_text(encoding="utf-8")))
        if not (folder / f"{key}.pdf").is_file():
            return None
        for name, digest in entry.files.items():
            if _digest(_path(name, site_dir).read_bytes()) != digest:
                return None
    except (OSError, ValueError, TypeError):
        return None
    return entry


def restore(folder: Path, key: str, target: Path) -> None:
    """Copy the PDF stored under ``key`` to ``target``. Raises ``OSError`` when that fails."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(folder / f"{key}.pdf", target)


def store(folder: Path, key: str, pdf: Path, entry: Entry) -> None:
    """Keep a copy of ``pdf`` and its ``entry`` under ``key``; drop all but the :data:`KEEP` newest
    entries. A cache that cannot be written only costs time later: ``OSError`` is not raised."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, folder / f"{key}.pdf")
        (folder / f"{key}.json").write_text(json.dumps(asdict(entry), ensure_ascii=False), encoding="utf-8")
        stored = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in stored[KEEP:]:
            old.unlink(missing_ok=True)
            old.with_suffix(".pdf").unlink(missing_ok=True)
    except OSError:
        pass
