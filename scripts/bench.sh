#!/usr/bin/env bash
# The speed figures the README states, measured on this machine:
#   - wall-clock of a repeated `./talksbot ask` (launcher, .NET start, managed Qdrant start and stop included);
#   - a full re-index of the article folder (`ingest --force`: chunk, embed, upsert, verify, swap);
#   - in-process answer latency (retrieval + answering) from the eval run.
# Usage: scripts/bench.sh [RUNS]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"

./talksbot ask "Who led the U.S. delegation?" >/dev/null 2>&1   # build, install and index once, outside the timings

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

asks=()
for _ in $(seq "$runs"); do
  t=$(date +%s%N); ./talksbot ask --json "Who led the U.S. delegation?" >/dev/null 2>&1; asks+=("$(ms_since "$t")")
done
echo "repeated ask, wall clock (ms): ${asks[*]}  median $(printf '%s\n' "${asks[@]}" | median)"

ingests=()
for _ in $(seq "$runs"); do
  line=$(./talksbot ingest --force 2>/dev/null | head -1)
  ingests+=("$(sed -E 's/.* in ([0-9]+) ms.*/\1/' <<<"$line")")
done
echo "full re-index (ms, inside the process): ${ingests[*]}  median $(printf '%s\n' "${ingests[@]}" | median)  [$line]"

./talksbot eval 2>/dev/null | grep -E "Latency" | sed 's/[│]//g; s/  */ /g'
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
