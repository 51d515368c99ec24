"""Membuat atau memeriksa .github/CODEOWNERS (CLI). Logic: ``masterplan/publish/codeowners.py``;
command: ``masterplan/cli/codeowners.py``."""

import sys

from masterplan.cli.codeowners import main

if __name__ == "__main__":
    sys.exit(main())
