"""The options of the plugin masterplan-pdf written out in masterplan/pdf/options.py (so that a build with
the PDF off does not import mkdocs-with-pdf) are exactly those of the installed mkdocs-with-pdf."""

from __future__ import annotations

from mkdocs_with_pdf.options import Options

from masterplan.pdf.options import WITH_PDF_OPTIONS


def _described(scheme) -> list[tuple]:
    return [(name, type(option).__name__, option._type, option.default, option.required) for name, option in scheme]


def test_the_written_out_options_are_those_of_mkdocs_with_pdf():
    assert _described(WITH_PDF_OPTIONS) == _described(Options.config_scheme)
