"""Programme data: schema and cross-checks (pass/fail tables), rupiah formatting, view directives and
the roadmap SVG, on the real data files (no build needed)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from masterplan.model import milestones, plan_logic, sources
from masterplan.views import directives, programme_tables, roadmap_svg, text_measure
from masterplan.model import programmes, rules
from masterplan.model.problems import help_reference
from masterplan.checks.programme_data import check_programmes

ROOT = Path(__file__).resolve().parent.parent
REAL = (ROOT / programmes.PROGRAMMES).read_text(encoding="utf-8")
SVG = "{http://www.w3.org/2000/svg}"


def _repo(tmp_path: Path, programme_text: str | bytes) -> Path:
    """A minimal repository: the real schema, offices, dimensions and plan period, the given programmes."""
    (tmp_path / "data").mkdir()
    (tmp_path / "docs").mkdir()
    codes = (programmes.OFFICES, programmes.DIMENSIONS)
    for name in (programmes.SCHEMA, *codes, *map(rules.schema_of, codes), programmes.CONFIG, programmes.HORIZON_FILE):
        shutil.copy(ROOT / name, tmp_path / name)
    target = tmp_path / programmes.PROGRAMMES
    if isinstance(programme_text, bytes):
        target.write_bytes(programme_text)
    else:
        target.write_text(programme_text, encoding="utf-8", newline="")
    return tmp_path


def _once(old: str, new: str, text: str = REAL) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _without_dimension(text: str, title: str) -> str:
    start = text.index(f"# ---------------------------------------------------------------- {title}")
    rest = text.find("# ----------------", start + 10)
    return text[:start] + (text[rest:] if rest != -1 else "")


PASSING = {
    "data asli": REAL,
    "CRLF dari Windows": REAL.replace("\n", "\r\n"),
    "BOM di awal berkas": "\ufeff" + REAL,
    "tanpa OPD mitra": _once("opd_mitra: [setda-organisasi, kecamatan]", "opd_mitra: []"),
    "nilai dasar berupa angka": _once("baseline: belum tersedia", "baseline: 12,5".replace(",", ".")),
    "program pendek dua tahun": _once("horizon: pendek\n    tahun_mulai: 2027\n    tahun_selesai: 2027",
                                      "horizon: pendek\n    tahun_mulai: 2027\n    tahun_selesai: 2028"),
}


@pytest.mark.parametrize("text", PASSING.values(), ids=PASSING.keys())
def test_valid_programme_data_passes(tmp_path, text):
    catalogue, problems = programmes.load_catalogue(_repo(tmp_path, text))
    assert problems == [] and len(catalogue.programmes) == 55


# (description, modified text, expected rule, text on the line the problem must point at)
FAILING = [
    ("tahun sebagai teks", _once("tahun_mulai: 2027", 'tahun_mulai: "2027"'), "PROGRAM-SKEMA",
     'tahun_mulai: "2027"'),
    ("biaya dengan Rp dan titik", _once("perkiraan: 350000000", "perkiraan: Rp350.000.000"), "PROGRAM-SKEMA",
     "perkiraan: Rp350.000.000"),
    ("kolom wajib hilang", _once("    status: usulan\n", ""), "PROGRAM-SKEMA", "- kode: GOV-01"),
    ("kolom salah eja", _once("    status: usulan\n", "    status: usulan\n    setatus: usulan\n"),
     "PROGRAM-SKEMA", "setatus: usulan"),
    ("horizon tidak dikenal", _once("horizon: menengah", "horizon: sedang"), "PROGRAM-SKEMA", "horizon: sedang"),
    ("sumber dana tidak dikenal", _once("sumber_dana: [APBD]", "sumber_dana: [APBD, DAU]"), "PROGRAM-SKEMA",
     "sumber_dana: [APBD, DAU]"),
    ("kode huruf kecil", _once("kode: GOV-01", "kode: gov-01"), "PROGRAM-SKEMA", "kode: gov-01"),
    ("spasi tak terputus di kode", _once("kode: GOV-01", "kode: GOV\u00a001"), "PROGRAM-KARAKTER", "kode: GOV"),
    ("spasi tak terputus di nama", _once("nama: Integrasi Layanan", "nama: Integrasi\u00a0Layanan"),
     "PROGRAM-KARAKTER", "nama: Integrasi"),
    ("karakter lebar-nol di deskripsi", _once("deskripsi: Menghubungkan", "deskripsi: Meng\u200bhubungkan"),
     "PROGRAM-KARAKTER", "deskripsi: Meng"),
    ("tanda kutip lengkung", _once('"Bangli Era Baru" ke SP4N', "\u201cBangli Era Baru\u201d ke SP4N"),
     "PROGRAM-KARAKTER", "\u201cBangli Era Baru\u201d"),
    ("tab sebagai indentasi", _once("    deskripsi: Menghubungkan", "\tdeskripsi: Menghubungkan"), "PROGRAM-YAML",
     "\tdeskripsi"),
    ("kutip tidak ditutup", _once("nama: Integrasi Layanan", 'nama: "Integrasi Layanan'), "PROGRAM-YAML", None),
    ("OPD pengampu tidak dikenal", _once("opd_pengampu: dpmptsp", "opd_pengampu: dinas-perizinan"),
     "PROGRAM-OPD", "opd_pengampu: dinas-perizinan"),
    ("OPD mitra tidak dikenal", _once("opd_mitra: [setda-organisasi, kecamatan]",
                                      "opd_mitra: [setda-organisasi,\n      camat]"), "PROGRAM-OPD", "camat]"),
    ("kode ganda", _once("kode: GOV-02", "kode: GOV-01"), "PROGRAM-KODE-GANDA", "kode: GOV-01\n    nama: Pengembangan"),
    ("tahun sebelum periode", _once("tahun_mulai: 2027\n    tahun_selesai: 2027",
                                    "tahun_mulai: 2024\n    tahun_selesai: 2027"), "PROGRAM-TAHUN", "tahun_mulai: 2024"),
    ("tahun sesudah periode", _once("tahun_mulai: 2027\n    tahun_selesai: 2034",
                                    "tahun_mulai: 2027\n    tahun_selesai: 2035"), "PROGRAM-TAHUN", "tahun_selesai: 2035"),
    ("selesai sebelum mulai", _once("tahun_mulai: 2027\n    tahun_selesai: 2029",
                                    "tahun_mulai: 2027\n    tahun_selesai: 2026"), "PROGRAM-TAHUN",
     "tahun_selesai: 2026\n    jenis_rencana_aksi: aplikasi\n    indikator:\n      nama: Persentase jenis"),
    ("quick win dua tahun", _once("horizon: quick-win\n    tahun_mulai: 2027\n    tahun_selesai: 2027",
                                  "horizon: quick-win\n    tahun_mulai: 2027\n    tahun_selesai: 2028"),
     "PROGRAM-QUICK-WIN", "tahun_selesai: 2028\n    jenis_rencana_aksi: aplikasi\n    indikator:\n      nama: Persentase pengaduan"),
    ("jangka pendek tiga tahun", _once("horizon: pendek\n    tahun_mulai: 2028\n    tahun_selesai: 2028",
                                       "horizon: pendek\n    tahun_mulai: 2026\n    tahun_selesai: 2028"),
     "PROGRAM-HORIZON", "tahun_selesai: 2028"),
    ("dimensi salah eja", _once("dimensi: smart-governance", "dimensi: smart-governans"), "PROGRAM-DIMENSI",
     "dimensi: smart-governans"),
    ("elemen dimensi lain", _once("elemen: pelayanan-publik", "elemen: wajah-kota"), "PROGRAM-ELEMEN",
     "elemen: wajah-kota"),
    ("dimensi tanpa program", _without_dimension(REAL, "Smart Environment"), "PROGRAM-DIMENSI-KOSONG", "program:"),
    # Found by the entry-point fuzzing: an emptied file was a TypeError in every command and the build.
    ("berkas dikosongkan", "", "PROGRAM-BERKAS", None),
    ("hanya komentar", "# program dipindah ke berkas lain\n", "PROGRAM-BERKAS", None),
]


def _line_of(text: str, snippet: str) -> int:
    return text.replace("\r\n", "\n")[:text.index(snippet)].count("\n") + 1


@pytest.mark.parametrize("text, rule, snippet", [case[1:] for case in FAILING], ids=[c[0] for c in FAILING])
def test_invalid_programme_data_fails_with_line_and_rule(tmp_path, text, rule, snippet):
    catalogue, problems = programmes.load_catalogue(_repo(tmp_path, text))
    assert catalogue is None
    assert rule in {p.rule for p in problems}, [p.text() for p in problems]
    problem = next(p for p in problems if p.rule == rule)
    assert problem.path == "data/program.yml"
    if snippet is not None:
        assert problem.line == _line_of(text, snippet), problem.text()
    assert "Traceback" not in problem.message and problem.message[0].isupper()
    assert all(p.message.endswith(help_reference(p.rule)) for p in problems), [p.text() for p in problems]


def test_remembered_parse_gives_every_caller_its_own_data():
    """A text is parsed once (:func:`sources.parse_yaml`); a caller changing its data changes no other's."""
    first, node = sources.parse_yaml(REAL)
    first["program"].clear()
    second, same_node = sources.parse_yaml(REAL)
    assert len(second["program"]) > 50 and same_node is node


