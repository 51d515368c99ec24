"""Views of the plan's logic drawn from the data at build time: horizons and phases, SWOT with weights,
the TOWS matrix and the strategies it yields, ranked strategic issues, the strategies of one dimension,
indicators with baselines and targets, the traceability matrix isu → misi → sasaran → program →
indikator, and the quick-win profiles (rencana aksi per office and year: ``action_plan.py``).

Tables follow the project's caption convention (pipe table, ``/// table-caption`` block, ``Sumber:``
line), so ``captions.py`` numbers them like every other table of the chapter.
"""

from __future__ import annotations

from masterplan.model.logic_types import SWOT_KINDS, PlanLogic
from masterplan.model.plan_logic import MISSING, TARGET_HORIZONS
from masterplan.model.markdown_table import captioned_table
from masterplan.model.rules import source_opening
from masterplan.views.programme_tables import DEFERRED, number, rupiah, target, years
from masterplan.views.upkeep import OPERATION_LABEL, upkeep

SOURCE = "Analisis Tim Penyusun, usulan untuk dibahas dalam Bimtek Tahap II"  # after tabel.awal_sumber


def table(header: list[str], align: str, rows: list[list[object]], caption: str, note: str = "") -> str:
    """A table of the plan's logic (:func:`~masterplan.model.markdown_table.captioned_table`) whose source
    line is the Tim Penyusun's analysis, with an optional ``note``."""
    return captioned_table(header, align, rows, caption,
                           f"{source_opening()} {SOURCE}" + (f"; {note}" if note else "") + ".")


def _codes(values) -> str:
    return ", ".join(str(v) for v in values) or "–"


def _target(value) -> str:
    return DEFERRED if value is None else number(value)


def _baseline(indicator) -> str:
    baseline = indicator.baseline
    if baseline.missing:
        return MISSING
    return f"{number(baseline.value)} ({baseline.year}; {baseline.source})"


# ---------------------------------------------------------------------------------------------------
# Horizons, SWOT, TOWS, issues
# ---------------------------------------------------------------------------------------------------

def horizon_table(logic: PlanLogic) -> str:
    """The horizons (latest end year, longest programme, focus) and the roadmap phases (years), from
    data/horizon.yml. A horizon is a deadline and a length, never a range of years: "jangka pendek" is
    a programme of at most two years that ends by the end of that horizon (2028), the same words in every chapter."""
    rows = [[h.name, f"selesai paling lambat {h.end}", f"paling lama {h.longest} tahun", h.focus]
            for h in logic.horizons]
    rows += [[f"*{p.name}*", p.label, "fase peta jalan", p.focus] for p in logic.phases]
    return table(["Horizon atau fase", "Waktu", "Lama program", "Fokus"], "llll", rows,
                 "Horizon waktu program dan fase peta jalan",
                 "sebuah program termasuk horizon terpendek yang memuat tahun selesainya; lama program adalah "
                 "jendela tahun yang tersisa dari 2027, tahun program pertama, sampai akhir horizon; quick win "
                 "adalah bagian dari jangka pendek dan ditetapkan khusus dengan kriteria BAB VII")


def quick_win_criteria(logic: PlanLogic) -> str:
    """The quick-win criteria as a list, from data/horizon.yml (what the build checks)."""
    rules = logic.quick_win
    horizon = logic.horizon("quick-win")
    window = f", paling lambat {horizon.end}" if horizon else ""
    items = [f"paling banyak {rules.most} quick win seluruhnya dan {rules.per_dimension} per dimensi;",
             f"selesai dalam {rules.longest} tahun anggaran{window};",
             f"tidak berjenis {', '.join(rules.forbidden)} dan bukan aplikasi atau sistem baru: mempertajam "
             "layanan yang sudah berjalan, yang disebut dengan sumbernya dalam profil;"]
    if not rules.full_without_baseline:
        items.append("tidak menargetkan cakupan 100 persen dalam satu tahun tanpa baseline;")
    items.append("memiliki profil lengkap: masalah dan baseline, penerima manfaat, jadwal, mata anggaran, "
                 "indikator keberhasilan, risiko dan OPD penanggung jawab.")
    return "\n".join(f"{i}. {text}" for i, text in enumerate(items, start=1)) + "\n"


