"""The "Beri masukan" links of a page: a GitHub issue form prefilled for that page, and an e-mail.

GitHub prefills an issue form from URL query parameters: ``template`` (the form's file name), ``title``
and one parameter per form field id (for a dropdown, the option's exact text). The chapter-change form
is ``.github/ISSUE_TEMPLATE/usulan-perubahan-bab.yml``; its dropdown ``bab`` lists every page as
``Title (docs/path.md)``. Plain links only: no script, nothing loaded from GitHub until the reader clicks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from masterplan.model.sources import read_yaml

FORM = ".github/ISSUE_TEMPLATE/usulan-perubahan-bab.yml"
FIELD = "bab"


@dataclass(frozen=True)
class Form:
    """What a prefilled link needs from the issue form: its file name, title prefix and the options of
    its chapter dropdown (empty when the form or the dropdown is missing)."""

    template: str
    title: str
    options: tuple[str, ...]


def read_form(root: Path) -> Form:
    """The chapter-change form of the repository at ``root``; a form without options when the file is
    missing or unreadable (links then open the form without the chapter chosen). Never raises."""
    path = root / FORM
    data = read_yaml(path, FORM).data
    try:
        field = next(item for item in data["body"] if item.get("id") == FIELD)
        return Form(path.name, str(data.get("title", "")), tuple(field["attributes"]["options"]))
    except (AttributeError, KeyError, TypeError, StopIteration):
        return Form(path.name, "", ())


def option(title: str, src_uri: str, docs: str = "docs") -> str:
    """The dropdown text for a page: ``Pendahuluan (docs/bab-1-pendahuluan.md)``."""
    return f"{title} ({docs}/{src_uri})"


def issue_url(repo_url: str, form: Form, title: str, src_uri: str) -> str:
    """The ``…/issues/new`` URL of ``form`` prefilled with the page's title and, when the form lists the
    page, its dropdown option (``title`` is the page's front-matter title, ``src_uri`` its file under
    docs/)."""
    params = {"template": form.template, "title": f"{form.title}{title}"}
    if option(title, src_uri) in form.options:
        params[FIELD] = option(title, src_uri)
    return f"{repo_url.rstrip('/')}/issues/new?{urlencode(params, quote_via=quote)}"


def mailto(address: str, title: str, page_url: str) -> str:
    """A ``mailto:`` link to ``address`` with the page named in the subject and its address in the body."""
    subject = f"Masukan rencana induk: {title}"
    body = f"Halaman: {page_url}\n\nMasukan saya:\n"
    return f"mailto:{address}?{urlencode({'subject': subject, 'body': body}, quote_via=quote)}"