def test_every_problem_is_reported_at_once(tmp_path):
    text = _once("opd_pengampu: dpmptsp", "opd_pengampu: dinas-perizinan")
    text = _once("kode: GOV-03", "kode: GOV-01", text)
    text = _once("horizon: quick-win\n    tahun_mulai: 2027\n    tahun_selesai: 2027",
                 "horizon: quick-win\n    tahun_mulai: 2027\n    tahun_selesai: 2028", text)
    _, problems = programmes.load_catalogue(_repo(tmp_path, text))
    assert {"PROGRAM-OPD", "PROGRAM-KODE-GANDA", "PROGRAM-QUICK-WIN"} <= {p.rule for p in problems}


# (case, edits (old, new) made in order, the problems wanted: (rule, the text the line starts with after its
# indentation, words)). Every problem in one run, each value said once: a code refused only for its form is
# said as a code missing from its file with the codes meant, not as "tidak sesuai format" first and the
# missing code in the next round; a value with another fault is left to the schema.
AT_ONCE = [
    ("kode OPD salah ketik dan singkatan sebagai kode",
     [("opd_pengampu: dpmptsp", "opd_pengampu: dpmtsp"), ("opd_mitra: [kominfo, disdukcapil", "opd_mitra: [Diskominfosan, disdukcapil")],
     [("PROGRAM-OPD", "opd_pengampu: dpmtsp", ["'dpmtsp' tidak ada di data/opd.yml", "mungkin maksudnya: dpmptsp"]),
      ("PROGRAM-OPD", "opd_mitra: [Diskominfosan", ["'Diskominfosan' tidak ada di data/opd.yml", "mungkin maksudnya: kominfo"])]),
    ("kode OPD yang tidak mirip kode mana pun", [("opd_pengampu: dpmptsp", "opd_pengampu: Dinas-XYZ")],
     [("PROGRAM-OPD", "opd_pengampu: Dinas-XYZ", ["tidak ada di data/opd.yml", "mis. kominfo, bappeda"])]),
    ("dimensi berhuruf besar, tahun berkutip dan tahun di luar periode",
     [("dimensi: smart-governance", "dimensi: Smart-Governance"),
      ("tahun_mulai: 2027\n    tahun_selesai: 2029", 'tahun_mulai: "2027"\n    tahun_selesai: 2029'),
      ("horizon: panjang\n    tahun_mulai: 2028", "horizon: panjang\n    tahun_mulai: 2024")],
     [("PROGRAM-DIMENSI", "dimensi: Smart-Governance", ["Pilih salah satu: smart-governance"]),
      ("PROGRAM-SKEMA", 'tahun_mulai: "2027"', ["Hapus tanda kutipnya: tahun_mulai: 2027"]),
      ("PROGRAM-TAHUN", "tahun_mulai: 2024", ["2024"])]),
    ("kode OPD dengan spasi tak terputus dari Word", [("opd_pengampu: dpmptsp", "opd_pengampu: dpm\u00a0ptsp")],
     [("PROGRAM-KARAKTER", "opd_pengampu: dpm", ["spasi tak-putus"])]),
]


