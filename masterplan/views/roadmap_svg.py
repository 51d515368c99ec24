"""The roadmap (Gambar 6.1): every programme as a bar over the plan years, grouped by dimension, with the
plan's phases (``data/horizon.yml``, the one definition, read by ``plan_logic.py``) and milestones
(``data/tonggak.yml``) and quick wins marked. Drawn at
build time, without JavaScript, in two forms of the same data:

- one SVG chart per dimension (wide screens and the PDF). Each chart is small enough for a printed page,
  repeats its phase and year header, and wraps programme names in full (widths measured with the site's
  own font: :mod:`masterplan.views.text_measure`), never cut;
- a list per dimension for narrow screens, each programme's name above its own bar and years, so that
  name and bar stay together (``bangli.css`` shows one form or the other).

Colours are presentation attributes for print; the site's dark scheme overrides them through the
classes (``bangli.css``, "Peta jalan"). Accessibility: each chart is ``role="img"`` with ``<title>``
and ``<desc>``; the list holds the whole schedule as text and stays readable by screen readers on wide
screens, where it is visually hidden.
"""

from __future__ import annotations

from html import escape

from masterplan.model.plan_logic import PlanLogic, Span
from masterplan.model.programmes import HORIZONS, Catalogue, Programme
from masterplan.views.programme_tables import source_line, years
from masterplan.views.text_measure import text_width, wrap

FONT = "'Source Sans 3', sans-serif"
WIDTH = 760
CODE_X, NAME_X, NAME_RIGHT = 6, 60, 352
CHART_LEFT, CHART_RIGHT = 362, 754
FONT_SIZE = 13
# Print scales the 760-unit chart by ~0.58: 12.5 units print at 7.2 pt (ministry review 2 sent back 5.7 pt).
LABEL_SIZE = 13
MARK_SIZE = 12.5    # milestone numbers, in their flags
LINE = 16           # one line of a programme name, or of a phase name
TITLE, PHASES, YEARS, MARKS = 26, 22, 20, 22   # header bands of a dimension chart, top to bottom
PAD = 8             # vertical padding of a programme row
# One colour per dimension in data/dimensi.yml order; each has at least 4.5:1 contrast on white.
COLOURS = ("#1f5c3d", "#8a4f00", "#0b5d8f", "#a23b72", "#5b4a9e", "#00695c")
PHASE_FILLS = ("#e3ece7", "#f3eedf")
QUICK_WIN_FILL, QUICK_WIN_STROKE = "#f2b705", "#3b2a00"
MILESTONE_COLOUR = "#b3261e"
IDS = ("peta-jalan-judul", "peta-jalan-deskripsi")


def _diamond(x: float, y: float, size: float = 6) -> str:
    points = f"{x:.1f},{y - size:.1f} {x + size:.1f},{y:.1f} {x:.1f},{y + size:.1f} {x - size:.1f},{y:.1f}"
    return (f'<polygon class="tanda-quick-win" points="{points}" fill="{QUICK_WIN_FILL}" '
            f'stroke="{QUICK_WIN_STROKE}" stroke-width="1"/>')


def _description(catalogue: Catalogue, key: str) -> str:
    items = catalogue.of_dimension(key)
    quick = sum(1 for p in items if p.quick_win)
    return (f"Diagram batang waktu {len(items)} program dimensi {catalogue.dimensions[key].name} pada periode "
            f"{catalogue.start_year}–{catalogue.end_year}, dengan fase dan tonggak rencana induk. Setiap batang "
            f"membentang dari tahun mulai sampai tahun selesai program; {quick} quick win ditandai belah ketupat "
            f"kuning. Rincian jadwal setiap program ada pada daftar sesudah gambar ini.")


class _Axis:
    """Where years fall on a chart: ``x(year)`` is the left edge of that year's column."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.start = catalogue.start_year
        self.years = list(catalogue.years)
        self.step = (CHART_RIGHT - CHART_LEFT) / len(self.years)

    def x(self, year: int) -> float:
        return CHART_LEFT + (year - self.start) * self.step


def _phase_lines(axis: _Axis, phases: tuple[Span, ...]) -> list[list[str]]:
    """Each phase's name wrapped into the width of its years (whole, on two lines if need be)."""
    return [wrap(phase.name, axis.x(phase.end + 1) - axis.x(phase.start) - 6, LABEL_SIZE, 600) for phase in phases]


