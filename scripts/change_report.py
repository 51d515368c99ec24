"""Laporan perubahan antartahap (CLI). Contoh: python scripts/change_report.py --dari tahap-1 --ke tahap-2

Logic: ``scripts/masterplan/change_report.py``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from masterplan.change_report import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
