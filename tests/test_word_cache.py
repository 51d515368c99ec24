"""Answers kept between builds (masterplan/model/word_cache.py) and their use for the search index's root
words: the same roots with or without the cache, the stored answers read back, a stale or broken file
ignored."""

from __future__ import annotations

import json

import pytest

from masterplan.model.word_cache import WordCache
from masterplan.views import search_index

WORDS = {"pelayanan", "layanan", "perencanaan", "pengelolaan", "kintamani", "2025"}


def test_roots_are_the_same_with_the_cache_and_read_back_from_it(tmp_path):
    plain = search_index.roots(WORDS)
    assert search_index.roots(WORDS, tmp_path) == plain
    stored = json.loads((tmp_path / search_index.ROOTS_CACHE).read_text(encoding="utf-8"))
    assert stored["words"]["pelayanan"] == "layan" and stored["words"]["kintamani"] == "kintamani"
    # the next build takes the stored answer rather than stemming again
    stored["words"]["pelayanan"] = "dari-cache"
    (tmp_path / search_index.ROOTS_CACHE).write_text(json.dumps(stored), encoding="utf-8")
    assert search_index.roots(WORDS, tmp_path)["pelayanan"] == "dari-cache"


@pytest.mark.parametrize(("content", "kept"), [
    ('{"version": "v1", "words": {"a": 1}}', {"a": 1}),  # same version: read
    ('{"version": "v0", "words": {"a": 1}}', {}),  # another version of the tool: dropped
    ('{"version": "v1", "words": [1]}', {}),  # not a mapping
    ("{not json", {}),
    (None, {}),  # no file yet
])
def test_a_cache_file_is_used_only_when_it_is_sound(tmp_path, content, kept):
    path = tmp_path / "memo.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert WordCache(path, "v1").answers == kept


def test_saving_writes_only_new_answers_and_tolerates_an_unwritable_folder(tmp_path):
    path = tmp_path / "sub" / "memo.json"
    cache = WordCache(path, "v1")
    cache.save()
    assert not path.exists()  # nothing added, nothing written
    assert cache.get("kata", str.upper) == "KATA"
    cache.save()
    assert WordCache(path, "v1").get("kata", lambda word: "dihitung lagi") == "KATA"
    blocked = tmp_path / "berkas"
    blocked.write_text("", encoding="utf-8")
    unwritable = WordCache(blocked / "memo.json", "v1")
    unwritable.get("kata", str.upper)
    unwritable.save()  # a file where the folder should be: no error, nothing left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["berkas", "sub"]