@pytest.mark.parametrize("edits, wanted", [case[1:] for case in AT_ONCE], ids=[case[0] for case in AT_ONCE])
def test_every_problem_is_said_once_in_one_run(tmp_path, edits, wanted):
    text = REAL
    for old, new in edits:
        text = _once(old, new, text)
    catalogue, problems = programmes.load_catalogue(_repo(tmp_path, text))
    assert catalogue is None
    assert sorted((p.rule, p.line) for p in problems) == sorted((rule, _line_of(text, f"    {start}"))
                                                               for rule, start, _ in wanted), [p.text() for p in problems]
    for problem, (_, _, words) in zip(sorted(problems, key=lambda p: p.line), sorted(wanted, key=lambda w: _line_of(text, w[1]))):
        assert all(word in problem.message for word in words), problem.text()


def test_check_programmes_covers_data_and_directives(tmp_path):
    repo = _repo(tmp_path, REAL)
    assert check_programmes(repo) == []
    (repo / "docs" / "bab.md").write_text("---\ntitle: X\n---\n\n# X\n\n[[peta-jalan tahun=2025]]\n", encoding="utf-8")
    problems = check_programmes(repo)
    assert [(p.path, p.line, p.rule) for p in problems] == [("docs/bab.md", 7, "TAMPILAN-PENANDA")]