def _phase_band(axis: _Axis, phases: tuple[Span, ...]) -> float:
    """Height of the phase band: one line, and a line more for each further line of the longest name."""
    return PHASES + (max(map(len, _phase_lines(axis, phases))) - 1) * LINE if phases else 0


def _header(axis: _Axis, phases: tuple[Span, ...], milestones: tuple, top: float) -> list[str]:
    """Phase bands with their names, the year row, and numbered milestone flags."""
    out = []
    y = top
    band = _phase_band(axis, phases)
    for index, (phase, lines) in enumerate(zip(phases, _phase_lines(axis, phases))):
        left, right = axis.x(phase.start), axis.x(phase.end + 1)
        fill = PHASE_FILLS[index % len(PHASE_FILLS)]
        out.append(f'<rect class="pita-fase pita-fase-{index % len(PHASE_FILLS)}" x="{left:.1f}" y="{y}" '
                   f'width="{right - left:.1f}" height="{band - 2}" fill="{fill}"/>')
        middle = (left + right) / 2
        out.append(f'<text x="{middle:.1f}" y="{y + 14}" text-anchor="middle" font-size="{LABEL_SIZE}" '
                   'font-weight="600">' + "".join(f'<tspan x="{middle:.1f}" y="{y + 14 + i * LINE}">{escape(line)}</tspan>'
                                                   for i, line in enumerate(lines)) + "</text>")
    if phases:
        out.append(f'<text x="{NAME_RIGHT}" y="{y + 14}" text-anchor="end" font-size="{LABEL_SIZE}">Fase</text>')
    y += band
    out += [f'<text x="{axis.x(year) + axis.step / 2:.1f}" y="{y + 14}" text-anchor="middle" font-size="{LABEL_SIZE}" '
            f'font-weight="600">{year}</text>' for year in axis.years]
    y += YEARS
    for number, milestone in enumerate(milestones, start=1):
        x = axis.x(milestone.year) + axis.step / 2
        out.append(f'<polygon class="tanda-tonggak" points="{x - 9:.1f},{y + 1} {x + 9:.1f},{y + 1} '
                   f'{x:.1f},{y + MARKS - 2}" fill="{MILESTONE_COLOUR}"/>')
        out.append(f'<text class="nomor-tonggak" x="{x:.1f}" y="{y + 11}" text-anchor="middle" font-size="{MARK_SIZE}" '
                   f'font-weight="700" fill="#ffffff">{number}</text>')
    if milestones:
        out.append(f'<text x="{NAME_RIGHT}" y="{y + 14}" text-anchor="end" font-size="{LABEL_SIZE}">Tonggak</text>')
    return out


def _row(programme: Programme, lines: list[str], y: float, height: float, shaded: bool, colour: str,
         axis: _Axis, operated: range = range(0)) -> list[str]:
    horizon = HORIZONS[programme.horizon][0].lower()
    tooltip = escape(f"{programme.code} {programme.name}: {years(programme)}, {horizon}")
    left = axis.x(programme.start_year) + 2
    width = len(programme.years) * axis.step - 4
    middle = y + height / 2
    parts = [f'<rect class="pita-baris" x="0" y="{y}" width="{WIDTH}" height="{height}" fill="#f5f7f6"/>'] \
        if shaded else []
    first = y + PAD / 2 + LINE - 4
    parts.append(f'<text x="{CODE_X}" y="{first}" font-weight="600">{programme.code}</text>')
    parts.append(f'<text x="{NAME_X}" y="{first}">'
                 + "".join(f'<tspan x="{NAME_X}" y="{first + i * LINE}">{escape(line)}</tspan>'
                           for i, line in enumerate(lines)) + "</text>")
    parts.append(f'<rect class="batang" data-kode="{programme.code}" x="{left:.1f}" y="{middle - 6:.1f}" '
                 f'width="{width:.1f}" height="12" rx="2" fill="{colour}"><title>{tooltip}</title></rect>')
    if operated:
        # Running what was built (rencana aksi `tahap: operasi`): a thin pale bar after the build bar.
        start = axis.x(operated.start) + 2
        parts.append(f'<rect class="batang-operasi" data-kode="{programme.code}" x="{start:.1f}" y="{middle - 3:.1f}" '
                     f'width="{len(operated) * axis.step - 4:.1f}" height="6" rx="2" fill="{colour}" '
                     f'fill-opacity="0.35"><title>{escape(programme.code)}: tahap operasi '
                     f'{operated.start}–{operated.stop - 1}</title></rect>')
    if programme.quick_win:
        parts.append(_diamond(left + width / 2, middle))
    return parts