def swot_table(logic: PlanLogic) -> str:
    """Every SWOT item with its kind, origin in BAB III and proposed weight (not yet scored)."""
    rows = [[f"**{item.code}**", item.kind, f"**{item.title}.** {item.text}", item.origin, item.weight]
            for item in logic.swot.values()]
    return table(["Kode", "Faktor", "Butir", "Asal (BAB III)", "Usulan bobot"], "lllll", rows,
                 "Butir analisis SWOT dan usulan bobotnya",
                 "usulan bobot 1 (rendah) sampai 3 (tinggi) dari Tim Penyusun, dinilai dalam Bimtek Tahap II "
                 "(perlu verifikasi); bobot tidak dijumlahkan menjadi posisi strategis")


def _strategy_line(strategy) -> str:
    return f"**{strategy.code}** {strategy.text} ({_codes(strategy.swot)})"


def tows_matrix(logic: PlanLogic) -> str:
    """The TOWS matrix (strengths/weaknesses against opportunities/threats), then the strategies it yields
    with the programmes that carry them out."""
    def cell(quadrant: str) -> list[str]:
        return [_strategy_line(s) for s in logic.strategies if s.quadrant == quadrant] or ["–"]

    # No sums of the weights: they are proposals to be scored in the workshop, and a total per side would
    # read as a strategic position the plan has not established (ministry review of the logic, item 8).
    rows = [[f"**{SWOT_KINDS['K']}** (K)", cell("SO"), cell("ST")],
            [f"**{SWOT_KINDS['L']}** (L)", cell("WO"), cell("WT")]]
    matrix = table(["Faktor internal / eksternal", f"**{SWOT_KINDS['P']}** (P)",
                    f"**{SWOT_KINDS['A']}** (A)"], "lll", rows,
                   "Matriks TOWS: strategi SO, ST, WO dan WT",
                   "kode dalam kurung adalah butir SWOT yang dipadukan")
    programmes = {p.code: p for p in logic.catalogue.programmes}
    yielded = [[f"**{s.code}**", s.quadrant, s.text, _codes(s.swot),
                ", ".join(f"{c} {programmes[c].name}" if c in programmes else c for c in s.programmes)]
               for s in logic.strategies]
    strategies = table(["Kode", "Jenis", "Strategi", "Butir SWOT", "Program"], "lllll", yielded,
                       "Strategi hasil matriks TOWS dan program yang menjalankannya")
    return matrix + "\n" + strategies


def issue_table(logic: PlanLogic) -> str:
    """Strategic issues by rank, with their SWOT codes and the programmes answering them."""
    rows = []
    for issue in logic.issues.values():
        answered = _codes(p.code for p in logic.programmes_answering(issue.number))
        rows.append([issue.number, f"**{issue.title}.** {issue.text}", _codes(issue.swot),
                     issue.kind, answered])
    return table(["Peringkat", "Isu strategis", "Asal SWOT", "Jenis", "Dijawab oleh"], "rllll", rows,
                 "Isu strategis menurut peringkat, asal SWOT dan program yang menjawabnya")


def dimension_strategies(logic: PlanLogic, dimensi: str) -> str:
    """For BAB V: the TOWS strategies that programmes of one dimension carry out, with SWOT codes."""
    own = {p.code for p in logic.catalogue.of_dimension(dimensi)}
    rows = [[f"**{s.code}**", s.text, _codes(s.swot), _codes([c for c in s.programmes if c in own])]
            for s in logic.strategies if own & set(s.programmes)]
    name = logic.catalogue.dimensions[dimensi].name
    return table(["Kode", "Strategi", "Butir SWOT", "Program dimensi ini"], "llll", rows,
                 f"Strategi {name} dari matriks TOWS dan butir SWOT asalnya")


# ---------------------------------------------------------------------------------------------------
# Indicators and traceability
# ---------------------------------------------------------------------------------------------------

