#!/usr/bin/env bash
# Membangun situs web dan PDF rencana induk ke folder site/ (PDF: site/pdf/).
# Memasang sendiri yang dibutuhkan (lihat scripts/setup.sh). Gagal bila ada peringatan apa pun (--strict)
# atau bila PDF tidak memuat semua bab.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt hunspell-id libenchant-2-2
export ENABLE_PDF_EXPORT=1 NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs build --strict "$@"
