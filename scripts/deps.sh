#!/usr/bin/env bash
# Installs what expoplan needs, only what is missing.
#   scripts/deps.sh          what building and running need (GLPK; zlib for the
#                            zip container of Excel workbooks, libxml2 for their XML;
#                            librsvg and cairo to write PDF floor plans, found by
#                            pkg-config)
#   scripts/deps.sh test     plus the tests' independent references: glpsol
#                            (glpk-utils), Python's icalendar parser and openpyxl
#                            (an independent reader and writer of .xlsx workbooks),
#                            and a real browser for floor-plan.html: Debian's chromium
#                            and chromium-driver, driven by Python's selenium,
#                            poppler-utils (pdfinfo, pdftotext: an independent PDF
#                            reader) and rsvg-convert
set -euo pipefail

packages=(libglpk-dev zlib1g-dev libxml2 pkg-config librsvg2-dev libcairo2-dev)
if [ "${1:-}" = "test" ]; then
    packages+=(glpk-utils chromium chromium-driver poppler-utils librsvg2-bin)
    command -v python3 >/dev/null || packages+=(python3 python3-pip)
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ -n "$sudo" ] && ! command -v sudo >/dev/null; then
        echo "deps.sh: need root or sudo to install ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing ${missing[*]} …" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The tests' Python references: from pip, else from Debian's python3-<module>.
if [ "${1:-}" = "test" ]; then
    for module in icalendar openpyxl selenium; do
        python3 -c "import $module" 2>/dev/null && continue
        echo "Installing Python's $module …" >&2
        python3 -m pip install --quiet "$module" 2>/dev/null \
            || python3 -m pip install --quiet --break-system-packages "$module" 2>/dev/null \
            || { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "python3-$module" >/dev/null; }
    done
fi
