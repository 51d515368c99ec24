"""Commands that editors, pre-commit and the workflows run (thin wrappers live in ``scripts/``)."""
