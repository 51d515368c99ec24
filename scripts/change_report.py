"""Laporan perubahan antartahap (CLI). Contoh: python scripts/change_report.py --dari tahap-1 --ke tahap-2

Logic: ``masterplan/publish/change_report.py``; command: ``masterplan/cli/change_report.py``.
"""

import sys

from masterplan.cli.change_report import main

if __name__ == "__main__":
    sys.exit(main())
