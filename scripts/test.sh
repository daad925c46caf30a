#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, runs the Swift tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
swift build --build-tests
swift test --skip-build "$@"
