"""Menerbitkan draf atau rilis tahap ke cabang gh-pages (CLI; dipanggil oleh scripts/release.sh).

Logic: ``masterplan/publish/release.py``.
"""

import sys

from masterplan.publish.release import main

if __name__ == "__main__":
    sys.exit(main())
