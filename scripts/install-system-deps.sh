#!/usr/bin/env bash
# Debian packages Mission Ledger's tests and tools need: Chromium for the browser tests,
# Noto CJK fonts so pages show Traditional Chinese, AR PL UKai (TrueType, so Chromium embeds it in
# PDFs as a real font rather than Type 3 outlines) for the council report, poppler for pdftotext/pdftoppm.
set -euo pipefail
packages=(chromium fonts-noto-cjk fonts-arphic-ukai poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
