"""Parts of the printed plan: every Lampiran stands on its own, like a BAB.

mkdocs-with-pdf turns a nav section ("Lampiran" with four pages) into ONE article under a generated
heading, with each page as a ``<section>`` one heading level down. For BAB V that is right (one chapter
over several pages); for the appendices it is wrong: Lampiran B–D would have no opener page, no top-level
bookmark, and would carry Lampiran A's running header. A section whose pages each open with their own
part label (``span.label-bab``: "Lampiran B") is therefore split back into one article per page.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

PART_LABEL = "label-bab"  # the span numbering.py puts before a BAB or Lampiran title


def _opening_heading(section: Tag) -> Tag | None:
    """The section's first heading when it carries a part label, else None."""
    heading = section.find(["h1", "h2", "h3", "h4", "h5", "h6"])
    if heading is None or heading.find("span", class_=PART_LABEL) is None:
        return None
    return heading


def split_parts(soup: BeautifulSoup) -> list[str]:
    """Split every article whose sections are separate parts into one article per part.

    Each part's opening heading becomes its ``<h1>`` (so it opens a page, sets the running header and is a
    top-level bookmark), its other headings move one level up, and the Daftar Isi entry of the group
    ("Lampiran") is replaced by the parts' own entries. Returns the ids of the new articles; an article
    whose sections are not all labelled parts (BAB V) is left as it is.
    """
    created: list[str] = []
    for article in soup.body.find_all("article", recursive=False):
        sections = article.find_all("section", recursive=False)
        if len(sections) < 2 or not all(_opening_heading(section) for section in sections):
            continue
        group = article.find("h1", recursive=False)
        for section in sections:
            part = soup.new_tag("article", attrs={"class": article.get("class", []),
                                                  "id": section.get("id"), "data-url": section.get("data-url")})
            for heading in section.find_all(["h2", "h3", "h4", "h5", "h6"]):
                heading.name = f"h{int(heading.name[1]) - 1}"
            for child in list(section.contents):
                part.append(child.extract())
            article.insert_before(part)
            created.append(part["id"])
        lift_toc_entry(soup, group.get("id") if group else None)
        article.decompose()
    return created


def lift_toc_entry(soup: BeautifulSoup, anchor: str | None) -> None:
    """Remove the Daftar Isi entry that links to ``anchor``, putting its sub-entries in its place (one
    level up). Nothing happens when no entry links there."""
    if not anchor:
        return
    link = soup.select_one(f'article#doc-toc a[href="#{anchor}"]')
    if link is None:
        return
    item = link.find_parent("li")
    children = item.find("ul")
    if children is None:
        item.decompose()
    else:
        item.replace_with(*[child.extract() for child in children.find_all("li", recursive=False)])
