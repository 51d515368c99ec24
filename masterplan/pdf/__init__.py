"""The PDF beyond mkdocs-with-pdf's defaults: metadata and variants (``output``), the printed document's
parts, tables and hyphenation (``parts``, ``tables``, ``hyphens``), and reading the built PDF back
(``check``, and ``proofreader`` for typesetting faults)."""
