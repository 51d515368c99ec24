"""The one writer of Markdown pipe tables: the generated views (programme and logic tables, the data
needs, the home-page dashboard), the editors' reports (open verifications, change report, rule list) and
the GitHub summary of problems. Kept in ``model``, the lowest layer, so that every layer can use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

ALIGN = {"l": "---", "r": "---:", "c": ":---:"}  # one letter per column: left, right, centre


def cell(value: object) -> str:
    """A cell of data: ``|`` escaped, ``<`` written as ``&lt;`` (a value is text, never HTML), a newline
    as a space; a list or tuple becomes one line per item (``<br>``), each item escaped."""
    if isinstance(value, (list, tuple)):
        return "<br>".join(cell(item) for item in value)
    return str(value).replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")


def markup_cell(value: object) -> str:
    """A cell that holds Markdown or HTML on purpose (a link, code, an ``<abbr>``): only ``|`` escaped."""
    return str(value).replace("|", "\\|")


def pipe_table(header: Iterable[str], align: str, rows: Iterable[Iterable[object]],
               escape: Callable[[object], str] = cell) -> str:
    """A pipe table without a trailing newline: ``header`` as written, ``align`` one letter of
    :data:`ALIGN` per column, each row's cells through ``escape`` (:func:`cell` or :func:`markup_cell`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(ALIGN[a] for a in align) + "|"]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def captioned_table(header: Iterable[str], align: str, rows: Iterable[Iterable[object]], caption: str,
                    source: str) -> str:
    """A table of data as every generated view writes it: the pipe table, its ``/// table-caption`` block
    (numbered by :mod:`masterplan.views.captions`) and its ``Sumber:`` line ``source``."""
    return pipe_table(header, align, rows) + f"\n\n/// table-caption\n{caption}\n///\n\n{source}\n"
