"""What the site build keeps between builds besides the checks (masterplan/model/result_cache.py): the
generated views drawn from the data, the Daftar Kebutuhan Data and each page's abbreviations give the same
Markdown from the kept answers as computed afresh; a kept view is taken instead of drawing it again, but
never for views whose data the memo's fingerprint does not cover (the home page's progress). And the search
index's vocabulary, gathered over all sections at once, is the words of each section together."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from masterplan.checks import plan_logic
from masterplan.model import documents, programmes, stage_dates
from masterplan.model.result_cache import FILE, ResultCache
from masterplan.views import abbreviations, data_needs, directives, search_index, site_status, text_measure

ROOT = Path(__file__).resolve().parents[1]
VIEWS = "[[peta-jalan]]\n\n[[tabel-program dimensi=smart-governance]]\n\n[[daftar-aturan]]\n"


@pytest.fixture(scope="module")
def logic():
    catalogue = programmes.load_catalogue(ROOT)[0]
    return catalogue, plan_logic.check(ROOT, ROOT / "docs", catalogue)[0]


def _expand(markdown: str, logic, memo: ResultCache | None, **data) -> str:
    catalogue, plan = logic
    text, problems = directives.expand(markdown, catalogue, "docs/x.md", logic=plan, memo=memo, **data)
    assert problems == []
    return text


def test_kept_views_are_those_drawn_afresh_and_are_taken_from_the_memo(tmp_path, logic):
    fresh = _expand(VIEWS, logic, None)
    for _ in range(2):  # cold, then from the kept answers
        memo = ResultCache(tmp_path, "v1")
        assert _expand(VIEWS, logic, memo) == fresh
        memo.save()
    kept = json.loads((tmp_path / FILE).read_text(encoding="utf-8"))["words"]
    assert len(kept) == 3 and all(key.startswith("tampilan:") for key in kept)
    for key in kept:  # the next build takes the kept text rather than drawing the view again
        kept[key] = "\nDARI-MEMO\n"
    (tmp_path / FILE).write_text(json.dumps({"version": "v1", "words": kept}), encoding="utf-8")
    assert _expand(VIEWS, logic, ResultCache(tmp_path, "v1")).count("DARI-MEMO") == 3
    assert text_measure.fonts_digest() and text_measure.FONTS.is_dir()  # the roadmap's key names its fonts


def test_a_view_of_the_plans_progress_is_never_kept(tmp_path, logic):
    progress = site_status.Progress(stage_dates.load_stages(ROOT)[0], 2, (), {})
    memo = ResultCache(tmp_path, "v1")
    assert "Tahap" in _expand("[[tahapan-bimtek]]\n", logic, memo, progress=progress)
    memo.save()
    assert not (tmp_path / FILE).exists()


def test_kept_data_needs_are_those_collected_afresh_in_the_offices_order(tmp_path, logic):
    plan = logic[1]
    pages = [(f"docs/{path.relative_to(ROOT / 'docs').as_posix()}", path.stem, documents.load(path, ROOT))
             for path in sorted((ROOT / "docs").rglob("*.md")) if "panduan" not in path.parts]
    fresh = data_needs.collect(plan, pages, ROOT)
    for _ in range(2):
        memo = ResultCache(tmp_path, "v1")
        kept = data_needs.collect(plan, pages, ROOT, memo)
        assert kept == fresh and list(kept) == list(fresh)
        memo.save()


def test_kept_abbreviations_of_a_page_are_those_found_afresh(tmp_path):
    glossary = {"SPBE": "Sistem Pemerintahan Berbasis Elektronik", "OPD": "Organisasi Perangkat Daerah",
                "TIK": "Teknologi Informasi dan Komunikasi"}
    text = "# Judul\n\nIndeks SPBE dinilai oleh setiap OPD.\n"
    fresh = {"toc": {"permalink": True}}
    abbreviations.for_page(fresh, glossary, text)
    for _ in range(2):
        configs = {"toc": {"permalink": True}}
        memo = ResultCache(tmp_path, "v1")
        abbreviations.for_page(configs, glossary, text, memo)
        assert configs == fresh and list(configs["abbr"]["glossary"]) == ["SPBE", "OPD"]
        memo.save()


@pytest.mark.parametrize(("texts", "expected"), [
    (["<p>Pelayanan publik &amp; data</p>", "<h2>Pelayanan</h2> <td>2025</td> e-government"],
     {"pelayanan", "publik", "data", "e", "government"}),
    (["(Bangli)", "Bangli,", "", "<b>-- ..</b>"], {"bangli"}),
])
def test_the_vocabulary_of_all_sections_is_the_words_of_each_section_together(texts, expected):
    separator = r"[\s\-]+"  # Material's default
    assert search_index.words(texts, separator) == expected
    assert set().union(*(search_index.words([text], separator) for text in texts)) == expected
