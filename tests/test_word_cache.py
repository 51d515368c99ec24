"""Answers kept between builds (masterplan/model/word_cache.py) and their use for the search index's root
words: the same roots with or without the cache, the stored answers read back, a stale or broken file
ignored."""

from __future__ import annotations

import json

import pytest

from masterplan.model.word_cache import WordCache
from masterplan.views import search_index

WORDS = {"pelayanan", "layanan", "perencanaan", "pengelolaan", "kintamani", "2025"}


# Words the plan does not use (not among the shipped roots), so that they are stemmed and kept in the cache.
UNSHIPPED = {"pemancingannya", "kepiting"}


def test_roots_are_the_same_with_the_cache_and_read_back_from_it(tmp_path):
    words = WORDS | UNSHIPPED
    assert not UNSHIPPED & set(json.loads(search_index.SHIPPED_ROOTS.read_text(encoding="utf-8"))["words"])
    plain = search_index.roots(words)
    assert search_index.roots(words, tmp_path) == plain
    stored = json.loads((tmp_path / search_index.ROOTS_CACHE).read_text(encoding="utf-8"))
    assert stored["words"]["pemancingannya"] == "pancing" and stored["words"]["kepiting"] == "kepiting"
    # the next build takes the stored answer rather than stemming again, also over a shipped one
    stored["words"]["pemancingannya"] = stored["words"]["pelayanan"] = "dari-cache"
    (tmp_path / search_index.ROOTS_CACHE).write_text(json.dumps(stored), encoding="utf-8")
    assert search_index.roots(words, tmp_path)["pemancingannya"] == "dari-cache"
    assert search_index.roots(words, tmp_path)["pelayanan"] == "dari-cache"


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


def test_a_seed_is_known_from_the_start_under_the_answers_of_the_file(tmp_path):
    seed, path = tmp_path / "dikirim.json", tmp_path / "cache" / "memo.json"
    seed.write_text('{"version": "v1", "words": {"a": "dari-benih", "b": "dari-benih"}}', encoding="utf-8")
    cache = WordCache(path, "v1", seed=seed)
    assert cache.get("a", lambda word: "dihitung") == "dari-benih"
    cache.save()
    assert not path.exists()  # every answer came from the seed: nothing computed, nothing written
    path.parent.mkdir()
    path.write_text('{"version": "v1", "words": {"a": "dari-berkas"}}', encoding="utf-8")
    assert WordCache(path, "v1", seed=seed).answers == {"a": "dari-berkas", "b": "dari-benih"}
    assert WordCache(path, "v2", seed=seed).answers == {}  # a seed of another version is stale too


def test_the_shipped_root_words_are_what_the_installed_pysastrawi_answers():
    """The roots shipped with the code (masterplan/views/kata-dasar.json) stand in for stemming on a build
    without .cache/: they must be the build's own answers (PySastrawi's, with the corrections of
    search_index.ROOT_CORRECTIONS). When this fails after PySastrawi was upgraded,
    build the site and run ``python -m masterplan.devtools.root_words`` to write them again."""
    shipped = json.loads(search_index.SHIPPED_ROOTS.read_text(encoding="utf-8"))
    assert shipped["version"] == search_index.stemmer_version()
    assert len(shipped["words"]) > 1000  # the plan's vocabulary, not a stub
    wrong = {word: root for word, root in shipped["words"].items() if search_index.stem(word) != root}
    assert not wrong


def test_roots_of_shipped_words_need_no_cache(tmp_path):
    """A first build (empty .cache/) finds the shipped words' roots as stemming them would."""
    shipped = json.loads(search_index.SHIPPED_ROOTS.read_text(encoding="utf-8"))["words"]
    vocabulary = set(list(shipped)[:200]) | WORDS
    assert search_index.roots(vocabulary, tmp_path) == search_index.roots(vocabulary)
