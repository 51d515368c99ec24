"""Markdown tables drawn from the programme data: programmes per dimension, quick-win profiles, and
summaries of programmes and estimated cost per dimension, year and funding source.

Each table follows the project's caption convention (table, ``/// table-caption`` block, ``Sumber:``
line); ``captions.py`` numbers the captions. Money is written one way everywhere, the Indonesian way with
Babel (CLDR ``id``), e.g. ``Rp1,25 miliar``, always labelled as an estimate.
"""

from __future__ import annotations

from collections import Counter

from babel.numbers import format_compact_decimal, format_decimal

from masterplan.model.markdown_table import captioned_table
from masterplan.model.programmes import HORIZONS, Catalogue, Programme
from masterplan.model.rules import source_opening

COST_NOTE = ("biaya adalah perkiraan kasar untuk pembahasan yang perlu verifikasi, bukan pagu anggaran, dan tidak "
             "termasuk biaya operasi dan pemeliharaan, yang belum dihitung")

COST_GROUPS = ("dimensi", "tahun", "sumber-dana")


def source_line(catalogue: Catalogue, note: str = "", costs: bool = True) -> str:
    """The "Sumber:" line under a view of the programme data: the real source as readers know it
    (``extra.rencana.sumber.program`` in mkdocs.yml), the cost caveat when the view shows ``costs``,
    and an optional ``note``."""
    source = catalogue.source or "Tim Penyusun"
    return f"{source_opening()} {source}" + (f"; {COST_NOTE}" if costs else "") + (f"; {note}" if note else "") + "."


def rupiah(amount: int) -> str:
    """A rupiah amount the one way the plan writes amounts, rounded in words, e.g. ``Rp1,25 miliar``,
    ``Rp350 juta`` (two decimals at most; ``amount`` in rupiah, an int)."""
    return "Rp" + format_compact_decimal(amount, format_type="long", locale="id", fraction_digits=2)


