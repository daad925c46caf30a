#!/usr/bin/env bash
# The main job: plan the reference scenario (VivaTech 2024) and write Reports/.
# Installs GLPK if missing, builds in release mode, runs expoplan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
swift build -c release --product expoplan
bin=.build/release/expoplan
mkdir -p Reports/vivatech-2024
"$bin" validate Scenarios/vivatech-2024/scenario.yaml > Reports/vivatech-2024/scenario-summary.txt
"$bin" validate --json Scenarios/vivatech-2024/scenario.yaml > Reports/vivatech-2024/scenario-summary.json
echo "Wrote Reports/vivatech-2024/"
