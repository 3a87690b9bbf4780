#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs Qdrant (npm, pinned by tools/qdrant/package-lock.json),
# builds, runs every test project against the real Qdrant, then the Q&A eval as a regression gate.
# Ends with the totals on a line of their own: "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/scripts/install-qdrant.sh" || { echo "0 passed, 1 failed"; exit 1; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet build TalksBot.sln -c Release --nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test TalksBot.sln -c Release --no-build --nologo 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}

# `dotnet test` prints one "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, Total: N" line per test assembly.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')

# The Q&A suite through the real pipeline; the threshold is what the code reaches, so a regression fails CI.
eval_status=0
"$root/talksbot" eval --compare-baseline --min-accuracy "${TALKSBOT_MIN_ACCURACY:-1.0}" --json artifacts/eval.json --html artifacts/eval.html || eval_status=$?
if [ "$eval_status" -ne 0 ]; then
  echo "eval: below the accuracy threshold or failed (exit $eval_status)" >&2
  failed=$((failed + 1))
else
  passed=$((passed + 1))
fi

echo "${passed} passed, ${failed} failed"
[ "$test_status" -eq 0 ] && [ "$eval_status" -eq 0 ] && [ "$failed" -eq 0 ]