def indicator_table(logic: PlanLogic) -> str:
    """Every sasaran indicator: unit, baseline (or the office that must supply it), targets per horizon
    (an unset target says it waits for the baseline), and the programmes that move it. The SNI ISO 37122
    column is shown only once some indicator's reference to the standard is established; until then the
    note says so (the mapping is a data need of Bappeda, never guessed)."""
    ends = {h.key: h.end for h in logic.horizons}
    with_iso = any(i.iso for i in logic.indicators.values())
    rows = []
    for indicator in logic.indicators.values():
        baseline = _baseline(indicator)
        if indicator.baseline.missing:
            office = logic.catalogue.offices.get(indicator.baseline.office)
            baseline += f"; diisi {office.short if office else indicator.baseline.office}"
        rows.append([f"**{indicator.code}**", f"{indicator.name} ({indicator.unit})", baseline]
                    + [_target(indicator.targets.get(key)) for key in TARGET_HORIZONS]
                    + ([indicator.iso or "–"] if with_iso else [])
                    + [_codes(p.code for p in logic.programmes_moving(indicator.code))])
    header = (["Kode", "Indikator (satuan)", "Baseline"] + [f"Target {ends.get(k, k)}" for k in TARGET_HORIZONS]
              + (["SNI ISO 37122"] if with_iso else []) + ["Program"])
    iso = ("tanda – pada kolom SNI ISO 37122 berarti padanannya belum dipastikan" if with_iso else
           "padanan indikator SNI ISO 37122 belum dicantumkan karena belum dipastikan terhadap naskah standar")
    return table(header, "lllrrr" + ("l" if with_iso else "") + "l", rows,
                 "Indikator sasaran, baseline dan target per horizon (usulan)",
                 "target usulan Tim Penyusun, disesuaikan setelah baseline diukur; target jangka pendek indikator "
                 f"yang baseline-nya belum tersedia tidak diisi angka; {iso}, dan pemetaannya dihimpun untuk "
                 "Bappeda melalui Daftar Kebutuhan Data")


def traceability_matrix(logic: PlanLogic) -> str:
    """One row per indicator, read left to right: the issues answered, the mission, the sasaran, the
    programmes that move the indicator, and the indicator itself."""
    rows = []
    for mission in logic.missions:
        dimension = logic.catalogue.dimensions.get(mission.dimension)
        for goal in mission.goals:
            for indicator in logic.indicators_of(goal.code):
                moving = logic.programmes_moving(indicator.code)
                issues = sorted({n for p in moving for n in logic.links[p.code].issues})
                rows.append([_codes(issues), f"{mission.number} ({dimension.name if dimension else mission.dimension})",
                             f"{goal.code} {goal.text}", _codes(p.code for p in moving),
                             f"**{indicator.code}** {indicator.name}"])
    return table(["Isu", "Misi", "Sasaran", "Program", "Indikator"], "lllll", rows,
                 "Matriks keterkaitan isu strategis, misi, sasaran, program dan indikator",
                 "setiap mata rantai diperiksa sebelum setiap terbitan dokumen")


# ---------------------------------------------------------------------------------------------------
# Rencana aksi and quick wins
# ---------------------------------------------------------------------------------------------------

def quick_win_profiles(logic: PlanLogic) -> str:
    """A profile per quick win: problem and baseline, beneficiaries, schedule, budget line, success
    indicator, risks and responsible office, each under its own heading."""
    catalogue = logic.catalogue
    parts = []
    for programme in (p for p in catalogue.programmes if p.quick_win):
        profile = logic.links[programme.code].profile
        if profile is None:
            continue
        lead = catalogue.offices[programme.lead_office]
        partners = ", ".join(catalogue.offices[k].short for k in programme.partner_offices if k in catalogue.offices)
        rows = [["Masalah", profile.problem],
                ["Baseline", f"{programme.indicator}: {number(programme.baseline)}"],
                ["Penerima manfaat", profile.beneficiaries],
                ["Layanan yang sudah ada", profile.existing_service],
                ["Jadwal: usulan Tim Penyusun (perlu verifikasi)",
                 [f"{when}: {what}" for when, what in profile.schedule]],
                ["Indikator keberhasilan", f"{programme.indicator}: {target(programme.target, programme.unit)} "
                                           f"pada akhir {years(programme)}"
                                           + (f"; target proses: {profile.process_target}"
                                              if profile.process_target else "")],
                ["Mata anggaran", f"{profile.budget_line}; perkiraan indikatif {rupiah(programme.cost)} "
                                  f"({', '.join(programme.funding)}), perlu verifikasi; operasi dan "
                                  f"pemeliharaan per tahun sesudahnya: {upkeep(programme)}"],
                ["Risiko dan mitigasi", [f"{risk} → mitigasi: {fix}" for risk, fix in profile.risks]],
                ["Penanggung jawab", f"{lead.name}" + (f"; mitra: {partners}" if partners else "")]]
        parts.append(f"### {programme.code} {programme.name}\n\n"
                     + table(["Unsur", "Isi"], "ll", rows, f"Profil quick win {programme.code}"))
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------------
# Missions and sasaran (BAB IV)
# ---------------------------------------------------------------------------------------------------

