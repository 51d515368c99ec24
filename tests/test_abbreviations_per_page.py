"""Each page is rendered with only the glossary entries whose abbreviation it holds
(masterplan/views/abbreviations.py: for_page), and its HTML is what the whole glossary gave."""

from __future__ import annotations

from pathlib import Path

import markdown

from conftest import mkdocs_config
from masterplan.views import abbreviations

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _html(text: str, glossary: dict[str, str]) -> str:
    config = mkdocs_config()
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    options = {next(iter(e)): e[next(iter(e))] for e in config["markdown_extensions"] if isinstance(e, dict)}
    return markdown.Markdown(extensions=extensions, extension_configs={**options, "abbr": {"glossary": glossary}}).convert(text)


def test_the_narrowed_glossary_gives_the_same_html_on_every_page():
    glossary = abbreviations.from_glossary(DOCS / abbreviations.GLOSSARY)
    assert len(glossary) > 50
    narrowed_somewhere = False
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text(encoding="utf-8") + "\n\nSPBE, OPD dan TIK di Bangli.\n"
        configs: dict = {"toc": {"permalink_title": "Tautan ke bagian ini"}}
        abbreviations.for_page(configs, glossary, text)
        used = configs["abbr"]["glossary"]
        narrowed_somewhere |= len(used) < len(glossary)
        assert _html(text, used) == _html(text, glossary), page
    assert narrowed_somewhere


def test_an_abbreviation_in_another_extensions_text_is_kept():
    configs: dict = {"toc": {"permalink_title": "Tautan ke bagian SPBE"}}
    abbreviations.for_page(configs, {"SPBE": "Sistem Pemerintahan Berbasis Elektronik", "OPD": "Organisasi"}, "# Judul\n")
    assert configs["abbr"]["glossary"] == {"SPBE": "Sistem Pemerintahan Berbasis Elektronik"}