def dimension_svg(catalogue: Catalogue, key: str, index: int, phases: tuple[Span, ...] = (),
                  operated: dict | None = None) -> str:
    """The chart of dimension ``key`` (``index``: its place in document order, for its colour and ids) as
    an SVG element without blank lines: a title, the header of ``phases`` (from data/horizon.yml), years
    and milestones, then one row per programme with its code, its whole name (wrapped) and a
    ``rect.batang`` (``data-kode``) over its years, and a ``rect.batang-operasi`` over the years
    ``operated`` (programme code → range of its operation years) gives it."""
    axis = _Axis(catalogue)
    milestones = catalogue.milestones
    colour = COLOURS[index % len(COLOURS)]
    dimension = catalogue.dimensions[key]
    items = catalogue.of_dimension(key)
    wrapped = [wrap(p.name, NAME_RIGHT - NAME_X, FONT_SIZE) for p in items]
    heights = [len(lines) * LINE + PAD for lines in wrapped]
    body = TITLE + _phase_band(axis, phases) + YEARS + (MARKS if milestones else 0)
    height = body + sum(heights) + 4
    ids = f"{IDS[0]}-{index + 1}", f"{IDS[1]}-{index + 1}"
    title = (f"Peta jalan dimensi {dimension.name} ({dimension.name_id}) "
             f"{catalogue.start_year}–{catalogue.end_year}")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
           f'height="{height}" role="img" aria-labelledby="{ids[0]} {ids[1]}" class="grafik-peta-jalan" '
           f'font-family="{FONT}" font-size="{FONT_SIZE}" fill="#1a1a1a">',
           f'<title id="{ids[0]}">{escape(title)}</title>',
           f'<desc id="{ids[1]}">{escape(_description(catalogue, key))}</desc>',
           f'<rect class="latar" x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
           f'<rect x="0" y="2" width="5" height="{TITLE - 6}" fill="{colour}"/>',
           f'<text class="judul-dimensi" x="{CODE_X + 8}" y="{TITLE - 9}" font-size="15" font-weight="700" '
           f'fill="{colour}">{escape(dimension.name)} ({escape(dimension.name_id)})</text>']
    out += _header(axis, phases, milestones, TITLE)
    y = body
    for row, (programme, lines, row_height) in enumerate(zip(items, wrapped, heights)):
        out += _row(programme, lines, y, row_height, row % 2 == 1, colour, axis,
                    (operated or {}).get(programme.code, range(0)))
        y += row_height
    for year in axis.years + [catalogue.end_year + 1]:
        # Year lines start below the phase names; phase edges run through the phase band too.
        edge = any(year in (p.start, p.end + 1) for p in phases)
        top = TITLE if edge or not phases else TITLE + _phase_band(axis, phases)
        out.append(f'<line class="garis" x1="{axis.x(year):.1f}" y1="{top}" x2="{axis.x(year):.1f}" y2="{y}" '
                   f'stroke="#7d8c83" stroke-width="{1.4 if edge else 0.5}"/>')
    for milestone in milestones:
        x = axis.x(milestone.year) + axis.step / 2
        out.append(f'<line class="garis-tonggak" x1="{x:.1f}" y1="{body}" x2="{x:.1f}" y2="{y}" '
                   f'stroke="{MILESTONE_COLOUR}" stroke-width="1.2" stroke-dasharray="4 3"/>')
    out.append("</svg>")
    return "\n".join(out)


