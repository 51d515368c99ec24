"""Membuat atau memeriksa .github/CODEOWNERS (CLI). Logic: ``scripts/masterplan/codeowners.py``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from masterplan.codeowners import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
