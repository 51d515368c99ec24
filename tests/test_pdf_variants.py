"""Reproducibility and the archival variant: two more real builds of the same commit."""

from __future__ import annotations

import shutil

from pypdf import PdfReader

from conftest import ROOT, run_build


def test_two_builds_of_the_same_commit_give_byte_identical_pdfs(full_build, tmp_path):
    shutil.rmtree(ROOT / ".cache" / "pdf", ignore_errors=True)  # render again, not reuse the kept PDF
    again = run_build(ROOT, tmp_path / "site", pdf=True)
    assert again.returncode == 0, again.log
    assert "PDF dibuat:" in again.log
    first, second = full_build.pdf.read_bytes(), again.pdf.read_bytes()
    if first != second:
        offset = next(i for i, (a, b) in enumerate(zip(first, second)) if a != b)
        raise AssertionError(f"PDFs differ from byte {offset}: {first[offset - 40:offset + 40]!r} "
                             f"vs {second[offset - 40:offset + 40]!r}")


def test_pdf_a_variant_by_one_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("PDF_VARIANT", "pdf/a-3a")
    build = run_build(ROOT, tmp_path / "site", pdf=True)
    assert build.returncode == 0, build.log
    reader = PdfReader(build.pdf)
    xmp = reader.xmp_metadata.rdf_root.toxml()
    assert "pdfaid" in xmp and ">3<" in xmp.replace(" ", "") or 'pdfaid:part="3"' in xmp
    assert "/OutputIntents" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/Lang"] == "id"


def test_unknown_variant_is_an_indonesian_message_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("PDF_VARIANT", "pdf/x-9")
    build = run_build(ROOT, tmp_path / "site", pdf=True)
    assert build.returncode != 0
    assert "bernilai 'pdf/x-9', tidak sah" in build.log and "Traceback" not in build.log
