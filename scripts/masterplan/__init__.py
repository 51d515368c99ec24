"""The rules and the publishing flow of the Bangli Smart City master plan.

Modules here are plain Python, independent of MkDocs, so that the checks and transformations survive
a change of site generator; ``scripts/mkdocs_hooks.py`` adapts them to MkDocs events.
"""
