"""What the MkDocs build needs from us beyond the layers below: log notices and (next) the state of one
build, so that ``scripts/mkdocs_hooks.py`` stays a list of thin event handlers."""
