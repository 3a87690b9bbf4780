#!/usr/bin/env bash
# The speed figures the README states, measured on this machine:
#   - wall-clock of a repeated `./talksbot ask` (launcher, .NET start, managed Qdrant start and stop included), which
#     no in-process timer sees;
#   - `./talksbot bench --scale SCALE`: ingest, the embedder and raw upsert alone, answering and memory on a throw-away
#     index of about SCALE passages, in one process, with the targets met or missed;
#   - the deferral bench: a real `talksbot run` process and the fake Discord (tests/TalksBot.DeferralBench, in the test
#     tree because the product must not carry the fake), timing 100 concurrent /ask interactions to their deferrals.
# Usage: scripts/bench.sh [RUNS] [SCALE]   (defaults 5 and 10000; the JSON goes to artifacts/bench.json and artifacts/deferral.json)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
scale="${2:-10000}"

./talksbot ask "Who led the U.S. delegation?" >/dev/null 2>&1   # build, install and index once, outside the timings

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

asks=()
for _ in $(seq "$runs"); do
  t=$(date +%s%N); ./talksbot ask --json "Who led the U.S. delegation?" >/dev/null 2>&1; asks+=("$(ms_since "$t")")
done
echo "repeated ask, wall clock (ms): ${asks[*]}  median $(printf '%s\n' "${asks[@]}" | median)"

echo "commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC')"
./talksbot bench --scale "$scale" --json artifacts/bench.json
dotnet run --project tests/TalksBot.DeferralBench -c Release -v quiet -- --json artifacts/deferral.json