def test_real_data_meets_the_programme_rules():
    """At least 40 programmes in all six dimensions and 18 elements; a few quick wins, at most one per
    dimension (a quick win is an existing service sharpened, so a dimension whose candidates are new applications has none, e.g. Smart Branding)."""
    catalogue, problems = programmes.load_catalogue(ROOT)
    assert problems == []
    assert len(catalogue.programmes) >= 40
    elements = {(p.dimension, p.element) for p in catalogue.programmes}
    assert len(elements) == 18
    quick = [p.dimension for p in catalogue.programmes if p.quick_win]
    assert 1 <= len(quick) <= len(catalogue.dimensions) and len(set(quick)) == len(quick)


def test_horizon_labels_match_the_schema():
    schema = yaml.safe_load((ROOT / programmes.SCHEMA).read_text(encoding="utf-8"))
    assert schema["$defs"]["program"]["properties"]["horizon"]["enum"] == list(programmes.HORIZONS)


# ---------------------------------------------------------------------------------------------------
# Rupiah, Indonesian style
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("amount, written", [
    (1_250_000_000, "Rp1,25 miliar"),
    (350_000_000, "Rp350 juta"),
    (2_500_000_000, "Rp2,5 miliar"),
    (1_000_000_000, "Rp1 miliar"),
    (96_050_000_000, "Rp96,05 miliar"),
    (1_250_000_000_000, "Rp1,25 triliun"),
    (0, "Rp0"),
])
def test_rupiah_is_written_one_way(amount, written):
    assert programme_tables.rupiah(amount) == written


# ---------------------------------------------------------------------------------------------------
# View directives
# ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def catalogue():
    found, problems = programmes.load_catalogue(ROOT)
    assert problems == []
    return found


DIRECTIVES_OK = {
    "semua program": "[[tabel-program]]",
    "program satu dimensi": "[[tabel-program dimensi=smart-living]]",
    "biaya per tahun": "[[ringkasan-biaya per=tahun]]",
    "sasaran satu elemen": "[[sasaran-elemen elemen=kesehatan]]",
    "spasi di akhir dan CRLF": "[[peta-jalan]]  \r",
    "kode sebaris diabaikan": "Tulis `[[tabel-progam]]` di baris sendiri.",
    "blok kode diabaikan": "```\n[[tabel-progam]]\n```",
    "indentasi kode diabaikan": "    [[tabel-progam]]",
    "edisi di dalam kalimat": "Dokumen ini masih berupa [[edisi]], dan akan terus disempurnakan.",
    "edisi di baris sumber": "Sumber: Usulan Tim Penyusun ([[edisi]]).",
    "edisi sendirian": "[[edisi]]",
}


@pytest.mark.parametrize("line", DIRECTIVES_OK.values(), ids=DIRECTIVES_OK.keys())
def test_valid_directive(catalogue, line):
    markdown, problems = directives.expand(f"Teks.\n\n{line}\n\nTeks.", catalogue, "docs/x.md")
    assert problems == []


