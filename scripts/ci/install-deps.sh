#!/usr/bin/env bash
# System packages the server tests need on a clean Debian/Ubuntu CI machine: the PostgreSQL server
# binaries (initdb, pg_ctl), which test/support/postgres.ts runs as the `postgres` user when root.
# The cluster is started and stopped by the tests themselves; the packaged service is not used.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if command -v apt-get >/dev/null 2>&1; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  # Debian's package starts a default cluster; the tests do not need it.
  if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters --no-header 2>/dev/null | while read -r version name _; do
      pg_ctlcluster "$version" "$name" stop 2>/dev/null || true
    done
  fi
fi
ls /usr/lib/postgresql/*/bin/initdb
