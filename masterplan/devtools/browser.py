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


# Until no CSS transition or animation runs on the page: the theme fades colours when the colour scheme
# changes (125 ms), so a colour read straight after the switch is neither scheme's (a link read at 4.2:1
# on its way to 9.3:1). getAnimations() flushes styles first, so a transition the switch starts is seen.
STILL = """async (limit) => {
  const running = () => document.getAnimations().some(a => a.playState === 'running' || a.playState === 'pending');
  const start = performance.now();
  while (running() && performance.now() - start < limit) await new Promise(done => requestAnimationFrame(done));
  return !running();
}"""


def wait_until_still(page, limit_ms: int = 2000) -> bool:
    """Wait until nothing animates in the Playwright ``page`` (CSS transitions and animations), at most
    ``limit_ms`` milliseconds; True when it settled, False when the time ran out first."""
    return page.evaluate(STILL, limit_ms)


# Where keyboard focus is and whether the reader sees it, judged once what moves has stopped moving: the
# theme fades things in when they take focus (the skip link, a heading's permalink, the phone's search
# field) and opens the search a timer tick after its field takes focus, so a look straight after the key
# press sees a transparent start, or nothing started yet. Unseen means hidden, zero-size, off the screen or
# transparent (opacity 0 on the element or an ancestor) once settled.
SETTLED_FOCUS = """async (limit) => {
  const active = document.activeElement;
  if (!active || active === document.body) return null;
  // The theme's colour-scheme switch is a hidden radio button drawn, and outlined, by its label.
  const el = active.classList.contains('md-option') ? active.nextElementSibling : active;
  const chain = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) chain.push(node);
  const look = () => JSON.stringify([el.getBoundingClientRect(),
    chain.map(node => { const s = getComputedStyle(node); return [s.opacity, s.visibility, s.transform]; })]);
  const moving = () => document.getAnimations().some(a => a.playState !== 'finished' && a.playState !== 'idle'
    && a.effect && a.effect.target && a.effect.target.contains(el));
  const frame = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 20)));
  const start = performance.now();
  let last = look(), still = 0;
  // Settled: nothing animates on the element or an ancestor, and it looked the same for three frames.
  while (still < 3 && performance.now() - start < limit) {
    await frame();
    const now = look();
    still = (!moving() && now === last) ? still + 1 : 0;
    last = now;
  }
  const box = el.getBoundingClientRect(), style = getComputedStyle(el);
  const unseen = [];
  if (style.visibility !== 'visible' || style.display === 'none') unseen.push('tersembunyi');
  if (box.width <= 0 || box.height <= 0) unseen.push('ukuran nol');
  if (box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight || box.left >= innerWidth) unseen.push('di luar layar');
  const clear = chain.find(node => parseFloat(getComputedStyle(node).opacity) === 0);
  if (clear) unseen.push('transparan: ' + clear.tagName.toLowerCase() + '.' + [...clear.classList].join('.'));
  return {text: (el.innerText || active.getAttribute('aria-label') || el.title || '').trim().slice(0, 40),
          pdf: el.classList.contains('tombol-unduh-pdf'), unseen, settled: still >= 3,
          waited: Math.round(performance.now() - start),
          outline: style.outlineStyle !== 'none' && (style.outlineStyle === 'auto' || parseFloat(style.outlineWidth) >= 2)};
}"""


def settled_focus(page, limit_ms: int = 2000) -> dict | None:
    """The focused element of the Playwright ``page`` once it and its ancestors have stopped animating (or
    after ``limit_ms`` milliseconds): ``None`` when nothing has focus, else a dict with ``text`` (its
    label, ≤ 40 characters), ``pdf`` (the PDF download button), ``outline`` (a focus outline ≥ 2 px or
    ``auto``), ``unseen`` (why the reader cannot see it, in Indonesian: hidden, zero-size, off-screen,
    transparent; empty when seen), ``settled`` (False when ``limit_ms`` ran out first) and ``waited`` (ms)."""
    return page.evaluate(SETTLED_FOCUS, limit_ms)
