#!/usr/bin/env bash
# Shared by demo/run.sh and test/run.sh: installs PostgreSQL 15 and the
# build tools where missing (Debian 12, as root), then builds and installs
# csmetrics.  Source it from the repo root.
set -euo pipefail

PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
export PG_CONFIG

SUDO=
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi

have_prereqs() {
    [ -x "$PG_CONFIG" ] \
        && [ -f "$("$PG_CONFIG" --includedir-server)/postgres.h" ] \
        && [ -f "$("$PG_CONFIG" --pgxs)" ] \
        && command -v pg_virtualenv >/dev/null \
        && command -v make >/dev/null \
        && command -v gcc >/dev/null
}

if ! have_prereqs; then
    echo "==> Installing PostgreSQL 15 and build tools"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        postgresql-15 postgresql-server-dev-15 postgresql-common build-essential >/dev/null
fi

echo "==> Building csmetrics (-Wall -Wextra -Werror)"
make -s PG_CONFIG="$PG_CONFIG"
$SUDO make -s install PG_CONFIG="$PG_CONFIG" >/dev/null
