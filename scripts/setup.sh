#!/usr/bin/env bash
# Menyiapkan lingkungan: pustaka sistem yang dibutuhkan WeasyPrint (Debian/Ubuntu), lingkungan virtual
# Python di .venv, dan paket Python yang dipatok di requirements*.txt.
# Pemakaian: scripts/setup.sh [requirements.txt | requirements-dev.txt] [paket-debian-tambahan ...]
# Dipanggil oleh scripts/build.sh dan scripts/test.sh; aman dijalankan berulang kali.
set -euo pipefail
cd "$(dirname "$0")/.."

requirements="${1:-requirements.txt}"
shift || true
# Pango untuk tata letak teks WeasyPrint; harfbuzz-subset untuk menyematkan subset fon.
system_packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 "$@")

say() { printf '%s\n' "$*" >&2; }

missing=()
for package in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ! python3 -c 'import ensurepip' 2>/dev/null; then
  missing+=("python3-venv")
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    say "GAGAL: paket sistem berikut belum terpasang dan apt-get tidak tersedia: ${missing[*]}"
    say "FAILED: these system packages are missing and apt-get is not available: ${missing[*]}"
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    sudo_cmd=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo -n)
  else
    say "GAGAL: paket sistem berikut perlu dipasang, tetapi skrip ini tidak punya hak root:"
    say "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    say "Jalankan perintah di atas (atau minta admin menjalankannya), lalu ulangi perintah ini."
    say "FAILED: missing system packages and no root rights; run the command above, then retry."
    exit 1
  fi
  say "Memasang paket sistem: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A linked .venv (the release rehearsal in tests/ links the checkout's own) belongs to the checkout it
# comes from: installing here would point its editable `masterplan` at this copy.
if [ -L .venv ]; then
  exit 0
fi

if [ ! -x .venv/bin/python ]; then
  say "Membuat lingkungan virtual .venv"
  python3 -m venv .venv
fi

# Pasang ulang hanya bila daftar paket atau pyproject.toml berubah (cap sidik jari di dalam .venv).
# Paket kita sendiri (masterplan/) dipasang "editable": perubahan kode langsung berlaku, dan perintah
# seperti scripts/validate.py serta plugin MkDocs kita menemukannya tanpa mengubah sys.path.
stamp=".venv/.terpasang-$(basename "$requirements" .txt)"
fingerprint="$(cat requirements*.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$fingerprint" ] || ! .venv/bin/python -I -c 'import masterplan' 2>/dev/null; then
  say "Memasang paket Python dari $requirements dan paket masterplan"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$fingerprint" > "$stamp"
fi

# Bytecode for our package, written ahead: where PYTHONDONTWRITEBYTECODE is set (as on these machines)
# Python would otherwise compile masterplan/ from source on every build (~0.12 s of each site build).
# Only changed modules are recompiled, so this costs nothing when nothing changed.
.venv/bin/python -m compileall -q masterplan >/dev/null
