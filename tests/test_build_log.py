"""MkDocs' own English warnings an editor can cause, as the build log shows them through our translator
(masterplan/checks/build_log.py). The plan's build stops earlier, in the editors' checks; here a tiny real
MkDocs project without those checks makes MkDocs emit the genuine warnings, so the translation is tested
against MkDocs' real texts (they change between MkDocs versions)."""

from __future__ import annotations

import re

from conftest import run_build

HOOK = """
from pathlib import Path
from masterplan.checks import build_log


def on_config(config):
    for name in build_log.LOGGERS:
        build_log_filter = build_log.Translator(Path(config.docs_dir), Path(config.config_file_path).parent)
        import logging
        logging.getLogger(name).addFilter(build_log_filter)
    return config
"""


def test_mkdocs_warnings_reach_the_log_as_indonesian_problem_lines(tmp_path):
    project = tmp_path / "proyek"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(
        "# Beranda\n\nTeks.\n\nLihat [BAB I](bab-1.md) dan [bagian](#tidak-ada).\n\n![Peta](peta.png)\n",
        encoding="utf-8")
    (project / "docs" / "lain.md").write_text("# Lain\n", encoding="utf-8")
    (project / "hook.py").write_text(HOOK, encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Uji\nhooks: [hook.py]\nnav:\n  - index.md\n  - hilang.md\n"
        "validation:\n  omitted_files: warn\n  anchors: warn\n", encoding="utf-8")
    build = run_build(project, tmp_path / "site", pdf=False)
    log = build.log
    assert build.returncode != 0  # still fatal under --strict
    assert re.search(r"docs/index\.md:5: \[TAUTAN-RUSAK\] Tautan \"bab-1\.md\" menuju ke berkas yang tidak ada", log), log
    assert re.search(r"docs/index\.md:5: \[TAUTAN-RUSAK\] Tautan \"#tidak-ada\" menuju bagian", log), log
    assert re.search(r"docs/index\.md:7: \[GAMBAR-HILANG\] Berkas gambar \"peta\.png\"", log), log
    assert re.search(r"mkdocs\.yml:5: \[HALAMAN-NAVIGASI\] Daftar navigasi \(nav:\) menyebut \"hilang\.md\"", log), log
    assert re.search(r"docs/lain\.md:1: \[HALAMAN-NAVIGASI\] Halaman \"lain\.md\"", log), log
    assert "Doc file" not in log and "is included in the 'nav'" not in log and "exist in the docs directory" not in log
    # The same mistakes in the same words as the editors' checks (one wording, in rules.yml).
    from masterplan import checks
    checked = checks.run([project / "docs"], project / "docs", project, spell=False)
    same = [p for p in checked if p.rule in ("TAUTAN-RUSAK", "GAMBAR-HILANG", "HALAMAN-NAVIGASI")]
    assert len(same) == 5 and all(p.message in log for p in same), (same, log)


def test_weasyprint_image_errors_name_the_rule_in_indonesian():
    from masterplan.checks.build_log import weasyprint_message
    line = weasyprint_message("Failed to load image at 'file:///x/site/bab-9-penutup/assets/images/peta.png': "
                              "[Errno 2] No such file or directory")
    assert line.startswith("[GAMBAR-JALUR] PDF: gambar \"peta.png\"") and "Errno" not in line
    assert weasyprint_message("Anything else").startswith("WeasyPrint: Anything else")
