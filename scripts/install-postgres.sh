#!/usr/bin/env bash
# Installs PostgreSQL (Debian's `postgresql` package) for the tests that run against a real server, when missing.
# Idempotent and quiet: does nothing when initdb, pg_ctl and postgres are already under /usr/lib/postgresql/*/bin.
# The tests start their own throw-away server (tests/TalksBot.Testing/Postgres/PostgresFixture.cs); the cluster the
# package creates is not used, so the service is left as the package leaves it.
set -euo pipefail

have_postgres() {
  local bin
  for bin in /usr/lib/postgresql/*/bin; do
    [[ -x "$bin/initdb" && -x "$bin/pg_ctl" && -x "$bin/postgres" ]] && return 0
  done
  return 1
}

if ! have_postgres; then
  sudo_cmd=()
  [[ "$(id -u)" -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo_cmd[@]}" apt-get update -qq >/dev/null \
      || ! "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null; then
    echo "install-postgres: apt-get install postgresql failed (see apt's error above)" >&2
    exit 1
  fi
  if ! have_postgres; then
    echo "install-postgres: postgresql installed, but no initdb/pg_ctl/postgres under /usr/lib/postgresql/*/bin" >&2
    exit 1
  fi
fi
