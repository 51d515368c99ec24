"""Memeriksa naskah rencana induk (CLI; dipanggil pull request, pre-commit dan penyunting).

Pemakaian dan penjelasan: ``python scripts/validate.py --help``. Logic: ``masterplan/cli/validate.py``.
"""

import sys

from masterplan.cli.validate import main

if __name__ == "__main__":
    sys.exit(main())
