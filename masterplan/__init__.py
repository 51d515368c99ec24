"""The rules and the publishing flow of the Bangli Smart City master plan, in layers:

- ``model``: what the sources say, read once and tolerantly (pages, YAML data with line numbers, the
  settings in ``mkdocs.yml``, the rule registry ``rules.yml`` and the :class:`Problem` type).
- ``views``: data turned into Markdown/HTML fragments for pages (programme tables, roadmap, dashboard,
  abbreviations, feedback links, captions, heading numbers).
- ``checks``: the editors' checks, pure functions from the model to problems.
- ``pdf``: the official PDF (a MkDocs plugin on mkdocs-with-pdf's page collection; WeasyPrint only when on).
- ``publish``: stage tags, releases, the change report, CODEOWNERS, the weekly link check.
- ``site``: the MkDocs plugin ``masterplan``, thin event handlers over the state of one build.
- ``cli``: the commands editors and workflows run; ``devtools``: browser and web server for tests and
  the benchmark.

A layer imports only the layers above it in this list (``model`` imports nothing of ours). Everything is
plain Python, independent of MkDocs, except ``site`` (and the ``pdf`` plugin) that adapt it to MkDocs events.
"""

# Every problem's message ends with the help address from mkdocs.yml, which masterplan.model.problems asks
# of the one reader of that file; importing the reader with the package gives it the question before any
# problem is made (problems.py cannot import it: the reader's own problems end with that address).
from masterplan.model import site_config  # noqa: F401, E402
