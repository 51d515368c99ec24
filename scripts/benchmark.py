"""Mengukur kinerja pembangunan dan halaman situs terhadap anggaran kinerja.

Pemakaian:
    .venv/bin/python scripts/benchmark.py [--runs N] [--quick] [--no-lighthouse] [--scale N] [--pdf-only] [--readme]

--runs N         jumlah pasangan tiap pengukuran (dan suntingan pratinjau per sisi); dilaporkan median
                 dan rentangnya (bawaan 3)
--quick          tanpa PDF dan tanpa Lighthouse (uji asap; beberapa detik per ulangan)
--no-lighthouse  lewati Lighthouse walaupun terpasang
--scale N        juga mengukur memori puncak untuk rencana N kali lebih panjang (isi tiap bab diulang N
                 kali, salinan di folder sementara; satu kali bangun situs+PDF)
--pdf-only       hanya bangun situs dan situs+PDF (detik CPU per halaman PDF, memori); tanpa bangun tanpa
                 tembolok, pratinjau dan pengukuran di Chromium

--readme         tulis tabelnya juga ke bagian "Kinerja" README.md (di antara penanda benchmark)

Mencetak satu tabel Markdown: waktu bangun situs (detik dinding dan detik CPU), lama sebuah suntingan
tampil di pratinjau ``mkdocs serve --dirty``, waktu bangun PDF, detik per halaman PDF dan memori puncak,
untuk konfigurasi kita dan untuk konfigurasi bawaan pada isi yang sama. Bawaan situs: Material dan search
saja (tanpa hook, tanpa plugin kita, tanpa plugin PDF); bawaan PDF: ditambah mkdocs-with-pdf dengan opsi
bawaannya dan satu aturan CSS yang mencegah PDF terpotong. Bangun situs bawaan diukur dua kali: dari
sumber ``docs/`` yang sama (penanda ``[[…]]`` tetap teks, jadi bawaan merender lebih sedikit) dan dari
Markdown akhir yang diserahkan plugin kita ke Python-Markdown (ditulis sekali sebelum pengukuran oleh
masterplan/devtools/rendered_markdown.py; isi dan jumlah halaman sama), yang rasionya biaya hook dan
pemeriksaan saja. Kedua konfigurasi dibangun bergantian
berpasangan (kita, bawaan, bawaan, kita, ...) agar beban mesin yang berubah mengenai keduanya; rasio
dihitung per pasangan dan dicetak sebagai median beserta rentangnya (min–maks). Target "hook dan
pemeriksaan menambah paling banyak 30 %" dinilai pada detik CPU (pengguna + sistem), yang tidak ikut naik
ketika mesin sibuk; detik dinding dicetak di sampingnya. Bangun situs kita diukur dua kali: seperti
penyunting membangun ulang (tembolok ``.cache/`` dari bangun sebelumnya ada: kata dasar, hasil pemeriksaan,
judul dan jumlah kata, templat terkompilasi) dan dengan tembolok itu dihapus (bangun pertama setelah klon, dan bangun CI bila tembolok main belum ada; kata dasar yang
dikirim bersama kode tetap dipakai), yang dibandingkan dengan kedua bawaan dalam tiga-serangkai bergantian. Bangun
pertama sebuah pull request di CI (yang memulihkan tembolok main) diukur pada salinan proyek: tembolok bangun main
dipulihkan, lalu satu kalimat bab atau satu program di ``data/program.yml`` diubah, bergantian dengan bawaan yang
membangun Markdown akhir kita. Pratinjau: kedua proyek (salinan di folder sementara)
dilayani ``mkdocs serve --dirty`` berdampingan; satu bab diubah bergantian di kedua sisi dan waktunya
diukur sampai halaman yang dilayani memuat teks baru (termasuk jeda pengawas berkas MkDocs, ≤ 0,5 detik).
Lalu, untuk situs
kita di samping situs bawaan (masterplan/devtools/reader_budget.py): ukuran terkirim (gzip) dan jumlah
permintaan setiap halaman bab pada muat pertama (yang terberat dilaporkan), galat konsol, pelanggaran axe
pada 360 px, 1280 px dan zoom 200 %, kerja gaya dan tata letak saat beranda, BAB I dan BAB VI dimuat di
ponsel (jejak Chromium: jumlah elemen, elemen yang ditata ulang, objek tata letak), dan skor Lighthouse seluler (median 5, kita dan bawaan bergantian)
untuk beranda, BAB I dan BAB VI bila Lighthouse terpasang (perintahnya: reader_budget.LIGHTHOUSE_INSTALL).

PDF diukur dalam detik CPU (pengguna + sistem; di mesin bersama waktu dinding tidak stabil). Bangun kita
menulis dua PDF: rencana dan lembar kerja kebutuhan data (masterplan/pdf/worksheets.py), bawaan hanya
rencana. Pasangan situs+PDF membandingkan yang sama: sebelum tiap bangun situs+PDF kita, PDF rencana
tersimpan (.cache/pdf) dihapus agar benar-benar dirender, sedangkan lembar kerja dipakai ulang dari
tembolok (seperti bangun ulang penyunting bila kebutuhan data tidak berubah; satu bangun pemanasan
membuatnya); detik per halaman = (CPU situs+PDF − CPU situs saja) / halaman PDF rencana. Lembar kerja
diukur terpisah: bangun yang hanya merender lembar kerja bergantian dengan bangun ulang tanpa perubahan
(semua PDF tersimpan dipakai); selisih CPU-nya per halaman lembar kerja. Bangun ulang tanpa perubahan itu
juga dibandingkan dengan bangun situs saja. Seperti bangun situs, PDF bawaan juga dibangun dari Markdown
akhir kita (bergantian dalam tiga-serangkai yang sama: kita, bawaan sumber, bawaan akhir): isinya, termasuk
tabel dari ``data/``, sama dengan PDF kita, dan detik per halamannya dikurangi CPU situs saja proyek yang sama.

Measures the builds and the pages readers load against the performance budget. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

from masterplan.devtools import preview_latency, reader_budget
from masterplan.model import result_cache, site_config, word_cache
from masterplan.pdf import worksheets
from masterplan.site import kept
from masterplan.views import search_index
from pypdf import PdfReader

PDF = "pdf/Masterplan-Smart-City-Bangli.pdf"
# The one rule without which mkdocs-with-pdf 0.9.3 silently drops chapters (CATATAN-TEKNIS.md C1).
STOCK_PDF_CSS = "article, section + section { min-height: auto !important; }\n"
LIGHTHOUSE_RUNS = 5
# Runs one command and prints its wall time, its CPU time (user + system) and the peak resident memory
# of it and its children (KiB).
_MEASURE = ("import json, resource, subprocess, sys, time\n"
            "start = time.perf_counter()\n"
            "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode\n"
            "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(json.dumps({'seconds': time.perf_counter() - start, 'code': code,\n"
            "                  'cpu': usage.ru_utime + usage.ru_stime, 'kib': usage.ru_maxrss}))\n")
PDF_CACHE = ROOT / ".cache" / "pdf"  # where our PDF plugin keeps the last PDFs (mkdocs.yml, cache_dir)

TARGETS = {
    # hook_overhead: our plugins and checks add at most 30 % (CPU seconds) to a stock Material build, so that
    # a pull request build stays near stock speed; preview: an edit shows in `mkdocs serve` within ~1.5 s,
    # about the time an editor waits before looking again; pdf_ratio: our PDF costs at most the stock
    # plugin's CPU seconds per page, with tagging kept (pdf_aim is the issue's aim, #14).
    "hook_overhead": 1.30, "preview": 1.5, "pdf_ratio": 1.0, "pdf_aim": 0.8, "memory": 1024 * 1024,  # KiB
}
# What our site build keeps between builds (masterplan.model.word_cache: the search index's root words, and
# masterplan.model.result_cache: checks, schema verdicts, headings, word counts; masterplan.site.kept: the
# compiled templates); removed for the cold builds.
KEPT = (ROOT / word_cache.FOLDER / search_index.ROOTS_CACHE, ROOT / word_cache.FOLDER / result_cache.FILE,
        ROOT / word_cache.FOLDER / kept.TEMPLATES)
# What the preview needs of our project (the package itself is installed, rules.yml in it).
PROJECT_PARTS = ("docs", "data", "overrides", "scripts", "mkdocs.yml")


def _build(project: Path, site: Path, pdf: bool, strict: bool, reuse: bool = False, cold: bool = False,
           render: str = "rencana") -> dict:
    """One ``mkdocs build`` of ``project`` into ``site``: seconds, CPU seconds, exit code and peak memory
    (KiB). With ``pdf`` our build renders what ``render`` names (:func:`_forget_pdfs`) and reuses the rest
    from our cache, or reuses all with ``reuse``; with ``cold`` what our builds keep (:data:`KEPT`) is
    removed first."""
    if pdf and not reuse and project == ROOT:
        _forget_pdfs(render)
    if cold and project == ROOT:
        for path in KEPT:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ENABLE_PDF_EXPORT", None)
    if pdf:
        env["ENABLE_PDF_EXPORT"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)] + (["--strict"] if strict else [])
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=project, env=env,
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    if result["code"] != 0:
        raise SystemExit(f"GAGAL: mkdocs build di {project} keluar dengan status {result['code']}.")
    return result


def _forget_pdfs(render: str) -> None:
    """Remove from our PDF cache what the next build must render: ``"rencana"`` the plan's PDF only (the
    worksheets, :mod:`masterplan.pdf.worksheets`, are reused as in an editor's rebuild whose data needs
    did not change: stock renders the plan alone), ``"lembar-kerja"`` the worksheets only, ``"semua"``
    both."""
    if render in ("lembar-kerja", "semua"):
        shutil.rmtree(PDF_CACHE / worksheets.CACHE_FOLDER, ignore_errors=True)
    if render in ("rencana", "semua") and PDF_CACHE.is_dir():
        for entry in PDF_CACHE.iterdir():
            if entry.is_file():
                entry.unlink()


def stock_project(work: Path, pdf: bool, rendered: bool = False, docs: Path | None = None) -> Path:
    """A copy of the plan's content with the stack's defaults: Material and search, no hooks, no plugin of
    ours, no extra CSS, ``theme.font: false`` (the default font is fetched from Google Fonts, which this
    machine cannot reach). With ``pdf`` also mkdocs-with-pdf with its default options and templates and
    only the CSS rule that stops the silent truncation; without, the PDF plugin is not loaded at all (so
    WeasyPrint is not imported). Directives such as ``[[peta-jalan]]`` stay as text, so that stock renders
    less than we do; with ``rendered`` the docs are instead the final Markdown our plugin hands to
    Python-Markdown (:mod:`masterplan.devtools.rendered_markdown`, one build of ours before any timing):
    the same pages, text and tables, so the site ratio is what our hooks and checks cost alone and the PDF
    ratio compares the same pages. ``docs``: such a final-Markdown docs folder already written (the site's
    stock project), copied instead of building ours once more."""
    project = work / f"proyek-bawaan-{'pdf' if pdf else 'situs'}{'-final' if rendered else ''}"
    project.mkdir(parents=True)
    if rendered and docs:
        shutil.copytree(docs, project / "docs")
    elif rendered:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        env.pop("ENABLE_PDF_EXPORT", None)
        subprocess.run([sys.executable, "-m", "masterplan.devtools.rendered_markdown", str(ROOT),
                        str(project / "docs")], cwd=ROOT, env=env, check=True, capture_output=True)
    else:
        shutil.copytree(ROOT / "docs", project / "docs")
    ours = site_config.source(ROOT).data  # MkDocs' own tags (!ENV, !!python/name) read as null
    plugins: list = ["search"]
    if pdf:
        (project / "pdf-templates").mkdir()
        (project / "pdf-templates" / "styles.scss").write_text(STOCK_PDF_CSS, encoding="utf-8")
        plugins.append({"with-pdf": {"enabled_if_env": "ENABLE_PDF_EXPORT", "output_path": PDF,
                                     "custom_template_path": str(project / "pdf-templates")}})
    config = {
        "site_name": ours["site_name"], "docs_dir": "docs", "nav": ours["nav"],
        "theme": {"name": "material", "language": "id", "font": False},
        "markdown_extensions": ours["markdown_extensions"], "plugins": plugins,
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                        encoding="utf-8")
    return project


def paired_builds(ours: Path, stock: Path, work: Path, runs: int, pdf: bool, cold: bool = False,
                  final: Path | None = None) -> list[tuple[dict, dict]] | list[tuple[dict, dict, dict]]:
    """``runs`` pairs of builds (ours strict, stock not: stock lacks our fixes), alternating which side
    goes first, so that a change in the machine's load between runs falls on both sides. ``cold``: what our
    builds keep (:data:`KEPT`) removed before each of our builds. With ``final`` (the stock project of
    our final Markdown, :func:`stock_project` ``rendered``) each run also builds it, our build between the
    two stock builds (stock, ours, final; then final, ours, stock), so that ours is next to each: triples
    (ours, stock, final)."""
    pairs = []
    for run in range(runs):
        sides = [(stock, "bawaan", False), (ours, "kita", True)] if final else [(ours, "kita", True), (stock, "bawaan", False)]
        if final:
            sides.append((final, "bawaan-final", False))
        if run % 2:
            sides.reverse()
        done = {name: _build(project, work / f"{name}-{'lengkap' if pdf else 'situs'}", pdf, strict, cold=cold)
                for project, name, strict in sides}
        pairs.append((done["kita"], done["bawaan"], done["bawaan-final"]) if final else (done["kita"], done["bawaan"]))
    return pairs


def spread(pairs: list[tuple[float, float]]) -> dict:
    """Medians of both sides of ``pairs`` (ours, stock) and of the per-pair ratio ours/stock, with the
    lowest and highest ratio."""
    ratios = [ours / stock for ours, stock in pairs]
    return {"ours": statistics.median(o for o, _ in pairs), "stock": statistics.median(s for _, s in pairs),
            "ratio": statistics.median(ratios), "low": min(ratios), "high": max(ratios)}


def summary(pairs: list[tuple[dict, dict]]) -> dict:
    """Wall seconds (top level, as :func:`spread`), ``cpu`` seconds (the same figures) and the peak memory
    (KiB) of both sides of ``pairs``."""
    return {**spread([(o["seconds"], s["seconds"]) for o, s in pairs]),
            "cpu": spread([(o["cpu"], s["cpu"]) for o, s in pairs]), "cpu_pairs": [(o["cpu"], s["cpu"]) for o, s in pairs],
            "ours_kib": max(o["kib"] for o, _ in pairs), "stock_kib": max(s["kib"] for _, s in pairs)}


def copied_project(work: Path) -> Path:
    """A copy of our project (:data:`PROJECT_PARTS`) for the preview, whose chapter is edited."""
    project = work / "proyek-kita"
    for name in PROJECT_PARTS:
        source, target = ROOT / name, project / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    return project


# What a pull request changes, each measured from main's cache: one sentence of a chapter (an OPD's text),
# one programme's name in data/program.yml (an OPD's programme; the name is printed in BAB VI and VII, the
# roadmap and the appendices, so the views that show it are made again). (file, old text, new text with
# {run}); the old text occurs once.
PULL_REQUESTS = {
    "bab": ("docs/bab-4-visi-misi.md", "Dengan dasar itu, Tim Penyusun", "Dengan dasar itu (suntingan {run}), Tim Penyusun"),
    "program": ("data/program.yml", "nama: Pengembangan Layanan Perizinan dan Nonperizinan Daring Terpadu",
                "nama: Pengembangan Layanan Perizinan dan Nonperizinan Daring Terpadu (suntingan {run})"),
}


def measure_pull_requests(work: Path, stock: Path, runs: int) -> dict[str, dict]:
    """The first build of a pull request in CI, which restores main's ``.cache/`` (C80) and builds the
    changed sources: for each :data:`PULL_REQUESTS` edit, ``runs`` pairs of (our build of a copy of the
    project with that edit and main's cache put back first, stock building our final Markdown ``stock``),
    alternating which goes first; :func:`summary` by edit."""
    project = copied_project(work / "pr")
    _build(project, work / "pr-utama", pdf=False, strict=True)  # main's build: its cache is what CI restores
    main_cache = work / "tembolok-main"
    shutil.copytree(project / word_cache.FOLDER, main_cache)
    found = {}
    for name, (relative, old, new) in PULL_REQUESTS.items():
        source = project / relative
        original = source.read_text(encoding="utf-8")
        if original.count(old) != 1:
            raise SystemExit(f"GAGAL: {relative} tidak memuat tepat sekali teks yang disunting untuk pengukuran: {old!r}.")
        pairs = []
        for run in range(runs):
            shutil.rmtree(project / word_cache.FOLDER)
            shutil.copytree(main_cache, project / word_cache.FOLDER)
            source.write_text(original.replace(old, new.format(run=run)), encoding="utf-8")
            sides = [(project, "kita", True), (stock, "bawaan", False)]
            done = {side: _build(folder, work / f"pr-{side}", pdf=False, strict=strict)
                    for folder, side, strict in (sides[::-1] if run % 2 else sides)}
            pairs.append((done["kita"], done["bawaan"]))
        source.write_text(original, encoding="utf-8")
        found[name] = summary(pairs)
    return found


def measure_preview(work: Path, edits: int) -> dict:
    """:func:`spread` of the seconds until an edit shows in ``mkdocs serve --dirty``, ours against stock
    (:mod:`masterplan.devtools.preview_latency`), ``edits`` edits on each side in turn."""
    projects = {"kita": copied_project(work), "bawaan": stock_project(work / "pratinjau", pdf=False)}
    seconds = preview_latency.paired_latencies(projects, work, edits)
    return spread(list(zip(seconds["kita"], seconds["bawaan"])))


def scaled_project(work: Path, factor: int) -> Path:
    """A copy of the plan whose every chapter (the pages the PDF holds, not the home page or the editors'
    guide) holds its text ``factor`` times, for the memory a longer plan needs."""
    project = work / f"skala-{factor}"
    for name in ("docs", "data", "overrides", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for page in (project / "docs").rglob("*.md"):
        relative = page.relative_to(project / "docs").as_posix()
        if relative == "index.md" or relative.startswith("panduan/"):
            continue
        text = page.read_text(encoding="utf-8")
        head, separator, body = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
        copies = [_repeated(body, number) for number in range(2, factor + 1)]
        page.write_text(head + separator + "\n\n".join([body, *copies]), encoding="utf-8")
    return project


def _repeated(body: str, number: int) -> str:
    """``body`` once more, its headings renamed "… (ulangan N)", one level under the title, without fixed
    ids, so that the editors' checks (one title per page, no duplicate sections) still pass."""
    def heading(match: re.Match) -> str:
        return f"{match[1] if len(match[1]) > 1 else '##'} {match[2]} (ulangan {number})"
    return re.sub(r"^(#{1,6}) (.*?)(?:\s*\{[^}]*\})?\s*$", heading, body, flags=re.MULTILINE)


def measure_scaled(work: Path, factor: int) -> dict:
    """Peak memory (KiB), pages and CPU seconds of one site+PDF build of :func:`scaled_project`."""
    result = _build(scaled_project(work, factor), work / f"skala-{factor}-hasil", True, strict=False)
    return {"factor": factor, "kib": result["kib"], "cpu": result["cpu"],
            "pages": len(PdfReader(work / f"skala-{factor}-hasil" / PDF).pages)}


def per_page_pairs(cpu_pairs: list[tuple[float, float]], site_cpu: tuple[float, float],
                   pages: tuple[int, int]) -> dict:
    """CPU seconds per PDF page of each site+PDF pair (ours, stock): the pair's CPU seconds less the
    median site-only build of its side, over the page count of that side's plan PDF (the only PDF either
    side renders in these pairs, :func:`_forget_pdfs`); as :func:`spread` (medians, the
    ratio ours/stock per pair and its range) with the per-page ``pairs`` themselves."""
    pairs = [(max(ours - site_cpu[0], 0.0) / pages[0], max(stock - site_cpu[1], 0.0) / pages[1])
             for ours, stock in cpu_pairs]
    return {**spread(pairs), "pairs": pairs}


def measure_worksheets(work: Path, runs: int) -> dict:
    """The worksheets' own cost: ``runs`` pairs of our site+PDF builds, one rendering the worksheets
    alone (the plan's PDF reused from our cache) and one reusing both, alternating; CPU seconds of the
    difference per worksheet page (median and range) and their page count. Also ``cached``: the median
    CPU seconds of the build that reuses both (a rebuild with nothing changed)."""
    pairs = []
    for run in range(runs):
        sides = [("lembar-kerja", False), ("tersimpan", True)]
        done = {name: _build(ROOT, work / "kita-lengkap", True, True, reuse=reuse, render=name)["cpu"]
                for name, reuse in (sides[::-1] if run % 2 else sides)}
        pairs.append((done["lembar-kerja"], done["tersimpan"]))
    pages = len(PdfReader(work / "kita-lengkap" / worksheets.file_name(PDF)).pages)
    per_page = [max(rendered - reused, 0.0) / pages for rendered, reused in pairs]
    return {"pages": pages, "ours": statistics.median(per_page), "low": min(per_page), "high": max(per_page),
            "cached": statistics.median(reused for _, reused in pairs)}


def _verdict(ok: bool) -> str:
    return "terpenuhi" if ok else "**tidak terpenuhi**"


def _ratio(figures: dict) -> str:
    if figures["low"] == figures["high"]:
        return f"{figures['ratio']:.2f}"
    return f"{figures['ratio']:.2f} ({figures['low']:.2f}–{figures['high']:.2f})"


# What our site+PDF builds in the paired measurement render: the plan's PDF, as stock does.
PLAN_ONLY = ("kita merender PDF rencana saja, lembar kerja kebutuhan data dipakai ulang dari tembolok "
             "dan diukur terpisah")
# The two stock rows of the site build, worded so that nobody takes one ratio for the other.
SAME_SOURCE = "bawaan membangun sumber `docs/` yang sama (penanda `[[…]]` tetap teks, isinya lebih sedikit)"
SAME_MARKDOWN = "bawaan membangun Markdown akhir kita (penanda sudah dijabarkan, isi dan halaman sama)"
SAME_TABLES = "bawaan membangun Markdown akhir kita (isi dan tabel sama)"


def _per_page_row(label: str, per_page: dict) -> str:
    """One row of CPU seconds per PDF page (:func:`per_page_pairs` figures) against the PDF target, with
    each side's range."""
    ours, stock = [o for o, _ in per_page["pairs"]], [s for _, s in per_page["pairs"]]
    return (f"| {label} (median; rentang kita {min(ours):.3f}–{max(ours):.3f}, bawaan {min(stock):.3f}–"
            f"{max(stock):.3f}) | {per_page['ours']:.3f} | {per_page['stock']:.3f} | {_ratio(per_page)} | "
            f"≤ {TARGETS['pdf_ratio']:.2f} (sasaran {TARGETS['pdf_aim']:.1f}) | "
            f"{_verdict(per_page['ratio'] <= TARGETS['pdf_ratio'])} |")


def _cpu_row(label: str, figures: dict) -> str:
    """One row of CPU seconds against the hook-overhead target (:func:`summary` figures)."""
    overhead = TARGETS["hook_overhead"]
    return (f"| {label} | {figures['cpu']['ours']:.2f} | {figures['cpu']['stock']:.2f} | {_ratio(figures['cpu'])} | "
            f"≤ {overhead:.2f} | {_verdict(figures['cpu']['ratio'] <= overhead)} |")


# What "without .cache/" means for our side, so that nobody takes it for a build without shipped data.
COLD = "Bangun situs tanpa tembolok `.cache/` (seperti bangun pertama sesudah klon; hanya yang ada di klon dipakai)"


# How each pull-request row names its edit (PULL_REQUESTS).
PULL_REQUEST_ROWS = {
    "bab": "Bangun pertama pull request di CI, satu kalimat bab diubah (tembolok `.cache/` main dipulihkan)",
    "program": "Bangun pertama pull request di CI, satu program di `data/program.yml` diubah (tembolok main dipulihkan)",
}


def _site_rows(site: dict, cold: dict | None, preview: dict | None, final: dict | None = None,
               cold_final: dict | None = None, pull_requests: dict | None = None) -> list[str]:
    rows = [f"| Bangun situs (detik) | {site['ours']:.2f} | {site['stock']:.2f} | {_ratio(site)} | – | – |",
            _cpu_row(f"Bangun situs (detik CPU); {SAME_SOURCE}", site)]
    if final:
        rows.append(_cpu_row(f"Bangun situs (detik CPU); {SAME_MARKDOWN}: biaya plugin dan pemeriksaan kita saja", final))
    for name, figures in (pull_requests or {}).items():
        rows.append(_cpu_row(f"{PULL_REQUEST_ROWS[name]} (detik CPU); {SAME_MARKDOWN}", figures))
    if cold:
        rows.append(_cpu_row(f"{COLD} (detik CPU); {SAME_SOURCE}", cold))
    if cold_final:
        rows.append(_cpu_row(f"{COLD} (detik CPU); {SAME_MARKDOWN}: biaya plugin dan pemeriksaan kita saja", cold_final))
    if preview:
        rows.append(f"| Suntingan bab tampil di pratinjau `serve --dirty` (detik) | {preview['ours']:.2f} | "
                    f"{preview['stock']:.2f} | {_ratio(preview)} | ≤ {TARGETS['preview']:.1f} detik | "
                    f"{_verdict(preview['ours'] <= TARGETS['preview'])} |")
    return rows


def report(site: dict, full: dict | None, pages: tuple[int, int] | None, runs: int,
           cached: float | None = None, scaled: dict | None = None, cold: dict | None = None,
           preview: dict | None = None, final: dict | None = None, sheets: dict | None = None,
           cold_final: dict | None = None, pdf_final: dict | None = None, pull_requests: dict | None = None) -> str:
    """The Markdown table of figures and targets (Bahasa Indonesia, as the README); ``full`` and ``pages``
    are the site+PDF builds (ours rendering the plan's PDF alone, as stock does) and the pages of each
    side's plan PDF, ``cached`` is the CPU seconds of our site+PDF rebuild with nothing changed, ``sheets``
    what :func:`measure_worksheets` found, ``scaled`` what :func:`measure_scaled` found,
    ``cold`` the site builds without our cache (:func:`summary`), ``preview`` :func:`measure_preview`,
    ``final`` our site builds against stock building our final Markdown (:func:`summary`), ``cold_final``
    the same for our builds without the cache, ``pdf_final`` our site+PDF builds against stock building
    our final Markdown (:func:`summary`, with ``pages``: that stock PDF's page count); its CPU seconds per
    page take off the site-only CPU of the same stock project (``final``); ``pull_requests``
    :func:`measure_pull_requests`."""
    lines = [f"{runs} pasangan bergantian; median, rasio per pasangan (rentang min–maks); mesin: "
             f"{os.cpu_count()} inti; {time.strftime('%Y-%m-%d')}.", "",
             "| Ukuran | Kita | Bawaan | Rasio | Target | Hasil |", "|---|---:|---:|---:|---|---|",
             *_site_rows(site, cold, preview, final, cold_final, pull_requests)]
    kib = [site["ours_kib"], site["stock_kib"]]
    if full and pages:
        pdf_ours = max(full["cpu"]["ours"] - site["cpu"]["ours"], 0.0)
        pdf_stock = max(full["cpu"]["stock"] - site["cpu"]["stock"], 0.0)
        per_page = per_page_pairs(full["cpu_pairs"], (site["cpu"]["ours"], site["cpu"]["stock"]), pages)
        lines += [
            f"| Bangun situs + PDF rencana (detik; {PLAN_ONLY}) | {full['ours']:.2f} | {full['stock']:.2f} | "
            f"{_ratio(full)} | – | – |",
            f"| Bangun situs + PDF rencana (detik CPU) | {full['cpu']['ours']:.2f} | {full['cpu']['stock']:.2f} | "
            f"{_ratio(full['cpu'])} | – | – |",
            f"| PDF rencana saja (detik CPU) | {pdf_ours:.2f} | {pdf_stock:.2f} | "
            f"{pdf_ours / pdf_stock if pdf_stock else float('nan'):.2f} | – | – |",
            f"| Halaman PDF rencana | {pages[0]} | {pages[1]} | – | – | – |",
            _per_page_row(f"Detik CPU per halaman PDF rencana; {SAME_SOURCE}", per_page)]
        if pdf_final:
            # Stock building our final Markdown: its own site+PDF and site-only CPU, its own page count.
            lines += [f"| Halaman PDF rencana; bawaan dari Markdown akhir kita | {pages[0]} | {pdf_final['pages']} | "
                      f"– | – | – |",
                      _per_page_row(f"Detik CPU per halaman PDF; {SAME_TABLES}", per_page_pairs(
                          pdf_final["cpu_pairs"], (site["cpu"]["ours"], final["cpu"]["stock"]),
                          (pages[0], pdf_final["pages"])))]
        if sheets:
            lines.append(f"| Lembar kerja kebutuhan data ({sheets['pages']} halaman, PDF kedua bangun kita; bawaan tidak "
                         f"membuatnya): detik CPU per halaman (rentang {sheets['low']:.3f}–{sheets['high']:.3f}) | "
                         f"{sheets['ours']:.3f} | – | – | – | – |")
        if cached is not None:
            lines.append(f"| Bangun ulang situs + PDF tanpa perubahan, PDF tersimpan dipakai (detik CPU) | "
                         f"{cached:.2f} | {site['cpu']['ours']:.2f} (situs saja, kita) | "
                         f"{cached / site['cpu']['ours']:.2f} | ≤ 1.10 | {_verdict(cached <= 1.10 * site['cpu']['ours'])} |")
        kib = [max(kib[0], full["ours_kib"]), max(kib[1], full["stock_kib"])]
    lines.append(f"| Memori puncak (MiB) | {kib[0] / 1024:.0f} | {kib[1] / 1024:.0f} | "
                 f"{kib[0] / kib[1]:.2f} | < 1024 | {_verdict(kib[0] < TARGETS['memory'])} |")
    if scaled:
        lines.append(f"| Memori puncak, rencana {scaled['factor']}× lebih panjang ({scaled['pages']} halaman PDF; "
                     f"{scaled['cpu']:.0f} detik CPU) (MiB) | {scaled['kib'] / 1024:.0f} | – | – | ≤ 1024 | "
                     f"{_verdict(scaled['kib'] <= TARGETS['memory'])} |")
    return "\n".join(lines)


README_START, README_END = "<!-- benchmark:mulai -->", "<!-- benchmark:selesai -->"


def write_readme(table: str, readme: Path = ROOT / "README.md") -> None:
    """Put ``table`` between the benchmark markers of the README's "Kinerja" section."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    readme.write_text(text[:start] + "\n" + table + "\n" + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and print the table; returns 0 (targets missed are reported, not failed)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--readme", action="store_true")
    parser.add_argument("--scale", type=int, default=0)
    parser.add_argument("--pdf-only", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="benchmark-") as folder:
        work = Path(folder)
        print("Membangun situs: kita dan bawaan bergantian …", file=sys.stderr)
        stock_site = stock_project(work, pdf=False)
        print("Menulis Markdown akhir kita untuk bawaan yang setara …", file=sys.stderr)
        stock_final = stock_project(work, pdf=False, rendered=True)
        _build(ROOT, work / "pemanasan", pdf=False, strict=True)  # fills .cache/ as an editor's last build did
        triples = paired_builds(ROOT, stock_site, work, args.runs, pdf=False, final=stock_final)
        site = summary([(ours, stock) for ours, stock, _ in triples])
        final = summary([(ours, same) for ours, _, same in triples])
        cold = cold_final = preview = pull_requests = None
        if not args.pdf_only:
            print("Membangun pull request dari tembolok main: kita dan bawaan bergantian …", file=sys.stderr)
            pull_requests = measure_pull_requests(work, stock_final, args.runs)
            print("Membangun situs tanpa tembolok: kita dan kedua bawaan bergantian …", file=sys.stderr)
            triples = paired_builds(ROOT, stock_site, work, args.runs, pdf=False, cold=True, final=stock_final)
            cold = summary([(ours, stock) for ours, stock, _ in triples])
            cold_final = summary([(ours, same) for ours, _, same in triples])
            print("Mengukur pratinjau serve --dirty: suntingan bergantian …", file=sys.stderr)
            preview = measure_preview(work, args.runs)
        full = pages = cached = scaled = sheets = pdf_final = None
        if not args.quick:
            print("Membangun situs + PDF: kita dan bawaan bergantian …", file=sys.stderr)
            stock_pdf = stock_project(work, pdf=True)
            stock_pdf_final = stock_project(work, pdf=True, rendered=True, docs=stock_final / "docs")
            # Our paired builds render the plan's PDF alone (_forget_pdfs): this one keeps the worksheets.
            _build(ROOT, work / "pemanasan-pdf", pdf=True, strict=True, render="semua")
            triples = paired_builds(ROOT, stock_pdf, work, args.runs, pdf=True, final=stock_pdf_final)
            full = summary([(ours, stock) for ours, stock, _ in triples])
            pages = (len(PdfReader(work / "kita-lengkap" / PDF).pages), len(PdfReader(work / "bawaan-lengkap" / PDF).pages))
            pdf_final = {**summary([(ours, same) for ours, _, same in triples]),
                         "pages": len(PdfReader(work / "bawaan-final-lengkap" / PDF).pages)}
            print("Lembar kerja saja, dan bangun ulang tanpa perubahan (PDF tersimpan), bergantian …", file=sys.stderr)
            sheets = measure_worksheets(work, args.runs)
            cached = sheets["cached"]
            if args.scale > 1:
                print(f"Mengukur memori untuk rencana {args.scale}× lebih panjang …", file=sys.stderr)
                scaled = measure_scaled(work, args.scale)
        table = report(site, full, pages, args.runs, cached, scaled, cold, preview, final, sheets, cold_final, pdf_final,
                       pull_requests)
        if not args.pdf_only:
            built = {name: work / f"{name}-{'situs' if args.quick else 'lengkap'}" for name in ("kita", "bawaan")}
            print("Mengukur halaman di Chromium: berat, galat konsol, axe …", file=sys.stderr)
            # --quick: the three pages only and no axe scan, so that the smoke test stays short.
            paths = list(reader_budget.LIGHTHOUSE_PAGES)
            if not args.quick:
                paths = list(dict.fromkeys(reader_budget.chapter_pages(built["kita"]) + paths))
            weights = {name: reader_budget.page_weights(site_dir, paths) for name, site_dir in built.items()}
            axe = {} if args.quick else reader_budget.axe_counts(built["kita"], list(reader_budget.LIGHTHOUSE_PAGES))
            styles = {} if args.quick else {name: reader_budget.style_work(site_dir) for name, site_dir in built.items()}
            scores = None
            if not (args.quick or args.no_lighthouse):
                print("Menjalankan Lighthouse: kita dan bawaan bergantian …", file=sys.stderr)
                scores = reader_budget.lighthouse(built, runs=LIGHTHOUSE_RUNS)
            table += "\n\n" + reader_budget.report(weights, axe, scores, LIGHTHOUSE_RUNS, styles)
    print(table)
    if args.readme:
        write_readme(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
