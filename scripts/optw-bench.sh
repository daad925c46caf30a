#!/usr/bin/env bash
# The classic orienteering instances with time windows (Scenarios/benchmarks/optw, the
# Righini-Salani sets built on Solomon's and Cordeau's files), imported faithfully
# (distances rounded down to 0.1 or 0.01 as the sets do, tours in exact time) and solved
# with a time limit: a Markdown table of objective, bound, gap and wall time against
# the published optimum. Usage: scripts/optw-bench.sh [TIME_LIMIT_SECONDS] [INSTANCE ...]
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-10}
shift || true
scripts/deps.sh
swift build -c release --product expoplan > /dev/null
bin=$PWD/.build/release/expoplan
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
instances=("$@")
if [ ${#instances[@]} -eq 0 ]; then
  instances=($(ls Scenarios/benchmarks/optw/*.txt | xargs -n1 basename | sed 's/\.txt$//' | grep -v '^optima$'))
fi
echo "| instance | points | published optimum | objective | of optimum | bound | status | wall s |"
echo "|---|---|---|---|---|---|---|---|"
for name in "${instances[@]}"; do
  case $name in pr*) step=0.01 ;; *) step=0.1 ;; esac
  "$bin" import-optw "Scenarios/benchmarks/optw/$name.txt" --distance-rounding "$step" --out "$folder/$name" > /dev/null 2>&1
  points=$(($(wc -l < "$folder/$name/exhibitors.csv") - 1))
  optimum=$(awk -v n="$name" '$1 == n { print $2 }' Scenarios/benchmarks/optw/optima.txt)
  start=$(date +%s.%N)
  line=$(cd "$folder/$name" && "$bin" tours scenario.yaml --plan plan.json --candidates "$points" --out tours --time-limit "$limit" 2>&1 | grep '^Tours:' || true)
  wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  status=$(echo "$line" | sed -E 's/^Tours: ([^,]*),.*/\1/')
  objective=$(echo "$line" | sed -E 's/.*objective ([0-9.]+).*/\1/')
  bound=$(echo "$line" | sed -E 's/.*bound ([0-9.]+).*/\1/')
  share=$(awk -v o="$objective" -v p="$optimum" 'BEGIN { printf "%.1f", 100 * o / p }')
  printf "| %s | %s | %s | %s | %s %% | %s | %s | %.1f |\n" "$name" "$points" "$optimum" "$objective" "$share" "$bound" "$status" "$wall"
done
