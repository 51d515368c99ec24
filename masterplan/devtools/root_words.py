"""Writes the root words shipped with the code (:data:`masterplan.views.search_index.SHIPPED_ROOTS`): every
word of a built site's search index with its root (``search_index.stem``: PySastrawi's, corrected where it
is wrong), so that the first build after a clone (and every CI build, which has no ``.cache/``) stems only
the words added since. A word missing from the
shipped file is still stemmed at build time; refreshing the file only saves that time.

Run as ``python -m masterplan.devtools.root_words [SITE_DIR]`` after ``mkdocs build`` (``site`` by default).
``tests/test_word_cache.py`` fails when an entry differs from what the build answers (search_index.stem).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from masterplan.views import search_index


def vocabulary(site_dir: Path) -> set[str]:
    """The words of the full search index in ``site_dir`` (:data:`search_index.FULL_INDEX`), as the build
    collects them for stemming (:func:`search_index.words`)."""
    script = (site_dir / search_index.FULL_INDEX).read_text(encoding="utf-8")
    index = json.loads(script.split("=", 1)[1].rstrip().rstrip(";"))
    texts = (doc.get("title", "") + " " + doc.get("text", "") for doc in index["docs"])
    return search_index.words(texts, index["config"]["separator"])


def write(site_dir: Path, target: Path = search_index.SHIPPED_ROOTS) -> int:
    """Stem every plain word (a–z) of ``site_dir``'s index afresh and write ``{version, words}`` to
    ``target``, sorted; returns the number of words."""
    plain = sorted(word for word in vocabulary(site_dir) if search_index.PLAIN_WORD.fullmatch(word))
    words = {word: search_index.stem(word) for word in plain}
    target.write_text(json.dumps({"version": search_index.stemmer_version(), "words": words}, ensure_ascii=False,
                                 sort_keys=True, indent=0) + "\n", encoding="utf-8")
    return len(words)


if __name__ == "__main__":
    count = write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site"))
    print(f"{count} kata dasar ditulis ke {search_index.SHIPPED_ROOTS}")