def rpjmd_alignment(logic: PlanLogic) -> str:
    """Tabel 4.2: each mission (number and dimension) against the planning documents' columns, cell by
    cell as data/rpjmd.yml holds them, with that file's caption and source line."""
    aligned = logic.alignment
    names = {m.number: logic.catalogue.dimensions[m.dimension].name for m in logic.missions}
    rows = [[f"{number}. {names.get(number, number)}", *cells] for number, cells, _ in aligned.rows]
    return captioned_table(["Misi smart city", *aligned.columns], "l" * (len(aligned.columns) + 1), rows,
                           aligned.title, f"{source_opening()} {aligned.source}.")


def mission_list(logic: PlanLogic) -> str:
    """The missions as a numbered list, each with its dimension and the strategic issues it answers."""
    lines = []
    for mission in logic.missions:
        dimension = logic.catalogue.dimensions.get(mission.dimension)
        name = dimension.name if dimension else mission.dimension
        lines.append(f"{mission.number}. **{mission.text}** ({name}; isu strategis {_codes(mission.issues)}).")
    return "\n".join(lines) + "\n"


def goal_sections(logic: PlanLogic) -> str:
    """Per dimension: its purpose (tujuan) and sasaran, each sasaran with the codes of its indicators."""
    parts = []
    for mission in logic.missions:
        dimension = logic.catalogue.dimensions.get(mission.dimension)
        items = []
        for goal in mission.goals:
            element = dimension.elements.get(goal.element, goal.element) if dimension else goal.element
            codes = _codes(i.code for i in logic.indicators_of(goal.code))
            items.append(f"- **{goal.code} {element}**: {goal.text} Indikator: {codes}.")
        parts.append(f"### {dimension.name if dimension else mission.dimension}\n\nTujuan: {mission.purpose}\n\n"
                     + "\n".join(items) + "\n")
    return "\n".join(parts)


def goal_targets(logic: PlanLogic, elemen: str) -> str:
    """The sasaran of one dimension element (``elemen``, a key of data/dimensi.yml) as BAB V states it:
    its wording from data/misi.yml, then each of its indicators with the target per horizon from
    data/indikator.yml (a target with its unit; an unset one as "ditetapkan setelah baseline tersedia")
    and the programmes that move it. Drawn from the data so the chapter can never promise another
    number or year than BAB IV and the programme data."""
    goal = next((g for g in logic.goals.values() if g.element == elemen), None)
    if goal is None:
        return f"*Sasaran untuk elemen {elemen} belum dirumuskan di data/misi.yml.*\n"
    ends = {h.key: h.end for h in logic.horizons}
    items = []
    for indicator in logic.indicators_of(goal.code):
        values = [indicator.targets.get(key) for key in TARGET_HORIZONS]
        steps = "; ".join(f"akhir {ends.get(key, key)} "
                          f"{target(value, indicator.unit if isinstance(value, (int, float)) else '')}"
                          for key, value in zip(TARGET_HORIZONS, values)) if any(
            v is not None for v in values) else f"target {DEFERRED}"
        programmes = _codes(p.code for p in logic.programmes_moving(indicator.code))
        items.append(f"- **{indicator.code}** {indicator.name}: {steps} (program {programmes}).")
    return (f"Sasaran {goal.code}: {goal.text} Target indikatornya sama dengan tabel indikator BAB IV dan "
            "merupakan usulan Tim Penyusun (perlu verifikasi):\n\n" + "\n".join(items) + "\n")
