"""How wide a text is set in the site's own font, Source Sans 3 (docs/assets/fonts), from the font's advance
widths (fontTools): what the roadmap (:mod:`masterplan.views.roadmap_svg`) needs to wrap programme names
in an SVG, where the browser does not wrap text."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

FONTS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "fonts"


@lru_cache(maxsize=None)
def _advances(weight: int) -> tuple[dict, float]:
    from fontTools.ttLib import TTFont  # here: a rebuild takes the roadmap from its kept views (fonts_digest)

    font = TTFont(FONTS / f"source-sans-3-latin-{weight}-normal.woff2")
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    return {code: metrics[name][0] for code, name in cmap.items()}, font["head"].unitsPerEm


@lru_cache(maxsize=1)
def fonts_digest() -> str:
    """Hex SHA-256 of the fonts that lay out the roadmap: part of the key a build keeps it under."""
    fonts = sorted(FONTS.glob("source-sans-3-latin-*-normal.woff2"))
    return hashlib.sha256(b"".join(font.name.encode() + b"\0" + font.read_bytes() for font in fonts)).hexdigest()


def text_width(text: str, size: float, weight: int = 400) -> float:
    """Width of ``text`` set in Source Sans 3 at ``size`` user units (``weight`` 400, 600 or 700), from the
    font's own advance widths; a character the font lacks counts as one em (too wide, never too narrow)."""
    advances, per_em = _advances(weight)
    return sum(advances.get(ord(char), per_em) for char in text) * size / per_em


def wrap(text: str, width: float, size: float, weight: int = 400) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` (a single longer word gets a line of
    its own) when set at ``size`` and ``weight``; every word is kept."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, weight) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines
