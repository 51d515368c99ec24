#!/usr/bin/env bash
# Memasang paket npm yang ikut dalam salinan luring situs (zip rilis): iframe-worker, agar pencarian
# berjalan dari file:// tanpa internet. Versi dan sidik jari (integrity) dipatok di
# scripts/npm/package-lock.json; dipasang dengan `npm ci` ke .venv/npm. Butuh node dan npm
# (paket Debian `npm`). Dipanggil scripts/release.sh dan scripts/test.sh; aman dijalankan berulang kali.
set -euo pipefail
cd "$(dirname "$0")/.."
target=.venv/npm
if ! command -v npm >/dev/null 2>&1; then
  echo "GAGAL: npm tidak ada. Pasang paket Debian 'npm' (apt-get install -y npm), lalu ulangi." >&2
  exit 1
fi
fingerprint="$(cat scripts/npm/package.json scripts/npm/package-lock.json | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$target/.terpasang" 2>/dev/null)" != "$fingerprint" ]; then
  mkdir -p "$target"
  cp scripts/npm/package.json scripts/npm/package-lock.json "$target/"
  npm ci --prefix "$target" --no-audit --no-fund --ignore-scripts --loglevel=error >&2
  echo "$fingerprint" > "$target/.terpasang"
fi
