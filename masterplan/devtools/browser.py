"""Headless Debian Chromium (``/usr/bin/chromium``, package ``chromium``) driven by Playwright, and the
axe-core accessibility engine, for the browser tests and the benchmark. No browser is downloaded:
Playwright's own browsers are never installed; its Python wheel only brings the driver.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# No sandbox (root in CI), no GPU, and nothing that calls home: the tests must see only the local server.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
MOBILE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SERIOUS = ("serious", "critical")  # axe impacts that fail the tests


def launch(playwright):
    """A headless Chromium browser from :data:`CHROMIUM`; raises ``FileNotFoundError`` when the Debian
    package is missing (install ``chromium``; ``scripts/test.sh`` does)."""
    if not Path(CHROMIUM).is_file():
        raise FileNotFoundError(f"{CHROMIUM} tidak ada: pasang paket Debian 'chromium'.")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def axe_script() -> str:
    """axe-core's ``axe.min.js`` as shipped in the pinned ``axe-playwright-python`` package."""
    import axe_playwright_python
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page, script: str) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules and best practices) on the loaded Playwright ``page``;
    return its violations, each a dict with ``id``, ``impact``, ``help`` and ``nodes``."""
    page.evaluate(script)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', "
        "'best-practice']}, resultTypes: ['violations']})")
    return result["violations"]


def describe(violations: list[dict]) -> str:
    """One line per violation: rule, impact, help text and the first elements it concerns."""
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} -> "
                     + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3]) for v in violations)
