"""View directives: one line in a chapter that the build replaces with a view generated from the data.

Syntax (readable in the GitHub web editor): the directive alone on its line, starting in the first
column, a name and optional ``key=value`` arguments in double square brackets::

    [[tabel-program dimensi=smart-governance]]
    [[tabel-program]]
    [[profil-quick-win]]
    [[ringkasan-program]]
    [[ringkasan-biaya per=dimensi]]      (per: dimensi, tahun, sumber-dana)
    [[peta-jalan]]

Home-page views draw the plan's progress instead of the programme data (``site_status.Progress``, known
only during a site build; elsewhere, e.g. in ``scripts/validate.py``, they are checked but not drawn)::

    [[tahapan-bimtek]]                   (the four workshop stages and the current one)
    [[tahap-saat-ini]]                   (a note naming the current stage, for the first screen)
    [[status-bab]]                       (status dashboard: one row per page of the plan)
    [[unduh-dokumen]]                    (PDF download link with size, filled in after the PDF is built)
    [[daftar-perlu-verifikasi]]          (every "perlu verifikasi" marker of the plan, with file and line)

The editors' help page lists every rule ID of the registry (``rules.yml``)::

    [[daftar-aturan]]

Views of the plan's logic (``logic_tables``, ``data_needs``), drawn in every build and checked by
``scripts/validate.py``::

    [[horizon-waktu]]  [[kriteria-quick-win]]  [[tabel-swot]]  [[matriks-tows]]  [[isu-strategis]]
    [[strategi-dimensi dimensi=smart-living]]  [[daftar-misi]]  [[tujuan-sasaran]]  [[indikator-sasaran]]
    [[keselarasan-rpjmd]]  [[matriks-keterkaitan]]  [[sasaran-elemen elemen=pelayanan-publik]]
    [[rencana-aksi]]  [[profil-quick-win-lengkap]]  [[kebutuhan-data]]  [[biaya-operasi]]

Inside a sentence, ``[[edisi]]`` stands for the edition being published as running text ("draf Tahap II,
pemutakhiran Desember 2026"; :mod:`masterplan.views.edition`), replaced by :func:`fill_inline` once the
build knows it; it is no view and needs no line of its own.

Lines in fenced or indented code and in inline code are left alone (so the guide can show the syntax).
Anything else that looks like a directive but is not exactly one is an editor error (file and line).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from masterplan.model import rules as rules_module
from masterplan.model.rules import message
from masterplan.views import (action_plan, data_needs, edition, logic_tables, programme_tables, roadmap_svg, rule_table,
                              site_status, text_measure, upkeep)
from masterplan.model.documents import load
from masterplan.model.problems import Problem
from masterplan.model.programmes import Catalogue
from masterplan.model.result_cache import ResultCache
from masterplan.model.schema_messages import WORD_PASTE

_LINE = re.compile(r"^\[\[(?P<body>[^\[\]]*)\]\][ \t\r]*$")
_ARGUMENT = re.compile(r"^(?P<key>[a-z][a-z_-]*)=(?P<value>[A-Za-z0-9-]+)$")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+).*?\1")
_INLINE = re.compile(rf"\[\[(?P<name>{'|'.join(map(re.escape, edition.INLINE))})\]\]")
_FILL = re.compile(f"{_INLINE_CODE.pattern}|{_INLINE.pattern}")  # a code span first: left as it is
_ANY = re.compile(r"\[\[(?P<body>[^\[\]]*)\]\]")


ELEMENT = "element"  # argument choices: the element keys of every dimension (data/dimensi.yml)


@dataclass(frozen=True)
class View:
    """A directive's renderer ``render(data, **arguments) -> markdown`` and its arguments:
    ``{key: allowed values}`` where None means "a dimension key" and :data:`ELEMENT` "an element key";
    ``required`` must be given.
    ``data`` names what the renderer draws: ``"catalogue"`` (the programme data), ``"progress"``
    (the plan's progress, home page only), ``"rules"`` (the rule registry), ``"logic"`` (the plan's logic,
    ``plan_logic.PlanLogic``) or ``"needs"`` (the Daftar Kebutuhan Data, ``(logic, data_needs.collect(...))``)."""

    render: Callable[..., str]
    arguments: dict = field(default_factory=dict)
    required: tuple = ()
    data: str = "catalogue"


VIEWS = {
    "tabel-program": View(programme_tables.programme_table, {"dimensi": None}),
    "profil-quick-win": View(programme_tables.quick_win_table, {"dimensi": None}),
    "ringkasan-program": View(programme_tables.programme_summary),
    "ringkasan-biaya": View(programme_tables.cost_table, {"per": programme_tables.COST_GROUPS}, ("per",)),
    "peta-jalan": View(roadmap_svg.roadmap_figure, data="logic"),
    "tahapan-bimtek": View(site_status.stage_table, data="progress"),
    "tahap-saat-ini": View(site_status.current_stage, data="progress"),
    "status-bab": View(site_status.status_table, data="progress"),
    "unduh-dokumen": View(site_status.pdf_placeholder, data="progress"),
    "daftar-perlu-verifikasi": View(site_status.verification_list, data="progress"),
    "daftar-aturan": View(rule_table.rule_table, data="rules"),
    # The plan's logic (data/horizon.yml, swot.yml, isu.yml, misi.yml, indikator.yml, rpjmd.yml and the links in
    # data/program.yml), masterplan.views.logic_tables:
    "horizon-waktu": View(logic_tables.horizon_table, data="logic"),
    "kriteria-quick-win": View(logic_tables.quick_win_criteria, data="logic"),
    "tabel-swot": View(logic_tables.swot_table, data="logic"),
    "matriks-tows": View(logic_tables.tows_matrix, data="logic"),
    "isu-strategis": View(logic_tables.issue_table, data="logic"),
    "strategi-dimensi": View(logic_tables.dimension_strategies, {"dimensi": None}, ("dimensi",), data="logic"),
    "daftar-misi": View(logic_tables.mission_list, data="logic"),
    "keselarasan-rpjmd": View(logic_tables.rpjmd_alignment, data="logic"),
    "tujuan-sasaran": View(logic_tables.goal_sections, data="logic"),
    "indikator-sasaran": View(logic_tables.indicator_table, data="logic"),
    "sasaran-elemen": View(logic_tables.goal_targets, {"elemen": ELEMENT}, ("elemen",), data="logic"),
    "matriks-keterkaitan": View(logic_tables.traceability_matrix, data="logic"),
    "rencana-aksi": View(action_plan.action_plan, data="logic"),
    "biaya-operasi": View(upkeep.upkeep_table, data="logic"),
    "profil-quick-win-lengkap": View(logic_tables.quick_win_profiles, data="logic"),
    "kebutuhan-data": View(data_needs.appendix, data="needs"),
}

# Views drawn only from data/, mkdocs.yml and rules.yml (the build memo's fingerprint and, for data/, the
# memo's data key: masterplan.model.result_cache) and from the roadmap's fonts (in their key): kept
# between builds.
LASTING = ("catalogue", "logic", "rules")

RULE = "TAMPILAN-PENANDA"


def _candidates(markdown: str):
    """``(index, line)`` of lines outside code that mention ``[[`` other than an inline marker's."""
    for index, line in _marked_lines(markdown):
        if "[[" in _INLINE.sub("", _INLINE_CODE.sub("", line)):
            yield index, line


def fill_inline(markdown: str, values: Mapping[str, object]) -> str:
    """``markdown`` with every inline marker outside code (``[[edisi]]``) replaced by its value in
    ``values`` (the build's ``config.extra``, under the key :data:`edition.INLINE` names); every line
    stays where it was, so problems and the list of open verifications keep their file lines."""
    lines = markdown.split("\n")
    for index, line in _marked_lines(markdown, indented=True):  # also in an admonition or a list item's paragraph
        lines[index] = _FILL.sub(lambda m: str(values[edition.INLINE[m["name"]]]) if m["name"] else m[0], line)
    return "\n".join(lines)


def _marked_lines(markdown: str, indented: bool = False):
    """``(index, line)`` of lines outside fenced code that mention ``[[``, outside inline code; an
    indented line only when ``indented`` (a view's marker starts in the first column)."""
    if "[[" not in markdown:  # most pages: no line to look at (every page is expanded twice per build)
        return
    fence = None
    for index, line in enumerate(markdown.split("\n")):
        stripped = line.lstrip()
        match = _FENCE.match(stripped) if stripped[:1] in ("`", "~") else None
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        if line.startswith(("    ", "\t")) and not indented:
            continue
        if "[[" in _INLINE_CODE.sub("", line):
            yield index, line


def _choices(view: View, key: str, catalogue: Catalogue) -> tuple:
    """The values ``key`` of ``view`` accepts: its own list, or the dimension or element keys of the data."""
    allowed = view.arguments[key]
    if allowed is None:
        return tuple(catalogue.dimensions)
    if allowed == ELEMENT:
        return tuple(e for dimension in catalogue.dimensions.values() for e in dimension.elements)
    return allowed


def _parse(line: str, catalogue: Catalogue) -> tuple[str, dict] | str:
    """``(name, arguments)`` for a valid directive line, else the editor's message (TAMPILAN-PENANDA)."""
    pasted = [name for char, name in WORD_PASTE.items() if char != "\t" and char in line]
    if pasted:
        return message(RULE, "tempel_word", karakter=", ".join(pasted), cara_tulis=message(RULE, "cara_tulis"))
    match = _LINE.match(line)
    inline = _ANY.search(_INLINE.sub("", line))  # the unknown one, not a known [[edisi]] before it
    if not match and inline and inline["body"].split()[:1] and inline["body"].split()[0] not in VIEWS:
        # In a sentence, a name that is no view: a misspelt inline marker more likely than a view.
        close = difflib.get_close_matches(inline["body"].strip(), [*edition.INLINE, *VIEWS], n=1)
        return message(RULE, "sebaris_tidak_dikenal", nama=inline["body"].strip(), sebaris=_inline_names(),
                       dugaan=message(RULE, "dugaan", penanda=close[0]) if close else "",
                       cara_tulis=message(RULE, "cara_tulis"))
    if not match:
        return message(RULE, "tak_terbaca", baris=line.strip(), cara_tulis=message(RULE, "cara_tulis"))
    words = re.split(r"[ \t]+", match.group("body").strip(" \t"))
    name, words = words[0], words[1:]
    if name not in VIEWS:
        close = difflib.get_close_matches(name, [*VIEWS, *edition.INLINE], n=1)
        guess = message(RULE, "dugaan", penanda=" ".join([close[0], *words])) if close else ""
        return message(RULE, "tidak_dikenal", nama=name, dugaan=guess, tersedia=", ".join(VIEWS))
    view = VIEWS[name]
    arguments: dict[str, str] = {}
    for word in words:
        argument = _ARGUMENT.match(word)
        if not argument:
            return message(RULE, "argumen_salah_tulis", argumen=word, nama=name)
        key, value = argument.group("key"), argument.group("value")
        if key not in view.arguments:
            allowed = ", ".join(view.arguments) or message(RULE, "tanpa_argumen")
            return message(RULE, "argumen_tidak_dikenal", kunci=key, nama=name, boleh=allowed)
        choices = _choices(view, key, catalogue)
        if value not in choices:
            return message(RULE, "nilai_tidak_dikenal", nilai=value, kunci=key, nama=name, pilihan=", ".join(choices))
        if key in arguments:
            return message(RULE, "argumen_ganda", kunci=key, nama=name)
        arguments[key] = value
    missing = [key for key in view.required if key not in arguments]
    if missing:
        return message(RULE, "argumen_wajib", nama=name, argumen=", ".join(missing), kunci=missing[0],
                       nilai=_choices(view, missing[0], catalogue)[0])
    return name, arguments


def _inline_names() -> str:
    return ", ".join(f"[[{name}]]" for name in edition.INLINE)


def expand(markdown: str, catalogue: Catalogue, path: str, first_line: int = 1,
           progress: site_status.Progress | None = None, logic=None, needs=None,
           rendered: dict | None = None, memo: ResultCache | None = None) -> tuple[str, list[Problem]]:
    """Replace every directive line of ``markdown`` with its generated Markdown.

    ``path`` and ``first_line`` (the file line of ``markdown``'s first line, after front matter) place
    the problems. ``progress`` feeds the home-page views, ``logic`` and ``needs`` the plan-logic views;
    without them those views are checked and left as they are. ``rendered``: the views already made with
    the same data, by directive (a build's; it fills it), because the build expands every page twice,
    for the numbers and for the page; ``memo`` (the build's) keeps the :data:`LASTING` views between
    builds. Returns ``(new markdown, problems)``; lines with problems are left unchanged.
    """
    data = {"catalogue": catalogue, "progress": progress, "rules": rules_module.load(), "logic": logic,
            "needs": needs}
    lines = markdown.split("\n")
    problems = []
    for index, line in reversed(list(_candidates(markdown))):
        parsed = _parse(line, catalogue)
        if isinstance(parsed, str):
            problems.append(Problem(path, first_line + index, 1, RULE, parsed))
            continue
        name, arguments = parsed
        view = VIEWS[name]
        if data[view.data] is None:
            continue
        key = (name, *sorted(arguments.items()))
        text = rendered.get(key) if rendered is not None else None
        if text is None:
            def make(view: View = view, arguments: dict = arguments) -> str:
                return "\n" + view.render(data[view.data], **arguments).rstrip("\n") + "\n"
            text = memo.get("tampilan", (*map(str, key), text_measure.fonts_digest()), make, data=True) \
                if memo is not None and view.data in LASTING else make()
            if rendered is not None:
                rendered[key] = text
        lines[index] = text
    return "\n".join(lines), sorted(problems)


def check_docs(docs_dir: Path, catalogue: Catalogue, root: Path) -> list[Problem]:
    """Directive problems in every Markdown file under ``docs_dir``; paths relative to ``root``."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        document = load(path, root)
        problems += expand(document.body, catalogue, document.path, document.body_line)[1]
    return problems
