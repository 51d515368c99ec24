"""``.github/CODEOWNERS`` generated from each chapter's ``opd:`` front matter and the team mapping
``.github/tim-opd.yml``, so the responsible office reviews every change to its chapter and the file never
drifts from the chapters. The command (``masterplan/cli/codeowners.py``) writes it, or with ``--check`` (pull
request workflow) reports a stale file instead."""

from __future__ import annotations

from pathlib import Path

from masterplan.model import documents
from masterplan.model.problems import Problem
from masterplan.model.rules import message
from masterplan.model.sources import read_yaml

MAPPING = ".github/tim-opd.yml"
TARGET = ".github/CODEOWNERS"
# Paths only the maintainers change: the build machinery, shared data and this file's own sources.
MAINTAINED = ["/.github/", "/scripts/", "/tests/", "/overrides/", "/data/", "/mkdocs.yml",
              "/requirements.txt", "/requirements-dev.txt", "/.ci/"]

HEADER = """\
# Pemilik kode: GitHub meminta tinjauan dari tim yang tertulis untuk setiap berkas yang diubah sebuah
# pull request. Setiap bab ditinjau perangkat daerah penanggung jawabnya (front matter `opd:`); mesin
# penerbitan (alur kerja, skrip, konfigurasi, berkas ini) oleh pengelola. Baris terakhir yang cocok menang.
#
# JANGAN DISUNTING LANGSUNG: berkas ini dibuat oleh `.venv/bin/python scripts/codeowners.py` dari
# front matter bab dan .github/tim-opd.yml (tempat nama tim). Pull request memeriksa bahwa berkas ini
# mutakhir.
"""


def render(repo: Path) -> tuple[str, list[Problem]]:
    """The CODEOWNERS text for ``repo`` and the problems found (an unreadable mapping or page, a page
    without ``opd:``, an office without a team in :data:`MAPPING`). Never raises."""
    source = read_yaml(repo / MAPPING, MAPPING)
    mapping = source.data if isinstance(source.data, dict) else {}
    maintainers, teams = mapping.get("pengelola"), mapping.get("tim")
    if not source.problems and (not isinstance(maintainers, str) or not isinstance(teams, dict)):
        source.problems.append(Problem(MAPPING, 1, 0, "YAML-SALAH", message("YAML-SALAH", "tim_opd")))
    if source.problems:
        return "", source.problems
    lines, problems = [HEADER, f"*  {maintainers}", "", "# Bab dan halaman: perangkat daerah penanggung jawab"], []
    docs = repo / "docs"
    for path in sorted(docs.rglob("*.md")):
        document = documents.load(path, repo)
        if document.unreadable:
            problems.append(document.unreadable)
            continue
        office = str(document.meta.get("opd") or "")
        if not office:
            problems.append(Problem(document.path, 1, 0, "OPD-WAJIB", message("OPD-WAJIB", "tanpa_opd")))
            continue
        if office not in teams:
            line = next((number for number, text in enumerate(document.text.splitlines(), 1)
                         if text.startswith("opd:")), 1)
            problems.append(Problem(document.path, line, 0, "OPD-TANPA-TIM",
                                    message("OPD-TANPA-TIM", "tanpa_tim", opd=office, berkas=MAPPING)))
            continue
        lines.append(f"/{document.path}  {teams[office]}")
    lines += ["", "# Mesin penerbitan: pengelola", *(f"{path}  {maintainers}" for path in MAINTAINED), ""]
    return "\n".join(lines), problems
