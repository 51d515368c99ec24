#!/usr/bin/env bash
# Menjalankan seluruh uji: membangun situs dan PDF sungguhan lalu membaca hasilnya kembali.
# Argumen tambahan diteruskan ke pytest (mis. scripts/test.sh -k pdf).
set -euo pipefail
cd "$(dirname "$0")/.."
# poppler-utils: pdftoppm untuk lembar contoh halaman PDF (tests/output/lembar-contoh-pdf.png).
# npm (Debian's package, with node) only where no npm is on the PATH: it installs iframe-worker below.
npm_package=(); command -v npm >/dev/null 2>&1 || npm_package=(npm)
scripts/setup.sh requirements-dev.txt hunspell-id libenchant-2-2 chromium poppler-utils "${npm_package[@]}"
scripts/setup-npm.sh  # iframe-worker for the offline zip (release rehearsal)
export NO_MKDOCS_2_WARNING=1
# Compiled modules are kept (__pycache__/, ignored by git) even where the environment turns that off: each
# test worker and each build subprocess imports the package and the tests again, and compiling ~200
# modules every time took 2.8 s of the unit tier's 7.4 s start on two cores.
unset PYTHONDONTWRITEBYTECODE
exec .venv/bin/python -m pytest "$@"
