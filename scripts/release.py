"""Menerbitkan draf atau rilis tahap ke cabang gh-pages (CLI; dipanggil oleh scripts/release.sh).

Logic: ``scripts/masterplan/release.py``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from masterplan.release import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
