#!/usr/bin/env bash
# Client test: node-pg reads the cookbook views. Runs against the cluster
# whose PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE it inherits, e.g.
#
#   pg_virtualenv -t -v 15 bash test/client/run.sh
#
# Installs Node.js and npm from Debian where missing, then the pinned node-pg
# from package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    SUDO=
    if [ "$(id -u)" -ne 0 ]; then
        SUDO=sudo
    fi
    echo "==> Installing Node.js and npm"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

echo "==> Client test: node-pg $(node -p "require('./package-lock.json').packages['node_modules/pg'].version") on Node.js $(node --version)"
npm ci --no-audit --no-fund --loglevel=error
node --test --test-reporter=tap cookbook.test.js
