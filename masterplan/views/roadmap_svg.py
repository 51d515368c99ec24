"""The roadmap chart: every programme as a bar over the plan years, grouped by dimension, quick wins
marked, drawn as inline SVG at build time (no JavaScript), so that the website and the PDF show the same
picture. Text uses the site's own font ("Source Sans 3", served and embedded from the repository).

Accessibility: ``role="img"`` with ``<title>`` and ``<desc>`` (``aria-labelledby``), and a visually
hidden table with the same schedule right after the figure for screen readers.
"""

from __future__ import annotations

from html import escape

from masterplan.views.programme_tables import SOURCE, years
from masterplan.model.programmes import HORIZONS, Catalogue, Programme

FONT = "'Source Sans 3', sans-serif"
WIDTH = 760
LABEL_X = 6
CODE_WIDTH = 50
CHART_LEFT, CHART_RIGHT = 318, 752
HEAD = 52           # legend and year row above the first group
GROUP = 22          # height of a dimension's header band
ROW = 16            # height of one programme row
FOOT = 24           # year row below the last programme
FONT_SIZE = 12
NAME_CHARS = 44     # about what fits between the code and the chart at FONT_SIZE
# One colour per dimension in data/dimensi.yml order; each has at least 4.5:1 contrast on white.
COLOURS = ("#1f5c3d", "#8a4f00", "#0b5d8f", "#a23b72", "#5b4a9e", "#00695c")
QUICK_WIN_FILL, QUICK_WIN_STROKE = "#f2b705", "#3b2a00"
IDS = ("peta-jalan-judul", "peta-jalan-deskripsi", "peta-jalan-tabel")


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[:NAME_CHARS - 1].rstrip(" ,-") + "…"


def _diamond(x: float, y: float, size: float = 5.5) -> str:
    points = f"{x:.1f},{y - size:.1f} {x + size:.1f},{y:.1f} {x:.1f},{y + size:.1f} {x - size:.1f},{y:.1f}"
    return (f'<polygon class="tanda-quick-win" points="{points}" fill="{QUICK_WIN_FILL}" '
            f'stroke="{QUICK_WIN_STROKE}" stroke-width="1"/>')


def _description(catalogue: Catalogue) -> str:
    programmes = catalogue.programmes
    quick = sum(1 for p in programmes if p.quick_win)
    return (f"Diagram batang waktu {len(programmes)} program smart city Kabupaten Bangli pada periode "
            f"{catalogue.start_year}–{catalogue.end_year}, dikelompokkan menurut {len(catalogue.dimensions)} "
            f"dimensi. Setiap batang membentang dari tahun mulai sampai tahun selesai program; tanda belah "
            f"ketupat kuning menandai {quick} quick win. Rincian jadwal setiap program ada pada tabel "
            f"sesudah gambar ini.")


