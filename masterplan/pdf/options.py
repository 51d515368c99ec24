"""mkdocs-with-pdf 0.9.3's options (``mkdocs_with_pdf.options.Options.config_scheme``), as the plugin
``masterplan-pdf`` accepts them in ``mkdocs.yml``. Written out here rather than imported, because importing
that module imports mkdocs-with-pdf's HTML drivers and BeautifulSoup: a tenth of a second of every build,
the PDF on or off (CATATAN-TEKNIS.md C53). ``tests/test_pdf_options.py`` fails when the installed
mkdocs-with-pdf's options differ from these.
"""

from __future__ import annotations

from mkdocs.config import config_options

WITH_PDF_OPTIONS = (
    ("enabled_if_env", config_options.Type(str)),
    ("verbose", config_options.Type(bool, default=False)),
    ("debug_html", config_options.Type(bool, default=False)),
    ("show_anchors", config_options.Type(bool, default=False)),
    ("output_path", config_options.Type(str, default="pdf/document.pdf")),
    ("theme_handler_path", config_options.Type(str, default=None)),
    ("author", config_options.Type(str, default=None)),
    ("copyright", config_options.Type(str, default=None)),
    ("cover", config_options.Type(bool, default=True)),
    ("back_cover", config_options.Type(bool, default=False)),
    ("cover_title", config_options.Type(str, default=None)),
    ("cover_subtitle", config_options.Type(str, default=None)),
    ("cover_logo", config_options.Type(str, default=None)),
    ("custom_template_path", config_options.Type(str, default="templates")),
    ("toc_title", config_options.Type(str, default="Table of contents")),
    ("heading_shift", config_options.Type(bool, default=True)),
    ("toc_level", config_options.Type(int, default=2)),
    ("ordered_chapter_level", config_options.Type(int, default=3)),
    ("excludes_children", config_options.Type(list, default=[])),
    ("exclude_pages", config_options.Type(list, default=[])),
    ("convert_iframe", config_options.Type(list, default=[])),
    ("two_columns_level", config_options.Type(int, default=0)),
    ("render_js", config_options.Type(bool, default=False)),
    ("headless_chrome_path", config_options.Type(str, default="chromium-browser")),
)