DIRECTIVES_BAD = {
    "nama salah eja": "[[tabel-progam]]",
    "dimensi tidak dikenal": "[[tabel-program dimensi=smart-city]]",
    "argumen tidak dikenal": "[[tabel-program dimesi=smart-living]]",
    "argumen wajib hilang": "[[ringkasan-biaya]]",
    "elemen tidak dikenal": "[[sasaran-elemen elemen=smart-living]]",
    "elemen tidak disebut": "[[sasaran-elemen]]",
    "nilai argumen salah": "[[ringkasan-biaya per=bulan]]",
    "argumen ganda": "[[tabel-program dimensi=smart-living dimensi=smart-society]]",
    "spasi di sekitar =": "[[tabel-program dimensi = smart-living]]",
    "teks sesudahnya": "[[peta-jalan]] lihat di bawah",
    "di tengah kalimat": "Lihat [[peta-jalan]] berikut.",
    "kurung tidak ditutup": "[[peta-jalan]",
    "spasi tak terputus": "[[tabel-program\u00a0dimensi=smart-living]]",
    "karakter lebar-nol": "[[peta\u200b-jalan]]",
    "edisi salah eja di kalimat": "Dokumen ini masih berupa [[edsi]].",
    "edisi bersama penanda salah": "Edisi [[edisi]] dan [[edisi-baru]].",
}


@pytest.mark.parametrize("line", DIRECTIVES_BAD.values(), ids=DIRECTIVES_BAD.keys())
def test_invalid_directive_names_file_and_line(catalogue, line):
    markdown, problems = directives.expand(f"Teks.\n\n{line}\n", catalogue, "docs/bab-6-program.md", 12)
    assert [(p.path, p.line, p.rule) for p in problems] == [("docs/bab-6-program.md", 14, "TAMPILAN-PENANDA")]
    assert line in markdown  # left as is for the editor to find


@pytest.mark.parametrize("line, named", [("Dokumen ini masih berupa [[edsi]].", "'[[edsi]]'"),
                                         ("Edisi [[edisi]] dan [[edisi-baru]].", "'[[edisi-baru]]'")])
def test_a_misspelt_inline_marker_is_named_with_the_one_meant(catalogue, line, named):
    _, [problem] = directives.expand(line, catalogue, "docs/x.md")
    assert f"{named} di dalam kalimat tidak dikenal. Mungkin maksudnya [[edisi]]." in problem.message


EDITION = {"edisi_kalimat": "draf Tahap II, pemutakhiran Desember 2026"}
FILLED = {  # the page's Markdown -> what readers get; code shows the marker as written
    "Dokumen ini masih berupa [[edisi]], dan": "Dokumen ini masih berupa draf Tahap II, pemutakhiran Desember 2026, dan",
    "Tulis `[[edisi]]` di kalimat.": "Tulis `[[edisi]]` di kalimat.",
    "```\n[[edisi]]\n```": "```\n[[edisi]]\n```",
    "!!! note\n    Edisi: [[edisi]].": "!!! note\n    Edisi: draf Tahap II, pemutakhiran Desember 2026.",
    "| Edisi | [[edisi]] |": "| Edisi | draf Tahap II, pemutakhiran Desember 2026 |",
    "[[tabel-program]] dan [[edsi]]": "[[tabel-program]] dan [[edsi]]",
}


@pytest.mark.parametrize("markdown, shown", FILLED.items(), ids=range(len(FILLED)))
def test_inline_edition_marker_is_filled_outside_code_keeping_the_lines(markdown, shown):
    assert directives.fill_inline(markdown, EDITION) == shown


def test_directive_expands_to_table_with_caption_and_source(catalogue):
    markdown, _ = directives.expand("[[tabel-program dimensi=smart-society]]", catalogue, "docs/x.md")
    lines = markdown.strip().split("\n")
    assert lines[0].startswith("| Kode |")
    # The source line names the real source set in mkdocs.yml (extra.rencana.sumber), never a file.
    assert "/// table-caption" in lines and lines[-1].startswith(f"Sumber: {catalogue.source};")
    assert catalogue.source and ".yml" not in lines[-1]
    society = [p.code for p in catalogue.programmes if p.dimension == "smart-society"]
    assert [line.split(" | ")[0][2:] for line in lines[2:2 + len(society)]] == society


def test_cost_per_year_adds_up_to_total(catalogue):
    spread = [programme_tables.yearly_costs(p) for p in catalogue.programmes]
    assert sum(sum(years.values()) for years in spread) == sum(p.cost for p in catalogue.programmes)
    table = programme_tables.cost_table(catalogue, "tahun")
    rows = [line for line in table.split("\n") if line.startswith("| 20")]
    total = table.split("\n")[len(rows) + 2]
    assert len(rows) == 10 and programme_tables.rupiah(sum(p.cost for p in catalogue.programmes)) in total


# ---------------------------------------------------------------------------------------------------
# Roadmap SVG
# ---------------------------------------------------------------------------------------------------

