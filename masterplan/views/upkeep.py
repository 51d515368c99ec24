"""Operation and maintenance (O&M) of the programmes once built: the yearly cost each lead office must
count (``biaya.operasi_pemeliharaan`` in data/program.yml, never a guess: uncounted costs print their
"perlu verifikasi" marker and go to the office's Daftar Kebutuhan Data worksheet) and the years the
programme's ``tahap: operasi`` rencana aksi rows run it.
"""

from __future__ import annotations

from masterplan.model import markers
from masterplan.model.logic_types import PlanLogic
from masterplan.model.markdown_table import captioned_table
from masterplan.views.programme_tables import rupiah, source_line

OPERATION_LABEL = "tahap operasi"  # how a rencana aksi row after the programme's years is named


def upkeep(programme) -> str:
    """The yearly operation and maintenance cost of ``programme`` as printed: rupiah when counted, else
    the data's own words with their "perlu verifikasi" marker (the Daftar Kebutuhan Data asks the lead
    office for it)."""
    if isinstance(programme.upkeep, int):
        return rupiah(programme.upkeep)
    # The reason ("biaya operasi dan pemeliharaan per tahun") repeats the column heading: the short badge
    # keeps each row to one line; the worksheets quote the whole request.
    return markers.MARKER.sub("(perlu verifikasi)", str(programme.upkeep))


def upkeep_table(logic: PlanLogic) -> str:
    """Biaya operasi dan pemeliharaan: per programme, the years it is operated after being built (its
    ``tahap: operasi`` rows), the office that budgets it and the yearly cost, uncounted ones marked."""
    catalogue = logic.catalogue
    rows = []
    for programme in catalogue.programmes:
        operated = sorted(year for action in logic.links[programme.code].actions if action.operation
                          for year in range(action.start, action.end + 1))
        when = (f"{operated[0]}–{operated[-1]}" if len(operated) > 1 else str(operated[0])) if operated \
            else f"setelah {programme.end_year}"
        rows.append([f"{programme.code} {programme.name}", when, catalogue.offices[programme.lead_office].short,
                     upkeep(programme)])
    return captioned_table(
        ["Program", "Dioperasikan", "OPD pengampu", "Biaya operasi dan pemeliharaan per tahun"], "llll", rows,
        "Biaya operasi dan pemeliharaan program setelah selesai dibangun",
        # The programmes' real source, as under every programme table: readers see no build words.
        source_line(catalogue, "tahun operasi menurut rencana aksi; biaya dihitung OPD pengampu dengan standar "
                               "biaya daerah dan dimintakan dalam Daftar Kebutuhan Data; \"setelah\" menandai "
                               "program yang rencana aksinya belum merinci tahap operasi", costs=False))
