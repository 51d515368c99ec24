"""Membuat atau memeriksa .github/CODEOWNERS (CLI). Logic: ``masterplan/publish/codeowners.py``."""

import sys

from masterplan.publish.codeowners import main

if __name__ == "__main__":
    sys.exit(main())
