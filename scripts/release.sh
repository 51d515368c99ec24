#!/usr/bin/env bash
# Menerbitkan situs ke cabang gh-pages dengan mike (dipanggil alur kerja GitHub; aman dicoba di lokal).
#   scripts/release.sh draf [--push]                 draf dari main sebagai versi "draf"
#   scripts/release.sh tahap-2 [--push] [--keluaran dist]
#                                                    rilis tahap: versi "tahap-2", alias "terbaru",
#                                                    PDF bernama tahap, zip situs luring, catatan rilis
# Tanpa --push semuanya hanya di repositori lokal (lihat `git log gh-pages`; `.venv/bin/mike serve`).
set -euo pipefail
cd "$(dirname "$0")/.."
npm_package=(); command -v npm >/dev/null 2>&1 || npm_package=(npm)  # for iframe-worker (setup-npm.sh)
scripts/setup.sh requirements.txt "${npm_package[@]}"
scripts/setup-npm.sh  # iframe-worker for the offline zip
exec .venv/bin/python scripts/release.py "$@"
