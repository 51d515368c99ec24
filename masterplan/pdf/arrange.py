"""The plan's last changes to the combined HTML before WeasyPrint renders it (called by
:mod:`masterplan.pdf.writer` on what mkdocs-with-pdf assembled).

Resulting order, following Indonesian planning documents (CATATAN-TEKNIS.md, "Konvensi dokumen"):
cover and its back (a colophon line with the build date); front matter
(Kata Pengantar, Ringkasan Eksekutif, Daftar Isi, Daftar Tabel, Daftar Gambar) numbered i, ii, …;
then the chapters numbered from 1 on BAB I.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from masterplan.pdf import glue as pdf_glue, hyphens as pdf_hyphens, part_ends, parts as pdf_parts, tables as pdf_tables, verification
from masterplan.pdf.metadata import Metadata
from masterplan.views import signature

COLOPHON = "doc-kolofon"  # the cover's back (overrides/pdf/cover.html.j2): not front matter
BODY_ANCHOR = "awal-isi"  # id of the first chapter heading: page labels restart at 1 there

LISTS = (("tabel", "Daftar Tabel", "doc-daftar-tabel"), ("gambar", "Daftar Gambar", "doc-daftar-gambar"))


def arrange(soup: BeautifulSoup, metadata: Metadata) -> BeautifulSoup:
    """Rearrange and annotate the combined document ``soup`` in place (and return it); see the module
    docstring. ``metadata`` is written into its head."""
    soup.html["lang"] = "id"  # CATATAN-TEKNIS.md C14: the plugin drops <html lang>
    _metadata(soup, metadata)
    pdf_parts.split_parts(soup)  # each Lampiran its own part, before BAB V's pages are merged
    _merge_multi_page_chapters(soup)
    for table in soup.find_all("table"):
        _column_widths(soup, table)
    pdf_tables.mark_continuations(soup)
    pdf_tables.mark_tall_rows(soup)
    pdf_tables.mark_row_keeps(soup)
    pdf_tables.mark_group_rows(soup)
    pdf_tables.left_align_text_columns(soup)
    pdf_tables.mark_figure_continuations(soup)
    pdf_tables.keep_amounts_whole(soup)
    pdf_hyphens.hyphenate(soup)
    pdf_hyphens.attach_punctuation(soup)
    pdf_hyphens.attach_spaces(soup)
    verification.print_markers(soup)
    signature.keep_with_closing(soup)
    pdf_hyphens.unwrap_abbreviations(soup)
    soup.smooth()  # an unwrapped abbreviation's text joins its neighbours ("No. 5" split in two nodes)
    pdf_glue.glue(soup)
    body = soup.body
    articles = [a for a in body.find_all("article", recursive=False)]
    cover = next((a for a in articles if a.get("id") == "doc-cover"), None)
    toc = next((a for a in articles if a.get("id") == "doc-toc"), None)
    colophon = next((a for a in articles if a.get("id") == COLOPHON), None)  # stays behind the cover
    chapters = [a for a in articles if a not in (cover, colophon, toc)]
    first_chapter = next((a for a in chapters if a.select_one("h1 .label-bab")), None)  # BAB I
    split = chapters.index(first_chapter) if first_chapter is not None else len(chapters)
    front, main = chapters[:split], chapters[split:]
    part_ends.keep_part_ends(soup, chapters)
    lists = [_figure_list(soup, css, title, anchor) for css, title, anchor in LISTS]

    front_group = soup.new_tag("div", attrs={"class": "bagian-depan"})
    for article in front + ([toc] if toc else []) + lists:
        front_group.append(article.extract())
    main_group = soup.new_tag("div", attrs={"class": "bagian-isi", "id": BODY_ANCHOR})
    for article in main:
        main_group.append(article.extract())
    body.append(front_group)
    body.append(main_group)
    if toc is not None:
        _mark_front_matter_entries(soup, toc, front, lists)
    return soup


def _metadata(soup: BeautifulSoup, metadata: Metadata) -> None:
    """Title, author, subject, keywords and creation date that WeasyPrint writes into the PDF."""
    head = soup.head
    for meta in head.find_all("meta", attrs={"name": True}):
        if meta["name"] in ("author", "description", "keywords", "generator", "dcterms.created",
                            "dcterms.modified"):
            meta.decompose()
    title = head.find("title") or head.append(soup.new_tag("title")) or head.find("title")
    title.string = metadata.title
    values = {"author": metadata.author, "description": metadata.subject, "keywords": metadata.keywords,
              "dcterms.created": metadata.created, "dcterms.modified": metadata.created}
    for name, content in values.items():
        if content:
            head.append(soup.new_tag("meta", attrs={"name": name, "content": content}))


def _merge_multi_page_chapters(soup: BeautifulSoup) -> None:
    """A chapter spread over several pages (BAB V) gets one "BAB" heading, not two (CATATAN-TEKNIS.md
    C16): the plugin's generated section heading takes the first page's markup."""
    for article in soup.find_all("article"):
        first_section = article.find("section", recursive=False)
        synthetic = article.find("h1", recursive=False)
        if first_section is None or synthetic is None:
            continue
        opening = first_section.find("h2")
        if opening is None or not opening.find("span", class_="label-bab"):
            continue
        # The other pages of a section that open with their own label (Lampiran B, C, …) set the running
        # header too; otherwise every page of the section repeats the first page's title.
        for later in article.find_all("h2"):
            if later is not opening and later.find("span", class_="label-bab"):
                later["class"] = later.get("class", []) + ["pembuka-halaman"]
        # Keep the generated heading (its id is what the TOC links to) and drop the repeated one.
        synthetic.clear()
        for child in list(opening.children):
            synthetic.append(child.extract())
        pdf_parts.lift_toc_entry(soup, opening.get("id"))
        opening.decompose()
        # The first page's sections are the chapter's first sections (5.1, 5.2): same level as the pages
        # that follow (5.3 …), one level up from where the plugin's heading shift put them.
        for level in range(3, 7):
            for heading in first_section.find_all(f"h{level}"):
                heading.name = f"h{level - 1}"



def _column_widths(soup: BeautifulSoup, table: Tag) -> None:
    """Give a table column widths in proportion to its content.

    Tables use a fixed layout in print so that they never run past the right margin (CATATAN-TEKNIS.md
    C5), but a fixed layout without widths makes every column equally wide and breaks words in narrow
    columns. Each column first gets room for its longest word (capped at 14 characters; longer words are
    hyphenated) and for its longest amount in full, then the rest of the line is shared in proportion to
    the column's average text length.
    """
    rows = [row.find_all(["th", "td"], recursive=False) for row in table.find_all("tr")]
    columns = max((len(cells) for cells in rows), default=0)
    if columns < 2 or table.find("colgroup") is not None:
        return
    minimum, average = [], []
    for index in range(columns):
        texts = [" ".join(cells[index].get_text(" ").split()) for cells in rows if len(cells) > index]
        longest_word = max((len(word) for text in texts for word in text.split()), default=1)
        # An amount ("Rp1.250.000.000") is never split, so its column gets room for the whole of it.
        longest_amount = max((len(m.group(0)) for text in texts for m in pdf_tables.AMOUNT.finditer(text)),
                             default=0)
        minimum.append(max(min(longest_word, 14), longest_amount) + pdf_tables.CELL_PADDING)
        average.append(sum(len(text) for text in texts) / max(len(texts), 1) + 1)
    spare = max(pdf_tables.LINE_CHARACTERS - sum(minimum), 0)
    widths = [least + spare * share / sum(average) for least, share in zip(minimum, average)]
    group = soup.new_tag("colgroup")
    for width in widths:
        group.append(soup.new_tag("col", attrs={"style": f"width: {100 * width / sum(widths):.1f}%"}))
    table.insert(0, group)


def _figure_list(soup: BeautifulSoup, css: str, title: str, anchor: str) -> Tag:
    """A "Daftar Tabel" or "Daftar Gambar" page: every numbered caption with its page number."""
    article = soup.new_tag("article", attrs={"id": anchor, "class": "daftar-keterangan"})
    heading = soup.new_tag("h1")
    heading.string = title
    article.append(heading)
    entries = soup.new_tag("ul")
    for figure in soup.select(f"figure.{css}[id]"):
        caption = figure.find("figcaption")
        if caption is None:
            continue
        item = soup.new_tag("li")
        link = soup.new_tag("a", href=f"#{figure['id']}")
        link.string = " ".join(caption.get_text(" ").split())
        item.append(link)
        entries.append(item)
    if entries.find("li") is None:
        empty = soup.new_tag("p")
        empty.string = f"Dokumen ini belum memuat {css} bernomor."
        article.append(empty)
    else:
        article.append(entries)
    return article


def _mark_front_matter_entries(soup: BeautifulSoup, toc: Tag, front: list[Tag], lists: list[Tag]) -> None:
    """Daftar Isi entries for front-matter pages show Roman page numbers, like the pages themselves;
    the Daftar Tabel and Daftar Gambar pages get entries of their own after the other front matter."""
    anchors = set()
    for article in front:
        anchors.add(article.get("id"))
        anchors.update(tag.get("id") for tag in article.find_all(id=True))
    for link in toc.find_all("a", href=True):
        if link["href"].lstrip("#") in anchors:
            link["class"] = link.get("class", []) + ["halaman-romawi"]
    top = toc.find("ul")
    if top is None:
        return
    position = sum(1 for item in top.find_all("li", recursive=False)
                   if "halaman-romawi" in (item.find("a") or {}).get("class", []))
    for offset, article in enumerate(lists):
        item = soup.new_tag("li")
        link = soup.new_tag("a", href=f"#{article['id']}", attrs={"class": "halaman-romawi"})
        link.string = article.find("h1").get_text()
        item.append(link)
        top.insert(position + offset, item)
