#!/usr/bin/env bash
# Installs the Debian packages expoplan needs, only those that are missing.
#   scripts/deps.sh          what building and running need (GLPK)
#   scripts/deps.sh test     plus what the tests use as independent references
set -euo pipefail

packages=(libglpk-dev)
if [ "${1:-}" = "test" ]; then
    packages+=(glpk-utils)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "deps.sh: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
echo "Installing ${missing[*]} …" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
