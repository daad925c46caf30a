#!/usr/bin/env bash
# The main job: plan the reference scenario (VivaTech 2024) and write Reports/vivatech-2024/.
# Installs GLPK if missing, builds in release mode, runs `expoplan plan` (placement →
# walking network → tours → meetings), then re-checks the plan. Only work limits (nodes,
# moves) end the searches — no time limit — so the same input gives the same bytes on
# any machine, however busy. The output folder is replaced whole, in one step.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
swift build -c release --product expoplan
bin=.build/release/expoplan
scenario=Scenarios/vivatech-2024/scenario.yaml
out=Reports/vivatech-2024
"$bin" plan "$scenario" --out "$out" --time-limit none
"$bin" check "$out/plan.json" > /dev/null
echo "Wrote $out/ (checked)"
