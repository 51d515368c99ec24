"""Images: stored in the repository (not hot-linked, not a GitHub upload), present, described by alt
text, and under the size limit of rules.yml (``gambar``). Markdown images and raw ``<img>`` both count."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from masterplan.model.problems import Problem
from .safety import html_fragments, tags

if TYPE_CHECKING:
    from . import Context, Page

_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_GITHUB_UPLOADS = ("github.com/user-attachments/", "githubusercontent.com")


def images(page: Page) -> Iterator[tuple[str, str, int]]:
    """Every image of the page as ``(src, alt, line)``: Markdown ``![alt](src)`` and HTML ``<img>``."""
    for token, line in page.document.inline_tokens():
        if token.type == "image":
            yield str(token.attrGet("src") or ""), token.content, line
    for fragment, line in html_fragments(page):
        for tag, attributes in tags(fragment):
            if tag == "img":
                yield attributes.get("src", ""), attributes.get("alt", ""), line


def _folder_hint(page: Page) -> str:
    prefix = "../" * page.name.count("/")
    return f"![keterangan gambar]({prefix}assets/images/nama-berkas.png)"


def _local_file(src: str, page: Page, context: Context) -> Path | None:
    """The file an image path points to inside docs/, or None if it points outside docs/."""
    path = unquote(urlsplit(src).path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page.name), path)
    target = posixpath.normpath(joined)
    return None if target.startswith("..") else context.docs_dir / target


def check(page: Page, context: Context) -> Iterator[Problem]:
    """GAMBAR-LUAR, GAMBAR-HILANG, GAMBAR-ALT and GAMBAR-BESAR."""
    spec = context.rules.raw["gambar"]
    limit_kb = int(spec["ukuran_maks_kb"])
    generic = {word.casefold() for word in spec["alt_tidak_bermakna"]}
    for src, alt, line in images(page):
        name = posixpath.basename(urlsplit(src).path)
        if not alt.strip() or alt.strip().casefold() in generic or alt.strip() == name:
            yield context.problem(page, line, 0, "GAMBAR-ALT",
                                  f'Gambar "{name or src}" belum punya teks alternatif yang menjelaskan '
                                  "isinya (dibacakan bagi tunanetra dan tampil bila gambar gagal dimuat). "
                                  "Tulis keterangan singkat di antara kurung siku: ![Peta wilayah Kabupaten "
                                  "Bangli](...).")
        if _SCHEME.match(src) or not src:
            upload = any(host in src for host in _GITHUB_UPLOADS)
            why = ("Gambar yang diseret ke editor web GitHub disimpan di server GitHub, bukan di "
                   "repositori. " if upload else "Situs pemerintah tidak memuat gambar dari situs lain. ")
            yield context.problem(page, line, 0, "GAMBAR-LUAR",
                                  f'Gambar "{src}" tidak berasal dari repositori. {why}Unggah berkas '
                                  "gambarnya ke folder docs/assets/images/ (Add file, Upload files), lalu "
                                  f"tulis {_folder_hint(page)}.")
            continue
        target = _local_file(src, page, context)
        if target is None or not target.is_file():
            yield context.problem(page, line, 0, "GAMBAR-HILANG",
                                  f'Berkas gambar "{src}" tidak ditemukan di folder docs/. Periksa nama '
                                  "berkasnya (huruf besar dan kecil dibedakan) dan letaknya, atau unggah "
                                  f"gambarnya ke docs/assets/images/ lalu tulis {_folder_hint(page)}.")
            continue
        size_kb = target.stat().st_size // 1024
        if size_kb > limit_kb:
            size, limit = (f"{n:,}".replace(",", ".") for n in (size_kb, limit_kb))
            yield context.problem(page, line, 0, "GAMBAR-BESAR",
                                  f'Berkas gambar "{src}" berukuran {size} KB, melebihi batas {limit} KB. '
                                  "Perkecil gambarnya (mis. lebar 1600 piksel, format JPEG atau PNG "
                                  "terkompresi) lalu unggah ulang.")
