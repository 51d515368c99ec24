"""The PDF beyond mkdocs-with-pdf's defaults: metadata and variants (``output``), and reading the built PDF
back (``check``)."""
