#!/usr/bin/env bash
# The main job: plan the reference scenario (VivaTech 2024) and write Reports/vivatech-2024/.
# Installs GLPK if missing, builds in release mode, runs expoplan. Same input, same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
swift build -c release --product expoplan
bin=.build/release/expoplan
scenario=Scenarios/vivatech-2024/scenario.yaml
out=Reports/vivatech-2024
"$bin" validate "$scenario" > "$out.summary.tmp"
"$bin" layout "$scenario" --out "$out"
"$bin" tours "$scenario" --plan "$out/plan.json" --out "$out"
mv "$out.summary.tmp" "$out/scenario-summary.txt"
"$bin" check "$out/plan.json" > /dev/null
echo "Wrote $out/ (checked)"