def roadmap_svg(catalogue: Catalogue) -> str:
    """The chart as an SVG element (a string without blank lines): one ``rect.batang`` per programme,
    with ``data-kode`` and a tooltip ``<title>``. Width is :data:`WIDTH` user units; it scales by viewBox."""
    plan_years = list(catalogue.years)
    step = (CHART_RIGHT - CHART_LEFT) / len(plan_years)
    groups = [(key, catalogue.of_dimension(key)) for key in catalogue.dimensions]
    height = HEAD + sum(GROUP + ROW * len(items) for _, items in groups) + FOOT

    def x_of(year: int) -> float:
        return CHART_LEFT + (year - catalogue.start_year) * step

    def year_labels(y: float) -> list[str]:
        return [f'<text x="{x_of(year) + step / 2:.1f}" y="{y}" text-anchor="middle" font-weight="600">'
                f'{year}</text>' for year in plan_years]

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
           f'height="{height}" role="img" aria-labelledby="{IDS[0]} {IDS[1]}" class="grafik-peta-jalan" '
           f'font-family="{FONT}" font-size="{FONT_SIZE}" fill="#1a1a1a">',
           f'<title id="{IDS[0]}">Peta jalan program smart city Kabupaten Bangli '
           f'{catalogue.start_year}–{catalogue.end_year}</title>',
           f'<desc id="{IDS[1]}">{escape(_description(catalogue))}</desc>',
           f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
           _diamond(LABEL_X + 6, 16),
           f'<text x="{LABEL_X + 16}" y="20">Quick win</text>',
           f'<rect x="{LABEL_X + 90}" y="11" width="26" height="10" rx="2" fill="#5f6b64"/>',
           f'<text x="{LABEL_X + 122}" y="20">Masa pelaksanaan program</text>']
    out += year_labels(HEAD - 8)
    y = HEAD
    body_top = y
    for index, (key, items) in enumerate(groups):
        colour = COLOURS[index % len(COLOURS)]
        dimension = catalogue.dimensions[key]
        out.append(f'<rect x="0" y="{y}" width="{WIDTH}" height="{GROUP}" fill="#e8efeb"/>')
        out.append(f'<rect x="0" y="{y}" width="5" height="{GROUP}" fill="{colour}"/>')
        out.append(f'<text x="{LABEL_X + 6}" y="{y + 15}" font-weight="700" fill="{colour}">'
                   f'{escape(dimension.name)} ({escape(dimension.name_id)})</text>')
        y += GROUP
        for row, programme in enumerate(items):
            out += _row(programme, y, row, colour, x_of, step)
            y += ROW
    for year in plan_years + [catalogue.end_year + 1]:
        out.append(f'<line x1="{x_of(year):.1f}" y1="{body_top}" x2="{x_of(year):.1f}" y2="{y}" '
                   f'stroke="#9aa9a0" stroke-width="0.6"/>')
    out += year_labels(y + 17)
    out.append("</svg>")
    return "\n".join(out)


def _row(programme: Programme, y: float, row: int, colour: str, x_of, step: float) -> list[str]:
    label = HORIZONS[programme.horizon][0].lower()
    tooltip = escape(f"{programme.code} {programme.name}: {years(programme)}, {label}")
    left = x_of(programme.start_year) + 2
    width = len(programme.years) * step - 4
    parts = []
    if row % 2:
        parts.append(f'<rect x="0" y="{y}" width="{WIDTH}" height="{ROW}" fill="#f5f7f6"/>')
    parts += [f'<text x="{LABEL_X + 6}" y="{y + 12}"><tspan font-weight="600">{programme.code}</tspan>'
              f'<tspan x="{LABEL_X + 6 + CODE_WIDTH}">{escape(_short(programme.name))}</tspan></text>',
              f'<rect class="batang" data-kode="{programme.code}" x="{left:.1f}" y="{y + 3}" '
              f'width="{width:.1f}" height="{ROW - 6}" rx="2" fill="{colour}"><title>{tooltip}</title></rect>']
    if programme.quick_win:
        parts.append(_diamond(left + width / 2, y + ROW / 2))
    return parts


def _hidden_table(catalogue: Catalogue) -> str:
    rows = "".join(
        f"<tr><td>{escape(catalogue.dimensions[p.dimension].name)}</td><td>{p.code}</td>"
        f"<td>{escape(p.name)}</td><td>{HORIZONS[p.horizon][0]}</td><td>{years(p)}</td></tr>"
        for p in catalogue.of_dimension(None))
    return (f'<div class="visually-hidden" id="{IDS[2]}"><table><caption>Jadwal program pada peta jalan '
            f'(alternatif teks gambar)</caption><thead><tr><th>Dimensi</th><th>Kode</th><th>Program</th>'
            f'<th>Horizon</th><th>Tahun</th></tr></thead><tbody>{rows}</tbody></table></div>')


def roadmap_figure(catalogue: Catalogue) -> str:
    """Markdown for the roadmap: the SVG in a horizontally scrollable wrapper (one raw HTML block that
    Python-Markdown keeps as is), its ``/// figure-caption`` block, the source line, and the table
    alternative for screen readers. The wrapper takes keyboard focus (``tabindex``), so that keyboard
    users can scroll it on a phone (WCAG 2.1.1)."""
    return ('<div class="peta-jalan" tabindex="0" role="region" aria-label="Diagram peta jalan">\n'
            f"{roadmap_svg(catalogue)}\n</div>\n\n"
            f"/// figure-caption\nPeta jalan program smart city Kabupaten Bangli "
            f"{catalogue.start_year}–{catalogue.end_year} menurut dimensi\n///\n\n"
            f"{SOURCE}.\n\n{_hidden_table(catalogue)}\n")
