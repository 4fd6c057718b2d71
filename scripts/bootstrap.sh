#!/usr/bin/env bash
# Installs what atypie needs on Debian (as root) and the virtual environment at .venv.
# A second run with everything present is a quick no-op.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3 graphviz tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng fonts-dejavu fonts-opendyslexic
              fontconfig python3-venv postgresql util-linux libcairo2 chromium python3-grammalecte pandoc
              libpango-1.0-0 libpangoft2-1.0-0 libwmf-bin fonts-urw-base35 redis-server)
# fonts-urw-base35: the fonts libwmf draws text with (only recommended, and recommends are not installed)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    echo "bootstrap: paquets Debian à installer / installing Debian packages: ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "bootstrap: création de .venv / creating .venv"
    "$PYTHON" -m venv .venv
fi

# Reinstall only when the project's dependency declaration changed since the last install.
stamp=.venv/.atypie-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "bootstrap: installation des dépendances Python / installing Python dependencies"
    .venv/bin/python -m pip install -q --upgrade pip
    # torch first, pinned: the local CPU wheel (an unpinned torch pulls a multi-GB CUDA build).
    .venv/bin/python -m pip install -q "torch==2.13.0"
    .venv/bin/python -m pip install -q -e ".[all]"
    touch "$stamp"
fi
