#!/usr/bin/env bash
# The main job: plan the reference scenario (VivaTech 2024) and write Reports/vivatech-2024/.
# Installs GLPK if missing, builds in release mode, runs `expoplan plan` (placement →
# walking network → tours → meetings), then re-checks the plan. Same input, same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
swift build -c release --product expoplan
bin=.build/release/expoplan
scenario=Scenarios/vivatech-2024/scenario.yaml
out=Reports/vivatech-2024
rm -rf "$out.new"
"$bin" plan "$scenario" --out "$out.new"
"$bin" check "$out.new/plan.json" > /dev/null
rm -rf "$out"
mv "$out.new" "$out"
echo "Wrote $out/ (checked)"
