"""Answers kept between builds (``.cache/`` beside ``mkdocs.yml``, not committed): the root word of each
word of the search index, and the results of the build's per-page checks (:mod:`masterplan.model.result_cache`).
Computing them again for the same words was the largest single cost of a site build, and the answer for
a key never changes while the tool that gives it stays the same, so the cache is keyed by word (or by a
hash of the text an answer depends on) and thrown away whole when the tool's ``version`` changes.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

FOLDER = ".cache"  # beside mkdocs.yml, like the PDF cache (masterplan-pdf's cache_dir)


class WordCache:
    """A ``{word: answer}`` memo read from and written to one JSON file. A missing, unreadable or stale
    file (another ``version``) is an empty cache, never an error; :meth:`save` writes only when
    something was added, and replaces the file in one step so that two builds at once cannot leave half a
    file. With ``prune``, :meth:`save` keeps only the answers asked for since the cache was opened, so that
    answers about texts that no longer exist (every edit makes one) do not pile up. With ``seed`` (a file
    of the same form shipped with the code, read the same way) its answers are known from the start, under
    those of ``path``: the first build after a clone, which has no ``path`` yet, computes only the rest."""

    def __init__(self, path: Path, version: str, prune: bool = False, seed: Path | None = None) -> None:
        self.path, self.version, self.prune = path, version, prune
        self._added = False
        self._asked: set[str] = set()
        self.answers: dict[str, object] = {**(_read(seed, version) if seed else {}), **_read(path, version)}

    def get(self, word: str, compute: Callable[[str], object]) -> object:
        """The answer for ``word``: the stored one, else ``compute(word)`` (then stored)."""
        self._asked.add(word)
        if word not in self.answers:
            self.answers[word] = compute(word)
            self._added = True
        return self.answers[word]

    def save(self) -> None:
        """Write the cache if anything was added; a folder that cannot be written is left alone (the
        next build computes the answers again)."""
        if self.prune and len(self._asked) < len(self.answers):
            self.answers = {word: self.answers[word] for word in self._asked}
            self._added = True
        if not self._added:
            return
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump({"version": self.version, "words": self.answers}, file, ensure_ascii=False,
                          separators=(",", ":"), sort_keys=True)
            os.replace(temporary, self.path)
            self._added = False
        except OSError:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)


def _read(path: Path, version: str) -> dict[str, object]:
    """The answers kept in ``path`` under ``version``; empty for a missing, unreadable or stale file."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if isinstance(stored, dict) and stored.get("version") == version and isinstance(stored.get("words"), dict):
        return stored["words"]
    return {}