def _list(catalogue: Catalogue, phases: tuple[Span, ...], operated: dict) -> str:
    """The narrow-screen form, and the text alternative of the charts on every screen: per dimension, the
    phases and numbered milestones over the plan years, then each programme's whole name, its bar on a
    track of the plan years and its years and horizon in words (and its operation years, if any)."""
    count = len(catalogue.years)
    milestones = catalogue.milestones

    def share(first: int, last: int) -> float:
        return 100 * (last - first + 1) / count

    def offset(year: int) -> float:
        return 100 * (year - catalogue.start_year) / count

    def bar(kind: str, first: int, last: int) -> str:  # the build bar, and the pale one of its operation
        return (f'<span class="peta-jalan__batang peta-jalan--d{index}{kind}" style="left: {offset(first):.2f}%; '
                f'width: {share(first, last):.2f}%"></span>')

    marks = "".join(f'<span class="peta-jalan__tonggak" style="left: {offset(m.year) + 50 / count:.2f}%">{n}</span>'
                    for n, m in enumerate(milestones, start=1))
    axis = "".join(f'<span style="width: {share(p.start, p.end):.2f}%">{escape(p.name)}<br>{p.label}</span>'
                   for p in phases) or f"<span>{catalogue.start_year}–{catalogue.end_year}</span>"
    axis += marks
    parts = ['<div class="peta-jalan__daftar">']
    for index, key in enumerate(catalogue.dimensions):
        dimension = catalogue.dimensions[key]
        parts.append(f'<p class="peta-jalan__dimensi peta-jalan--d{index}">{escape(dimension.name)} '
                     f'({escape(dimension.name_id)})</p>')
        parts.append(f'<p class="peta-jalan__sumbu" aria-hidden="true">{axis}</p><ol class="peta-jalan__program">')
        for p in catalogue.of_dimension(key):
            quick = " (quick win)" if p.quick_win else ""
            run = operated.get(p.code)
            parts.append(f'<li><span class="peta-jalan__nama"><strong>{p.code}</strong> {escape(p.name)}{quick}'
                         f'</span><span class="peta-jalan__lini" aria-hidden="true" style="background-size: '
                         f'{100 / count:.4f}% 100%">'
                         f'{bar(" peta-jalan__batang--quick-win" if p.quick_win else "", p.start_year, p.end_year)}'
                         f'{bar(" peta-jalan__batang--operasi", run.start, run.stop - 1) if run else ""}'
                         f'</span><span class="peta-jalan__tahun">{years(p)}, '
                         f'{HORIZONS[p.horizon][0].lower()}{_operation_words(run)}</span></li>')
        parts.append("</ol>")
    parts.append("</div>")
    return "".join(parts)


def _operation_words(years_run: range | None) -> str:
    return f"; tahap operasi {years_run.start}–{years_run.stop - 1}" if years_run else ""


def _legend(catalogue: Catalogue, phases: tuple[Span, ...]) -> str:
    """Keys to both forms, as text: quick win, phases with their years, numbered milestones."""
    milestones = catalogue.milestones
    items = ['<li><span class="peta-jalan__kunci-quick-win" aria-hidden="true"></span> Quick win '
             '(belah ketupat kuning pada batang)</li>',
             '<li>Batang tipis pucat: tahap operasi, hasil program dijalankan dan dipelihara setelah selesai '
             'dibangun</li>']
    if phases:
        items.append("<li>Fase: " + "; ".join(f"{escape(p.name)} {p.label}" for p in phases) + "</li>")
    items += [f'<li><span class="peta-jalan__kunci-tonggak" aria-hidden="true">{n}</span> Tonggak {n}: '
              f'{escape(m.label)}, {m.year}</li>' for n, m in enumerate(milestones, start=1)]
    return '<ul class="peta-jalan__keterangan">' + "".join(items) + "</ul>"


def roadmap_figure(logic: PlanLogic) -> str:
    """Markdown for the roadmap of ``logic`` (programmes and milestones of its catalogue, phases of
    data/horizon.yml): one raw HTML block (no blank lines, kept as is by Python-Markdown) with the
    legend first (a reader learns the symbols before meeting them in the programmes), the charts per
    dimension and the list (narrow screens; for screen readers everywhere); its ``/// figure-caption``
    block; and the source line."""
    catalogue, phases = logic.catalogue, logic.phases
    operated = {code: range(min(a.start for a in rows), max(a.end for a in rows) + 1)
                for code, rows in ((code, [a for a in links.actions if a.operation])
                                   for code, links in logic.links.items()) if rows}
    charts = "\n".join(dimension_svg(catalogue, key, index, phases, operated)
                       for index, key in enumerate(catalogue.dimensions))
    return (f'<div class="peta-jalan">\n{_legend(catalogue, phases)}\n<div class="peta-jalan__grafik">\n'
            f"{charts}\n</div>\n{_list(catalogue, phases, operated)}\n</div>\n\n"
            f"/// figure-caption\nPeta jalan program smart city Kabupaten Bangli "
            f"{catalogue.start_year}–{catalogue.end_year} menurut dimensi, dengan fase dan tonggak\n///\n\n"
            f"{source_line(catalogue, costs=False)}\n")  # the roadmap shows no costs
