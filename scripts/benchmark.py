"""Mengukur kinerja pembangunan dan halaman situs terhadap anggaran kinerja (issue "Readers first").

Pemakaian:
    .venv/bin/python scripts/benchmark.py [--runs N] [--quick] [--no-lighthouse] [--scale N]

--runs N         jumlah ulangan tiap pengukuran; yang dilaporkan median (bawaan 3)
--quick          tanpa PDF dan tanpa Lighthouse (uji asap; beberapa detik per ulangan)
--no-lighthouse  lewati Lighthouse walaupun terpasang
--scale N        juga mengukur memori puncak untuk rencana N kali lebih panjang (isi tiap bab diulang N
                 kali, salinan di folder sementara; satu kali bangun situs+PDF)

Waktu PDF diukur dalam detik CPU (pengguna + sistem) karena mesin bersama membuat waktu dinding tidak
stabil; sebelum tiap bangun situs+PDF kita, simpanan PDF (.cache/pdf) dihapus agar PDF benar-benar
dirender, lalu satu bangun ulang tanpa perubahan mengukur pemakaian ulang PDF tersimpan.

Mencetak satu tabel Markdown (salin ke bagian "Kinerja" di README): waktu bangun situs, waktu bangun PDF,
detik per halaman PDF dan memori puncak, untuk konfigurasi kita dan untuk konfigurasi bawaan (tanpa hook
kita, bawaan plugin, hanya satu aturan CSS yang mencegah PDF terpotong) pada isi yang sama, beserta
rasionya; ukuran terkirim (gzip) dan jumlah permintaan satu halaman bab di Chromium lewat server lokal;
dan skor Lighthouse seluler (median 5) bila Lighthouse terpasang (perintahnya di bawah, LIGHTHOUSE_INSTALL).

Measures the build and one chapter page against the performance budget. Not part of the test suite.
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

from masterplan.devtools import browser as chromium
from masterplan.devtools.local_server import serve
from pypdf import PdfReader

PAGE = "bab-1-pendahuluan/"  # the chapter page whose weight is measured
PDF = "pdf/Masterplan-Smart-City-Bangli.pdf"
# The one rule without which mkdocs-with-pdf 0.9.3 silently drops chapters (stack-notes item 1).
STOCK_PDF_CSS = "article, section + section { min-height: auto !important; }\n"
# Lighthouse 12.2.3 (13 needs Node 22), installed beside the Python packages, never committed:
#   npm install --prefix .venv/lighthouse --no-audit --no-fund -E lighthouse@12.2.3
LIGHTHOUSE = ROOT / ".venv" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_INSTALL = "npm install --prefix .venv/lighthouse --no-audit --no-fund -E lighthouse@12.2.3"
LIGHTHOUSE_RUNS = 5
# Runs one command and prints its wall time, its CPU time (user + system) and the peak resident memory
# of it and its children (KiB).
_MEASURE = ("import json, resource, subprocess, sys, time\n"
            "start = time.perf_counter()\n"
            "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode\n"
            "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(json.dumps({'seconds': time.perf_counter() - start, 'code': code,\n"
            "                  'cpu': usage.ru_utime + usage.ru_stime, 'kib': usage.ru_maxrss}))\n")
PDF_CACHE = ROOT / ".cache" / "pdf"  # our plugin's cache_dir (mkdocs.yml)

TARGETS = {
    "bytes": 150 * 1024, "requests": 10, "third_party": 0, "hook_overhead": 1.10, "pdf_ratio": 1.0,
    "memory": 1024 * 1024,  # KiB
    "lighthouse": {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95},
}


def _build(project: Path, site: Path, pdf: bool, strict: bool) -> dict:
    """One ``mkdocs build`` of ``project`` into ``site``: seconds, exit code and peak memory (KiB)."""
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


def stock_project(work: Path) -> Path:
    """A copy of the plan's content with the stack's defaults: Material, search and mkdocs-with-pdf with
    its default options and templates, no hooks, no extra CSS; only the CSS rule that stops the silent
    truncation, and ``theme.font: false`` (the default font is fetched from Google Fonts, which this
    machine cannot reach). Directives such as ``[[peta-jalan]]`` stay as text: fine for timing."""
    project = work / "bawaan"
    shutil.copytree(ROOT / "docs", project / "docs")
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
    (project / "pdf-templates").mkdir()
    (project / "pdf-templates" / "styles.scss").write_text(STOCK_PDF_CSS, encoding="utf-8")
    config = {
        "site_name": ours["site_name"], "docs_dir": "docs", "nav": ours["nav"],
        "theme": {"name": "material", "language": "id", "font": False},
        "markdown_extensions": ours["markdown_extensions"],
        "plugins": ["search", {"with-pdf": {"enabled_if_env": "ENABLE_PDF_EXPORT", "output_path": PDF,
                                            "custom_template_path": str(project / "pdf-templates")}}],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                        encoding="utf-8")
    return project


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml with its MkDocs-only tags (``!ENV``, ``!!python/name``)."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def _cold_build(project: Path, site: Path, strict: bool) -> dict:
    """A site+PDF build that renders the PDF: our kept PDF (if any) is removed first."""
    if project == ROOT:
        shutil.rmtree(PDF_CACHE, ignore_errors=True)
    return _build(project, site, True, strict)


def measure_builds(project: Path, work: Path, runs: int, pdf: bool, strict: bool) -> dict:
    """Medians over ``runs`` of the site build, and with ``pdf`` of the site+PDF build: seconds, the
    PDF's CPU seconds (full minus site), its pages and CPU seconds per page, peak memory (KiB); for our
    project also a rebuild with nothing changed (``cached``: CPU seconds, the kept PDF reused)."""
    site = [_build(project, work / "situs", False, strict) for _ in range(runs)]
    result = {"site": statistics.median(r["seconds"] for r in site), "kib": max(r["kib"] for r in site),
              "site_cpu": statistics.median(r["cpu"] for r in site)}
    if pdf:
        full = [_cold_build(project, work / "lengkap", strict) for _ in range(runs)]
        pages = len(PdfReader(work / "lengkap" / PDF).pages)
        result["full"] = statistics.median(r["seconds"] for r in full)
        result["full_cpu"] = statistics.median(r["cpu"] for r in full)
        result["pdf"] = max(result["full_cpu"] - result["site_cpu"], 0.0)
        result["pages"] = pages
        result["per_page"] = result["pdf"] / pages if pages else float("nan")
        result["kib"] = max(result["kib"], *(r["kib"] for r in full))
        if project == ROOT:
            result["cached"] = statistics.median(_build(project, work / "lengkap", True, strict)["cpu"]
                                                 for _ in range(runs))
    return result


def scaled_project(work: Path, factor: int) -> Path:
    """A copy of the plan whose every chapter (the pages the PDF holds, not the home page or the editors'
    guide) repeats its text ``factor`` times, for the memory a longer plan needs."""
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
    project = scaled_project(work, factor)
    result = _build(project, work / f"skala-{factor}-hasil", True, strict=False)
    return {"factor": factor, "kib": result["kib"], "cpu": result["cpu"],
            "pages": len(PdfReader(work / f"skala-{factor}-hasil" / PDF).pages)}


def page_weight(site: Path) -> dict:
    """Load :data:`PAGE` once in Chromium (empty cache) from a local gzip server: bytes sent by the server
    (compressed where a host compresses), requests, and requests to any other host."""
    from playwright.sync_api import sync_playwright
    with serve(site) as served, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        page = browser.new_page(viewport=chromium.MOBILE)
        urls: list[str] = []
        page.on("request", lambda request: urls.append(request.url))
        page.goto(served.url + PAGE, wait_until="networkidle")
        browser.close()
    local = [u for u in urls if u.startswith(served.url) or u.startswith("data:")]
    return {"bytes": sum(size for _, size in served.requests), "requests": len(served.requests),
            "third_party": len(urls) - len(local)}


def lighthouse(site: Path) -> dict | str:
    """Median Lighthouse mobile scores (0–100) over :data:`LIGHTHOUSE_RUNS` runs of :data:`PAGE`, with
    Debian Chromium behind the local gzip server; or the reason why Lighthouse could not run."""
    if not LIGHTHOUSE.is_file():
        return f"tidak terpasang; pasang dengan `{LIGHTHOUSE_INSTALL}` (Node.js 20 dan npm)"
    scores: dict[str, list[float]] = {}
    with serve(site) as served, tempfile.TemporaryDirectory() as folder:
        for run in range(LIGHTHOUSE_RUNS):
            report = Path(folder) / f"lh-{run}.json"
            env = dict(os.environ, CHROME_PATH=chromium.CHROMIUM)
            try:
                done = subprocess.run(
                    [str(LIGHTHOUSE), served.url + PAGE, "--quiet", "--output=json", f"--output-path={report}",
                     "--form-factor=mobile", "--only-categories=performance,accessibility,best-practices,seo",
                     "--chrome-flags=" + " ".join(["--headless=new", *chromium.ARGS])],
                    env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
            except (OSError, subprocess.TimeoutExpired) as error:
                return f"Lighthouse tidak dapat dijalankan ({error})"
            if done.returncode != 0 or not report.is_file():
                reason = (done.stderr.strip().splitlines() or ["tanpa pesan"])[-1][:200]
                return f"Lighthouse tidak tersedia atau gagal: {reason}"
            categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
            for key, value in categories.items():
                scores.setdefault(key, []).append(100 * (value["score"] or 0))
    return {key: statistics.median(values) for key, values in scores.items()}


def _verdict(ok: bool) -> str:
    return "terpenuhi" if ok else "**tidak terpenuhi**"


def report(ours: dict, stock: dict, weight: dict, scores: dict | str | None, runs: int,
           scaled: dict | None = None) -> str:
    """The Markdown table of figures and targets (Bahasa Indonesia, as the README)."""
    overhead = ours["site"] / stock["site"]
    lines = [f"Median dari {runs} kali; mesin: {os.cpu_count()} inti; {time.strftime('%Y-%m-%d')}.", "",
             "| Ukuran | Kita | Bawaan | Rasio | Target | Hasil |", "|---|---:|---:|---:|---|---|",
             f"| Bangun situs (detik) | {ours['site']:.2f} | {stock['site']:.2f} | {overhead:.2f} | "
             f"≤ {TARGETS['hook_overhead']:.2f} | {_verdict(overhead <= TARGETS['hook_overhead'])} |"]
    if "pdf" in ours and "pdf" in stock:
        ratio = ours["per_page"] / stock["per_page"]
        lines += [
            f"| Bangun situs + PDF (detik) | {ours['full']:.2f} | {stock['full']:.2f} | "
            f"{ours['full'] / stock['full']:.2f} | – | – |",
            f"| PDF saja (detik CPU) | {ours['pdf']:.2f} | {stock['pdf']:.2f} | {ours['pdf'] / stock['pdf']:.2f} | – | – |",
            f"| Halaman PDF | {ours['pages']} | {stock['pages']} | – | – | – |",
            f"| Detik CPU per halaman PDF | {ours['per_page']:.3f} | {stock['per_page']:.3f} | {ratio:.2f} | "
            f"≤ {TARGETS['pdf_ratio']:.2f} | {_verdict(ratio <= TARGETS['pdf_ratio'])} |",
            f"| Bangun ulang situs + PDF tanpa perubahan (detik CPU; PDF tersimpan dipakai) | "
            f"{ours['cached']:.2f} | – | {ours['cached'] / ours['site_cpu']:.2f} × situs saja | "
            f"≤ {TARGETS['hook_overhead']:.2f} × situs saja | "
            f"{_verdict(ours['cached'] <= TARGETS['hook_overhead'] * ours['site_cpu'])} |"]
    lines.append(f"| Memori puncak (MiB) | {ours['kib'] / 1024:.0f} | {stock['kib'] / 1024:.0f} | "
                 f"{ours['kib'] / stock['kib']:.2f} | < 1024 | {_verdict(ours['kib'] < TARGETS['memory'])} |")
    if scaled:
        lines.append(f"| Memori puncak, rencana {scaled['factor']}× lebih panjang ({scaled['pages']} halaman; "
                     f"{scaled['cpu']:.0f} detik CPU) (MiB) | {scaled['kib'] / 1024:.0f} | – | – | ≤ 1024 | "
                     f"{_verdict(scaled['kib'] <= TARGETS['memory'])} |")
    lines += [
        f"| Halaman bab `{PAGE}`: terkirim, gzip (KiB) | {weight['bytes'] / 1024:.1f} | – | – | ≤ 150 | "
        f"{_verdict(weight['bytes'] <= TARGETS['bytes'])} |",
        f"| Halaman bab: permintaan | {weight['requests']} | – | – | ≤ 10 | "
        f"{_verdict(weight['requests'] <= TARGETS['requests'])} |",
        f"| Halaman bab: permintaan ke pihak ketiga | {weight['third_party']} | – | – | 0 | "
        f"{_verdict(weight['third_party'] == 0)} |"]
    if isinstance(scores, dict):
        for key, target in TARGETS["lighthouse"].items():
            value = scores.get(key, 0)
            lines.append(f"| Lighthouse seluler: {key} (median {LIGHTHOUSE_RUNS}) | {value:.0f} | – | – | "
                         f"≥ {target} | {_verdict(value >= target)} |")
    elif scores:
        lines += ["", f"Lighthouse: {scores}."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and print the table; returns 0 (targets missed are reported, not failed)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--scale", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="benchmark-") as folder:
        work = Path(folder)
        (work / "kita").mkdir()
        (work / "bawaan-hasil").mkdir()
        print("Mengukur konfigurasi kita …", file=sys.stderr)
        ours = measure_builds(ROOT, work / "kita", args.runs, pdf=not args.quick, strict=True)
        print("Mengukur konfigurasi bawaan …", file=sys.stderr)
        stock = measure_builds(stock_project(work), work / "bawaan-hasil", args.runs, pdf=not args.quick,
                               strict=False)
        scaled = None
        if args.scale > 1 and not args.quick:
            print(f"Mengukur memori untuk rencana {args.scale}× lebih panjang …", file=sys.stderr)
            scaled = measure_scaled(work, args.scale)
        site = work / "kita" / ("situs" if args.quick else "lengkap")
        print("Mengukur halaman bab di Chromium …", file=sys.stderr)
        weight = page_weight(site)
        scores = None
        if not (args.quick or args.no_lighthouse):
            print("Menjalankan Lighthouse …", file=sys.stderr)
            scores = lighthouse(site)
    print(report(ours, stock, weight, scores, args.runs, scaled))
    return 0


if __name__ == "__main__":
    sys.exit(main())
