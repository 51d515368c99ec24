"""``extra.pdf_varian`` in mkdocs.yml: a wrong value is one ``mkdocs.yml:line: [PENGATURAN-RENCANA]`` line
(Indonesian, naming the choices), from the check every build runs (``metadata.variant_problems``)."""

from pathlib import Path

import pytest

from masterplan.pdf import metadata

pytestmark = pytest.mark.unit


def _config(tmp_path: Path, value: str | None) -> dict:
    lines = ["site_name: Uji", "extra:", "  rencana:", "    tahap: 2"]
    if value is not None:
        lines.append(f"  pdf_varian: {value}")
    (tmp_path / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"rencana": {"tahap": 2}, **({} if value is None else {"pdf_varian": value})}


@pytest.mark.parametrize("value", [None, "pdf/ua-1", "pdf/ua-2", "pdf/a-3b"])
def test_supported_or_absent_variants_pass(tmp_path, monkeypatch, value):
    monkeypatch.delenv(metadata.VARIANT_ENV, raising=False)
    assert metadata.variant_problems(_config(tmp_path, value), tmp_path) == []


@pytest.mark.parametrize("value", ["pdf/ua-0", "PDF/UA-1", "pdfa", "'1'"])
def test_unknown_variant_is_reported_at_its_line_with_the_choices(tmp_path, monkeypatch, value):
    monkeypatch.delenv(metadata.VARIANT_ENV, raising=False)
    [problem] = metadata.variant_problems(_config(tmp_path, value), tmp_path)
    text = problem.text()
    assert text.startswith("mkdocs.yml:5: [PENGATURAN-RENCANA] 'extra.pdf_varian' bernilai ")
    assert "pdf/ua-1" in text and "pdf/a-3b" in text


def test_the_environment_variable_is_named_when_it_is_the_wrong_value(tmp_path, monkeypatch):
    monkeypatch.setenv(metadata.VARIANT_ENV, "pdf/x")
    [problem] = metadata.variant_problems(_config(tmp_path, None), tmp_path)
    assert "variabel lingkungan PDF_VARIANT bernilai 'pdf/x'" in problem.text()
