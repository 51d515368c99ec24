"""Menerbitkan draf atau rilis tahap ke cabang gh-pages (CLI; dipanggil oleh scripts/release.sh).

Logic: ``masterplan/publish/release.py``; command: ``masterplan/cli/release.py``.
"""

import sys

from masterplan.cli.release import main

if __name__ == "__main__":
    sys.exit(main())
