"""What a reader's phone downloads and runs, measured on a built site next to stock Material on the same
docs (the reader budgets it checks): the weight of every page on first load (gzip, as GitHub Pages serves it), the
heaviest chapter page, console errors, axe-core violations at 360 px, 1280 px and 200 % zoom, and
Lighthouse mobile scores (median of runs, ours and stock alternating so that both meet the same load on
the machine). Used by ``scripts/benchmark.py``; never by timed tests.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from contextlib import ExitStack
from pathlib import Path

from masterplan.devtools import browser as chromium
from masterplan.devtools.local_server import serve

ROOT = Path(__file__).resolve().parents[2]
# Home, the first chapter and the heaviest one (programme tables and the roadmap).
LIGHTHOUSE_PAGES = ("", "bab-1-pendahuluan/", "bab-6-program/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse 12.2.3 (13 needs Node 22), installed beside the Python packages, never committed.
LIGHTHOUSE = ROOT / ".venv" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_INSTALL = "npm install --prefix .venv/lighthouse --no-audit --no-fund -E lighthouse@12.2.3"
# After the network is quiet: what a page fetches later on its own (e.g. a search index) still counts.
SETTLE_MS = 2000
# The three ways readers open the site: a phone, a laptop, and a laptop at 200 % zoom.
AXE_VIEWS = {"360 px": ({"width": 360, "height": 780}, 1), "1280 px": ({"width": 1280, "height": 800}, 1),
             "200 %": ({"width": 640, "height": 400}, 2)}


def chapter_pages(site: Path) -> list[str]:
    """The URL paths (relative, ending in "/") of every chapter page of the built ``site``: folders
    holding an ``index.html`` whose name starts with ``bab-``."""
    return sorted(f"{p.parent.relative_to(site).as_posix()}/" for p in site.glob("bab-*/**/index.html"))


def page_weights(site: Path, paths: list[str]) -> dict[str, dict]:
    """First load of each of ``paths`` in a fresh Chromium context (empty cache) from a local gzip server:
    ``bytes`` sent by the server, ``requests`` served, ``third_party`` requests to any other host, and the
    ``errors`` the page wrote to the console (uncaught exceptions included)."""
    from playwright.sync_api import sync_playwright
    found = {}
    with serve(site) as served, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for path in paths:
            context = browser.new_context(viewport=chromium.MOBILE)
            page = context.new_page()
            urls: list[str] = []
            errors: list[str] = []
            page.on("request", lambda request: urls.append(request.url))
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))
            start = len(served.requests)
            page.goto(served.url + path, wait_until="networkidle")
            page.wait_for_timeout(SETTLE_MS)
            context.close()
            sent = served.requests[start:]
            local = [u for u in urls if u.startswith(served.url) or u.startswith(("data:", "blob:"))]
            found[path] = {"bytes": sum(size for _, size in sent), "requests": len(sent),
                           "third_party": len(urls) - len(local), "errors": errors}
        browser.close()
    return found


def style_work(site: Path, paths=LIGHTHOUSE_PAGES) -> dict[str, dict]:
    """What Chromium's main thread does to style and lay out each of ``paths`` while it loads on a phone
    (360 px, touch, CPU slowed 4×, from a Chromium trace), the part of Lighthouse's "Style & Layout" that
    does not depend on the machine's load: ``elements`` in the page, ``restyled`` (elements whose style
    was computed, summed over every style pass: a script that changes an attribute of ``<html>`` or
    ``<body>`` restyles them all again), ``laid_out`` (layout objects, summed over layout passes) and
    ``ms`` (style and layout time at 4×, noisy on a shared machine)."""
    from playwright.sync_api import sync_playwright
    found = {}
    with serve(site) as served, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for path in paths:
            context = browser.new_context(viewport=chromium.MOBILE, is_mobile=True, has_touch=True,
                                          device_scale_factor=2)
            page = context.new_page()
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
            browser.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
            page.goto(served.url + path, wait_until="load")
            page.wait_for_timeout(SETTLE_MS)
            trace = json.loads(browser.stop_tracing())
            events = [e for e in (trace["traceEvents"] if isinstance(trace, dict) else trace)
                      if e.get("ph") == "X" and e["name"] in ("UpdateLayoutTree", "Layout")]
            found[path] = {
                "elements": page.evaluate("document.getElementsByTagName('*').length"),
                "restyled": sum(e["args"].get("elementCount", 0) for e in events if e["name"] == "UpdateLayoutTree"),
                "laid_out": sum((e["args"].get("beginData") or {}).get("dirtyObjects", 0)
                                for e in events if e["name"] == "Layout"),
                "ms": sum(e.get("dur", 0) for e in events) / 1000}
            context.close()
        browser.close()
    return found


def axe_counts(site: Path, paths: list[str]) -> dict[str, dict[str, list[str]]]:
    """axe-core violations (all impacts) per path and per view of :data:`AXE_VIEWS`, as rule IDs."""
    from playwright.sync_api import sync_playwright
    script = chromium.axe_script()
    found: dict[str, dict[str, list[str]]] = {}
    with serve(site) as served, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for path in paths:
            for view, (viewport, scale) in AXE_VIEWS.items():
                context = browser.new_context(viewport=viewport, device_scale_factor=scale)
                page = context.new_page()
                page.goto(served.url + path, wait_until="load")
                found.setdefault(path, {})[view] = [v["id"] for v in chromium.axe_violations(page, script)]
                context.close()
        browser.close()
    return found


def _lighthouse_once(url: str, report: Path) -> dict | str:
    done = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}", "--form-factor=mobile",
         "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=" + " ".join(["--headless=new", *chromium.ARGS])],
        env=dict(os.environ, CHROME_PATH=chromium.CHROMIUM), capture_output=True, text=True, timeout=300, cwd=ROOT)
    if done.returncode != 0 or not report.is_file():
        return (done.stderr.strip().splitlines() or ["tanpa pesan"])[-1][:200]
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    work = {item["group"]: item["duration"] for item in
            (audits.get("mainthread-work-breakdown", {}).get("details") or {}).get("items", [])}
    return {**{key: 100 * (data["categories"][key]["score"] or 0) for key in CATEGORIES},
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "tbt": audits["total-blocking-time"]["numericValue"],
            "style_layout_ms": work.get("styleLayout", 0.0)}


def lighthouse(sites: dict[str, Path], paths=LIGHTHOUSE_PAGES, runs: int = 5) -> dict | str:
    """Median Lighthouse mobile figures per (site name of ``sites``, e.g. ours and stock; path): the four
    category scores (0–100), cumulative layout shift, total blocking time (ms) and main-thread style and
    layout time (ms), and under ``"rentang"`` each figure's (lowest, highest) over the runs; under the key
    ``"beban"`` the machine's 1-minute load average (lowest, median, highest) read before the first run and
    after each (scores of a loaded machine are lower and spread wider). The sites are served side by side
    and alternate run by run. Returns the reason as text when Lighthouse is missing or fails."""
    if not LIGHTHOUSE.is_file():
        return f"tidak terpasang; pasang dengan `{LIGHTHOUSE_INSTALL}` (Node.js 20 dan npm)"
    runs_of: dict[tuple[str, str], list[dict]] = {}
    with ExitStack() as stack, tempfile.TemporaryDirectory() as folder:
        urls = {name: stack.enter_context(serve(site)).url for name, site in sites.items()}
        loads = [os.getloadavg()[0]]
        for run in range(runs):
            for path in paths:
                for name, url in urls.items():
                    result = _lighthouse_once(url + path, Path(folder) / f"{name}-{run}.json")
                    if isinstance(result, str):
                        return f"Lighthouse gagal pada {name} {path or '/'}: {result}"
                    runs_of.setdefault((name, path), []).append(result)
                    loads.append(os.getloadavg()[0])
    found: dict = {key: {figure: statistics.median(r[figure] for r in results) for figure in results[0]}
                   | {"rentang": {figure: (min(r[figure] for r in results), max(r[figure] for r in results))
                                  for figure in results[0]}}
                   for key, results in runs_of.items()}
    return found | {"beban": (min(loads), statistics.median(loads), max(loads))}


def report(weights: dict[str, dict], axe: dict, scores: dict | str | None, runs: int,
           work: dict[str, dict] | None = None) -> str:
    """Markdown tables (Bahasa Indonesia, as the README): page weight of the heaviest chapter page and of
    the Lighthouse pages, ours next to stock; console errors; axe violations; style and layout work
    while loading; Lighthouse medians. ``weights`` maps a site name ("kita", "bawaan") to
    :func:`page_weights`' result, ``work`` likewise to :func:`style_work`'s."""
    ours, stock = weights["kita"], weights["bawaan"]
    heaviest = max((p for p in ours if p.startswith("bab-")), key=lambda p: ours[p]["bytes"])
    lines = ["| Halaman (muat pertama, gzip) | Kita: KiB | Kita: permintaan | Bawaan: KiB | Bawaan: permintaan | "
             "Target |", "|---|---:|---:|---:|---:|---|"]
    for path in dict.fromkeys([heaviest, *LIGHTHOUSE_PAGES]):
        label = f"`/{path}`" + (" (bab terberat)" if path == heaviest else "")
        theirs = stock.get(path, {"bytes": float("nan"), "requests": "–"})
        lines.append(f"| {label} | {ours[path]['bytes'] / 1024:.1f} | {ours[path]['requests']} | "
                     f"{theirs['bytes'] / 1024:.1f} | {theirs['requests']} | ≤ 150 KiB, ≤ 10 |")
    errors = {p: w["errors"] for p, w in ours.items() if w["errors"]}
    third = sum(w["third_party"] for w in ours.values())
    lines += ["", f"Galat konsol (semua {len(ours)} halaman yang diukur): "
              + ("tidak ada" if not errors else "; ".join(f"/{p}: {e[0][:120]}" for p, e in errors.items()))
              + f". Permintaan ke pihak ketiga: {third}.", ""]
    if axe:
        lines += ["| axe-core, pelanggaran | " + " | ".join(AXE_VIEWS) + " |", "|---|" + "---:|" * len(AXE_VIEWS)]
    for path, views in axe.items():
        lines.append(f"| `/{path}` | " + " | ".join(str(len(views[v])) + (f" ({', '.join(sorted(set(views[v])))})"
                                                                         if views[v] else "") for v in AXE_VIEWS) + " |")
    if work:
        lines += ["", "Gaya dan tata letak saat halaman dimuat di ponsel (jejak Chromium, 360 px, CPU 4× lebih lambat; "
                      "kita | bawaan):", "",
                  "| Halaman | Elemen | Elemen ditata ulang | Objek tata letak | Gaya+tata letak (ms, 4×) |",
                  "|---|---|---|---|---|"]
        for path in LIGHTHOUSE_PAGES:
            a, b = work["kita"][path], work["bawaan"][path]
            lines.append(f"| `/{path}` | " + " | ".join(f"{a[k]:.0f} \\| {b[k]:.0f}"
                                                        for k in ("elements", "restyled", "laid_out", "ms")) + " |")
    if isinstance(scores, dict):
        lines += ["", f"Lighthouse seluler, Debian Chromium, median {runs} kali (skor: median dan rentangnya, "
                      "terendah–tertinggi), situs dilayani dengan gzip (kita | bawaan):", "",
                  "| Halaman | Performance | Accessibility | Best Practices | SEO | CLS | TBT (ms) | Gaya+tata letak (ms) |",
                  "|---|---|---|---|---|---|---|---|"]
        for path in LIGHTHOUSE_PAGES:
            a, b = scores.get(("kita", path)), scores.get(("bawaan", path))
            if not a or not b:
                continue
            cells = [f"{a[k]:.0f} ({a['rentang'][k][0]:.0f}–{a['rentang'][k][1]:.0f}) \\| "
                     f"{b[k]:.0f} ({b['rentang'][k][0]:.0f}–{b['rentang'][k][1]:.0f})" for k in CATEGORIES]
            cells += [f"{a['cls']:.3f} \\| {b['cls']:.3f}", f"{a['tbt']:.0f} \\| {b['tbt']:.0f}",
                      f"{a['style_layout_ms']:.0f} \\| {b['style_layout_ms']:.0f}"]
            lines.append(f"| `/{path}` | " + " | ".join(cells) + " |")
        low, middle, high = scores["beban"]
        lines += ["", "Target: Performance ≥ 95, Accessibility 100, Best Practices 100, SEO ≥ 95. Beban mesin "
                      f"(rata-rata 1 menit, {os.cpu_count()} inti) selama pengukuran: {low:.1f}–{high:.1f}, median {middle:.1f}."]
    elif scores:
        lines += ["", f"Lighthouse: {scores}."]
    return "\n".join(lines)
