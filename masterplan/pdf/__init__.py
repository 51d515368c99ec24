"""The official PDF: the MkDocs plugin ``masterplan-pdf`` (``plugin``) and what it runs when the PDF is on:
mkdocs-with-pdf's combined document (``assemble``), the plan's arrangement (``arrange``), rendering and
writing with WeasyPrint (``output``), the completeness check (``check``) and the reuse of an unchanged
PDF (``cache``); ``metadata`` holds what the PDF says about itself; the printed document's parts, tables and
hyphenation (``parts``, ``tables``, ``hyphens``), and the typesetting ``proofreader`` of the built PDF as ``paper`` reads it back."""

from masterplan.model.site_config import PDF_PLUGIN

PLUGIN_NAME = PDF_PLUGIN  # the plugin's name in mkdocs.yml, kept with the other names read from that file