def _charts(catalogue) -> list:
    return [ET.fromstring(roadmap_svg.dimension_svg(catalogue, key, index))
            for index, key in enumerate(catalogue.dimensions)]


def test_roadmap_charts_are_accessible_xml_with_one_bar_per_programme(catalogue):
    charts = _charts(catalogue)
    for index, key in enumerate(catalogue.dimensions):
        text = roadmap_svg.dimension_svg(catalogue, key, index)
        assert "\n\n" not in text and "<script" not in text  # one raw HTML block for Python-Markdown
    bars = []
    for root in charts:
        assert root.get("role") == "img" and "Source Sans 3" in root.get("font-family")
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and desc is not None and "2025–2034" in title.text
        assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
        bars += [r.get("data-kode") for r in root.iter(f"{SVG}rect") if r.get("class") == "batang"]
    assert bars == [p.code for p in catalogue.of_dimension(None)]
    quick = [p for root in charts for p in root.iter(f"{SVG}polygon") if p.get("class") == "tanda-quick-win"]
    assert len(quick) == sum(p.quick_win for p in catalogue.programmes)


def test_roadmap_bar_follows_years(catalogue):
    bars = {r.get("data-kode"): r for root in _charts(catalogue) for r in root.iter(f"{SVG}rect")
            if r.get("class") == "batang"}
    one_year = float(bars["GOV-01"].get("width"))
    assert float(bars["ECO-02"].get("width")) == pytest.approx(8 * one_year + 28)  # 2027–2034: 8 steps minus the 4-unit gap
    assert float(bars["GOV-09"].get("x")) == pytest.approx(float(bars["GOV-01"].get("x")) + one_year + 4)  # 2028 vs 2027


def test_roadmap_names_are_whole_and_fit_their_column(catalogue):
    """Every programme name is printed in full (no "…"), wrapped into lines that fit the name column."""
    for root in _charts(catalogue):
        for text in root.iter(f"{SVG}text"):
            lines = [t.text for t in text.iter(f"{SVG}tspan")]
            if lines:
                assert all(text_measure.text_width(line, roadmap_svg.FONT_SIZE)
                           <= roadmap_svg.NAME_RIGHT - roadmap_svg.NAME_X for line in lines), lines
    printed = " ".join(" ".join(t.text or "" for t in root.iter(f"{SVG}tspan")) for root in _charts(catalogue))
    assert "…" not in printed
    for programme in catalogue.programmes:
        assert programme.name in printed, programme.name


# In print a chart (760 units wide) is scaled to the text width: 7.5 pt for the 13-unit names (read back
# from the plan's PDF), so about 0.577 pt a unit.
PRINT_SCALE = 7.5 / 13


def test_roadmap_text_prints_at_seven_points_or_more(catalogue):
    """The second review sent back the charts' labels at 6.9 pt and milestone numbers at 5.7 pt."""
    logic, _ = plan_logic.load_plan_logic(ROOT, catalogue)
    for index, key in enumerate(catalogue.dimensions):
        root = ET.fromstring(roadmap_svg.dimension_svg(catalogue, key, index, logic.phases))
        sizes = [float(t.get("font-size") or root.get("font-size")) for t in root.iter(f"{SVG}text")]
        assert min(sizes) * PRINT_SCALE >= 7, sorted(set(sizes))


def test_roadmap_draws_the_phases_of_horizon_yml_and_the_milestones(catalogue):
    """The roadmap's phases are the one definition in data/horizon.yml (read by plan_logic); the
    milestones come from data/tonggak.yml, which has no phases of its own."""
    logic, problems = plan_logic.load_plan_logic(ROOT, catalogue)
    assert problems == [] and logic.phases and catalogue.milestones
    assert list(yaml.safe_load((ROOT / "data" / "tonggak.yml").read_text(encoding="utf-8"))) == ["tonggak"]
    figure = roadmap_svg.roadmap_figure(logic)
    root = ET.fromstring(roadmap_svg.dimension_svg(catalogue, next(iter(catalogue.dimensions)), 0, logic.phases))
    labels = [" ".join(t.itertext()) for t in root.iter(f"{SVG}text")]  # a long phase name on two lines
    assert all(phase.name in labels for phase in logic.phases), labels
    assert all(f"{phase.name} {phase.label}" in figure for phase in logic.phases)
    flags = [p for p in root.iter(f"{SVG}polygon") if p.get("class") == "tanda-tonggak"]
    assert len(flags) == len(catalogue.milestones)
    for number, milestone in enumerate(catalogue.milestones, start=1):
        # The legend names every milestone with its year, and marks a year that still needs a source.
        assert f"Tonggak {number}: {milestone.label}, {milestone.year}" in figure
        assert milestone.source or "(perlu verifikasi)" in milestone.label


