"""What the sources say, read once: pages, YAML data with line numbers, settings, the rule registry and
the :class:`~masterplan.model.problems.Problem` type. Imports nothing else of the package."""