def number(value: float) -> str:
    """A target or baseline value the Indonesian way (``1.250``, ``2,5``); text is returned unchanged."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return format_decimal(value, locale="id")


DEFERRED = "ditetapkan setelah baseline tersedia (perlu verifikasi)"


def target(value: float | str | None, unit: str = "") -> str:
    """A target with its unit (``90 persen``); an unset target (None) as :data:`DEFERRED`, since a target
    is never set before its baseline is known."""
    if value is None:
        return DEFERRED
    return f"{number(value)} {unit}".rstrip()


def years(programme: Programme) -> str:
    """``2025`` or ``2026–2028`` (en dash)."""
    if programme.start_year == programme.end_year:
        return str(programme.start_year)
    return f"{programme.start_year}–{programme.end_year}"


def _office(catalogue: Catalogue, key: str) -> str:
    return catalogue.offices[key].short


def _indicator(programme: Programme) -> str:
    return f"{programme.indicator}: {target(programme.target, programme.unit)}"


def programme_table(catalogue: Catalogue, dimensi: str | None = None) -> str:
    """Programmes of one dimension (all dimensions when ``dimensi`` is None) with indicator and target,
    lead office, years and estimated cost, closed by a total row."""
    selected = catalogue.of_dimension(dimensi)
    rows = [[p.code, p.name + (" (quick win)" if p.quick_win else ""), _indicator(p),
             _office(catalogue, p.lead_office), years(p), rupiah(p.cost)] for p in selected]
    rows.append(["**Jumlah**", f"**{len(selected)} program**", "", "", "",
                 f"**{rupiah(sum(p.cost for p in selected))}**"])
    where = f"dimensi {catalogue.dimensions[dimensi].name}" if dimensi else "seluruh dimensi"
    return captioned_table(["Kode", "Program", "Indikator dan target", "OPD pengampu", "Tahun", "Perkiraan biaya"],
                           "lllllr", rows, f"Program {where}, indikator, jadwal dan perkiraan biaya",
                           source_line(catalogue))


def quick_win_table(catalogue: Catalogue, dimensi: str | None = None) -> str:
    """Quick-win profiles: code and name, dimension and element, indicator (baseline and target), lead and
    partner offices, year, estimated cost with funding sources."""
    selected = [p for p in catalogue.of_dimension(dimensi) if p.quick_win]
    rows = []
    for p in selected:
        dimension = catalogue.dimensions[p.dimension]
        partners = ", ".join(_office(catalogue, key) for key in p.partner_offices) or "tidak ada"
        rows.append([f"**{p.code}** {p.name}", f"{dimension.name}: {dimension.elements[p.element]}",
                     f"{p.indicator}; baseline: {number(p.baseline)}; target: {target(p.target, p.unit)}",
                     f"{_office(catalogue, p.lead_office)}; mitra: {partners}", years(p),
                     f"{rupiah(p.cost)} ({', '.join(p.funding)})"])
    rows.append([f"**Jumlah: {len(selected)} quick win**", "", "", "", "",
                 f"**{rupiah(sum(p.cost for p in selected))}**"])
    return captioned_table(["Quick win", "Dimensi dan elemen", "Indikator", "Pengampu dan mitra", "Tahun",
                            "Perkiraan biaya (sumber dana)"], "llllrl", rows,
                           "Profil quick win: indikator, penanggung jawab, jadwal dan perkiraan biaya",
                           source_line(catalogue))


def programme_summary(catalogue: Catalogue) -> str:
    """Number of programmes per dimension and horizon, with a total row."""
    rows = []
    totals: Counter = Counter()
    for key, dimension in catalogue.dimensions.items():
        counts = Counter(p.horizon for p in catalogue.of_dimension(key))
        totals.update(counts)
        rows.append([dimension.name, sum(counts.values())] + [counts[h] for h in HORIZONS])
    rows.append(["**Jumlah**", f"**{sum(totals.values())}**"] + [f"**{totals[h]}**" for h in HORIZONS])
    header = ["Dimensi", "Jumlah program"] + [label for label, _ in HORIZONS.values()]
    return captioned_table(header, "lrrrrr", rows, "Jumlah program per dimensi dan horizon waktu",
                           source_line(catalogue, costs=False))  # counts only: no cost caveat


def yearly_costs(programme: Programme) -> dict[int, int]:
    """The cost spread evenly over the programme's years in whole millions of rupiah (an estimate needs no
    more precision); the rounding remainder falls on the last year, so the years add up to the cost."""
    count = len(programme.years)
    share = programme.cost // count // 1_000_000 * 1_000_000
    return {year: share if year < programme.end_year else programme.cost - share * (count - 1)
            for year in programme.years}


def cost_table(catalogue: Catalogue, per: str) -> str:
    """Estimated cost per ``dimensi``, ``tahun`` (cost spread evenly over each programme's years) or
    ``sumber-dana`` (each programme once: under its single source or its combination of sources, so the
    rows add up to the total). Raises ``ValueError`` for another ``per``."""
    programmes = catalogue.programmes
    total = sum(p.cost for p in programmes)
    if per == "dimensi":
        rows = []
        for key, dimension in catalogue.dimensions.items():
            cost = sum(p.cost for p in catalogue.of_dimension(key))
            rows.append([dimension.name, len(catalogue.of_dimension(key)), rupiah(cost),
                         format_decimal(100 * cost / total if total else 0, "#,##0.0", locale="id") + "%"])
        rows.append(["**Jumlah**", f"**{len(programmes)}**", f"**{rupiah(total)}**", "**100,0%**"])
        return captioned_table(["Dimensi", "Jumlah program", "Perkiraan biaya", "Porsi"], "lrrr", rows,
                               "Perkiraan biaya program per dimensi", source_line(catalogue))
    if per == "tahun":
        by_year: Counter = Counter()
        running: Counter = Counter()
        for p in programmes:
            by_year.update(yearly_costs(p))
            running.update(p.years)
        rows = [[year, running[year], rupiah(by_year[year])] for year in catalogue.years]
        rows.append(["**Jumlah**", "", f"**{rupiah(sum(by_year.values()))}**"])
        return captioned_table(["Tahun", "Program berjalan", "Perkiraan biaya"], "lrr", rows,
                               f"Perkiraan biaya program per tahun {catalogue.start_year}–{catalogue.end_year}",
                               source_line(catalogue, "biaya setiap program dibagi rata ke tahun pelaksanaannya "
                                           "sebagai gambaran sebaran, bukan jadwal belanja: tahun kajian dan "
                                           "tahun pembangunan belum dibedakan"))
    if per == "sumber-dana":
        # Allocated, never double counted: a programme counts once, under its only source or under the
        # combination of its sources, until the data gives each source's share.
        groups: dict[tuple, list[Programme]] = {}
        for p in programmes:
            groups.setdefault(tuple(s for s in catalogue.funding_sources if s in p.funding), []).append(p)
        order = sorted(groups, key=lambda key: (len(key), [catalogue.funding_sources.index(s) for s in key]))
        rows = [[" + ".join(key) + ("" if len(key) == 1 else " (porsi belum ditetapkan)"), len(groups[key]),
                 rupiah(sum(p.cost for p in groups[key])),
                 format_decimal(100 * sum(p.cost for p in groups[key]) / total if total else 0, "#,##0.0",
                                locale="id") + "%"] for key in order]
        rows.append(["**Jumlah**", f"**{len(programmes)}**", f"**{rupiah(total)}**", "**100,0%**"])
        return captioned_table(["Sumber dana", "Jumlah program", "Perkiraan biaya", "Porsi"], "lrrr", rows,
                               "Perkiraan biaya program menurut sumber dana",
                               source_line(catalogue, "setiap program dihitung sekali: pada sumber dananya bila "
                                           "hanya satu, atau pada gabungan sumbernya bila lebih dari satu, sampai "
                                           "porsi tiap sumber ditetapkan; jumlahnya sama dengan total perkiraan biaya"))
    raise ValueError(f"unknown cost grouping {per!r}")
