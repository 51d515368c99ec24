"""Pages at the root of the published site (the ``gh-pages`` branch), outside every version folder.

mike writes the root ``index.html`` from our template ``overrides/akar/pengalihan.html``
(``redirect_template`` in ``mkdocs.yml``). This module renders the root ``404.html``, which GitHub Pages
shows for every missing address: see ``overrides/akar/404.html`` for what it does.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import jinja2

TEMPLATES = "overrides/akar"
NOT_FOUND = "404.html"


def not_found_page(repo: Path, site_url: str, site_name: str, default: str) -> str:
    """The root 404 page of the project at ``repo``, for the site at ``site_url`` (its path becomes the
    root, e.g. ``/``) whose default version folder is ``default`` (``terbaru`` or ``draf``).

    Raises ``jinja2.TemplateError`` when the template is missing or broken.
    """
    root = urlparse(site_url).path or "/"
    if not root.endswith("/"):
        root += "/"
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(repo / TEMPLATES), autoescape=True)
    return environment.get_template(NOT_FOUND).render(root=root, default=default, site_name=site_name)
