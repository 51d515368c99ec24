"""Pages at the root of the published site (the ``gh-pages`` branch), outside every version folder.

mike writes the root ``index.html`` from our template ``overrides/akar/pengalihan.html``
(``--template``, :data:`masterplan.publish.release.REDIRECT_TEMPLATE`). This module makes the root ``404.html``, which GitHub Pages
shows for every missing address: the default version's own 404 page (``overrides/404.html``, so it
looks like the site: header, fonts, colours, search) with the script of ``overrides/akar/404.html``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import jinja2

TEMPLATES = "overrides/akar"
NOT_FOUND = "404.html"
NOINDEX = '<meta name="robots" content="noindex">'


def not_found_page(repo: Path, site_url: str, default: str, themed: str, built_as: str | None = None) -> str:
    """The root 404 page of the project at ``repo``: ``themed`` (the HTML of the 404 page of the default
    version folder ``default``, ``terbaru`` or ``draf``; its links are absolute, so it works from any
    address) kept out of search engines and with the script that sends a version-less address into
    ``default``, for the site at ``site_url`` (its path becomes the root, e.g. ``/``). ``built_as``: the
    version that ``default`` is an alias of (``tahap-2``), whose folder the built links name; they are
    moved to ``default``, which stays the newest stage after later releases.

    Raises ``jinja2.TemplateError`` when the template is missing or broken, ``ValueError`` when
    ``themed`` is no HTML page.
    """
    if "</head>" not in themed or "</body>" not in themed:
        raise ValueError(f"{default}/{NOT_FOUND} bukan halaman HTML yang lengkap")
    root = urlparse(site_url).path or "/"
    if not root.endswith("/"):
        root += "/"
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(repo / TEMPLATES), autoescape=True)
    script = environment.get_template(NOT_FOUND).render(root=root, default=default)
    if built_as and built_as != default:
        themed = themed.replace(f'"{root}{built_as}/', f'"{root}{default}/')
    if NOINDEX not in themed:
        themed = themed.replace("</head>", f"{NOINDEX}\n</head>", 1)
    head, tail = themed.rsplit("</body>", 1)
    return f"{head}{script}\n</body>{tail}"
