"""Pratinjau pull request: menyiapkan (alur pull_request) dan menerbitkan (alur workflow_run) halaman
yang berubah, di situs dan di PDF. Penjelasan: ``masterplan/publish/preview.py``.
"""

import sys

from masterplan.cli.preview import main

if __name__ == "__main__":
    sys.exit(main())