@pytest.mark.parametrize("text, width", [("GOV-01 Integrasi Layanan Pengaduan", 120), ("Sangatpanjangsekali kata", 30)])
def test_wrap_keeps_every_word(text, width):
    lines = text_measure.wrap(text, width, roadmap_svg.FONT_SIZE)
    assert " ".join(lines) == text
    assert all(text_measure.text_width(line, roadmap_svg.FONT_SIZE) <= width or " " not in line for line in lines)


# ---------------------------------------------------------------------------------------------------
# Phases and milestones (data/tonggak.yml): passing and failing inputs per rule
# ---------------------------------------------------------------------------------------------------

MILESTONES_OK = {
    "bersumber": "tonggak:\n  - nama: Penetapan Perbup\n    tahun: 2026\n    sumber: Perbup No. 1/2026\n",
    "perlu verifikasi": "tonggak:\n  - nama: Tinjauan\n    tahun: 2029\n    perlu_verifikasi: true\n",
    "diwujudkan program": "tonggak:\n  - nama: Penetapan Perbup\n    tahun: 2025\n    program: GOV-10\n"
                          "    perlu_verifikasi: true\n",
}
MILESTONES_BAD = {
    "tanpa sumber": ("tonggak:\n  - nama: Penetapan Perbup\n    tahun: 2026\n", "TONGGAK-SUMBER", 2),
    "perlu_verifikasi bukan true": ("tonggak:\n  - nama: X\n    tahun: 2026\n    perlu_verifikasi: ya\n",
                                    "TONGGAK-SUMBER", 2),
    "tahun di luar periode": ("tonggak:\n  - nama: X\n    tahun: 2040\n    perlu_verifikasi: true\n",
                              "TONGGAK-TAHUN", 3),
    "tahun berupa teks": ("tonggak:\n  - nama: X\n    tahun: '2026'\n    sumber: Y\n", "TONGGAK-TAHUN", 3),
    # Phases are defined once, in data/horizon.yml: a second definition here is refused.
    "fase di tonggak.yml": ("fase:\n  - nama: Fondasi\n    mulai: 2025\n    selesai: 2026\n"
                            "tonggak:\n  - nama: X\n    tahun: 2026\n    sumber: Y\n", "TONGGAK-BERKAS", 1),
    "tanpa nama": ("tonggak:\n  - tahun: 2026\n    sumber: Y\n", "TONGGAK-BERKAS", 2),
    "kunci salah": ("tonggaks:\n  - nama: X\n    tahun: 2026\n    sumber: Y\n", "TONGGAK-BERKAS", 1),
    "tab dari Word": ("tonggak:\n\t- nama: X\n", "TONGGAK-BERKAS", 2),
}


def _milestones(tmp_path, text: str):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tonggak.yml").write_text(text, encoding="utf-8")
    return milestones.load(tmp_path, 2025, 2034)


@pytest.mark.parametrize("text", MILESTONES_OK.values(), ids=MILESTONES_OK.keys())
def test_milestones_pass(tmp_path, text):
    marks, problems = _milestones(tmp_path, text)
    assert problems == [] and marks


@pytest.mark.parametrize("text, rule, line", MILESTONES_BAD.values(), ids=MILESTONES_BAD.keys())
def test_milestones_fail(tmp_path, text, rule, line):
    _, problems = _milestones(tmp_path, text)
    assert [(p.path, p.line, p.rule) for p in problems] == [("data/tonggak.yml", line, rule)]
    assert "Lihat panduan" in problems[0].message


def test_missing_milestone_file_means_no_milestones(tmp_path):
    assert milestones.load(tmp_path, 2025, 2034) == ((), [])


def test_only_tables_that_show_costs_carry_the_cost_caveat(catalogue):
    """Tabel 6.1 counts programmes; a caveat about costs under it speaks of a column the table lacks."""
    assert programme_tables.COST_NOTE not in programme_tables.programme_summary(catalogue)
    assert programme_tables.COST_NOTE in programme_tables.programme_table(catalogue)
