"""Event hook of mkdocs-with-pdf: last changes to the combined HTML before WeasyPrint renders it.

The plugin imports this module by name; ``mkdocs_hooks.on_config`` puts this folder on ``sys.path`` so
that it is found whatever the working directory is.
"""

from __future__ import annotations

from bs4 import BeautifulSoup


def pre_pdf_render(soup: BeautifulSoup, logger) -> BeautifulSoup:
    """Restore the document language (stack-notes item 14) and merge a multi-page chapter's
    generated section title with its first page's "BAB" heading (stack-notes item 16)."""
    soup.html["lang"] = "id"
    head = soup.find("head")
    title = soup.find("title")
    if head is not None and title is not None:
        title.string = "Rencana Induk Smart City Kabupaten Bangli"
    for article in soup.find_all("article"):
        first_section = article.find("section", recursive=False)
        synthetic = article.find("h1", recursive=False)
        if first_section is None or synthetic is None:
            continue
        opening = first_section.find("h2")
        if opening is None or not opening.find("span", class_="label-bab"):
            continue
        # Keep the generated section heading (its id is what the TOC links to), give it the page's
        # "BAB" markup, and drop the repeated page heading and its TOC entry.
        synthetic.clear()
        for child in list(opening.children):
            synthetic.append(child.extract())
        _drop_toc_entry(soup, opening.get("id"))
        opening.decompose()
        # The first page's sections are the chapter's first sections (5.1, 5.2): same level as the pages
        # that follow (5.3 …), one level up from where the plugin's heading shift put them.
        for level in range(3, 7):
            for heading in first_section.find_all(f"h{level}"):
                heading.name = f"h{level - 1}"
    return soup


def _drop_toc_entry(soup: BeautifulSoup, anchor: str | None) -> None:
    """Remove the Daftar Isi entry that links to ``anchor``, keeping its sub-entries one level up."""
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
