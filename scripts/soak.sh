#!/usr/bin/env bash
# The long versions of what CI runs short, for before a release (about 20 minutes on 2 cores):
#   1. `talksbot soak`: questions at a steady rate for SOAK_MINUTES (10), latency and RSS by minute; fails on growth;
#   2. the gateway soak with 1,000 forced disruptions against the fake Discord;
#   3. every property test with 50,000 generated cases;
#   4. the Qdrant fault tests (SIGKILL under questions, a hung server, a killed managed server), FAULT_ROUNDS (5) times.
# Each step's figures are printed; the run stops at the first failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/install-qdrant.sh" >/dev/null
dotnet build TalksBot.sln -c Release --nologo -v quiet -clp:ErrorsOnly
mkdir -p artifacts
detailed=(--logger "console;verbosity=normal")

echo "== 1. soak: ${SOAK_MINUTES:-10} minutes at ${SOAK_RATE:-20} questions a second"
./talksbot -c Qdrant:Local:HttpPort=6533 -c Qdrant:Local:GrpcPort=6534 -c Qdrant:Local:StoragePath=.talksbot/test-qdrant \
  soak --minutes "${SOAK_MINUTES:-10}" --rate "${SOAK_RATE:-20}" --json artifacts/soak.json

echo "== 2. gateway soak: 1,000 disruptions"
TALKSBOT_SOAK_LONG=1 dotnet test tests/TalksBot.Discord.Tests -c Release --no-build --nologo --filter "Category=Soak" "${detailed[@]}"

echo "== 3. property tests: 50,000 cases each"
TALKSBOT_FUZZ_LONG=1 dotnet test TalksBot.sln -c Release --no-build --nologo --filter "FullyQualifiedName~Properties"

echo "== 4. Qdrant faults: ${FAULT_ROUNDS:-5} rounds"
for round in $(seq "${FAULT_ROUNDS:-5}"); do
  echo "-- round $round"
  dotnet test tests/TalksBot.Qdrant.Tests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~QdrantOutageTests|FullyQualifiedName~IsKilledIsStartedAgain"
done
echo "soak: all long runs passed"
