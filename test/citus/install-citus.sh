#!/usr/bin/env bash
# Finds or builds Citus for the server of PG_CONFIG, for the Citus test.
#
#   bash test/citus/install-citus.sh PG_CONFIG [--build-only]
#
# Exit 0: Citus is installed in that server (found there, or built and
# installed now). Exit 3: skipped, the reason on stdout. Any other status is
# a failure. Order, as for PostgreSQL 18 (scripts/pg18.sh): an installed
# Citus (users install it from Citus's own packages); else the source release
# named by CSMETRICS_CITUS13_TARBALL (PostgreSQL 15) or
# CSMETRICS_CITUS14_TARBALL (16 to 18), built once into CSMETRICS_CACHE
# (default /var/cache/csmetrics), outside the clone, and kept there so that
# installing it again is quick. Installing writes into the server's tree:
# hold /tmp/csm.lock around this script, as around every `make install`.
# Citus is loaded only by clusters whose shared_preload_libraries name it.
set -euo pipefail

pg_config=$1
mode=${2:-install}
libdir=$("$pg_config" --pkglibdir)
sharedir=$("$pg_config" --sharedir)
major=$("$pg_config" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')

if [ -f "$libdir/citus.so" ] && [ -f "$sharedir/extension/citus.control" ] && [ "$mode" != --build-only ]; then
    exit 0
fi
case "$major" in
    15) var=CSMETRICS_CITUS13_TARBALL ;;
    16|17|18) var=CSMETRICS_CITUS14_TARBALL ;;
    *) echo "no Citus release is known to support PostgreSQL $major"; exit 3 ;;
esac
tarball=${!var:-}
if [ -z "$tarball" ]; then
    echo "no Citus installed in PostgreSQL $major ($libdir) and $var is not set"
    exit 3
fi
if [ ! -r "$tarball" ]; then
    echo "$var=$tarball is not readable"
    exit 3
fi

# Citus's build needs these headers (compression of columnar storage,
# Kerberos in libpq connections, libcurl for its statistics collector).
missing=
for pkg in libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    echo "==> Installing$missing for the Citus build" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

# One build per tarball and server build: a new minor release of the server
# gets a fresh build.
cache=${CSMETRICS_CACHE:-/var/cache/csmetrics}
key=$(sha256sum "$tarball" | cut -c1-16)-$( { "$pg_config" --version; "$pg_config" --bindir; } | sha256sum | cut -c1-8)
build="$cache/citus-pg$major-$key"
mkdir -p "$cache"
exec 8>"$cache/citus.lock"
flock 8
if [ ! -f "$build/.built" ]; then
    echo "==> Building Citus from $tarball for PostgreSQL $major into $build (once per machine)" >&2
    rm -rf "$build"
    mkdir -p "$build"
    tar -xzf "$tarball" -C "$build" --strip-components=1
    # Citus 13.2.2 defines its own static have_createdb_privilege() for
    # PostgreSQL 15, whose dbcommands.h did not declare it; later 15.x
    # releases (15.20 here) declare and export it, and the two clash
    # ("static declaration follows non-static declaration"). Where the
    # server declares it, use the server's: it checks the same rolcreatedb
    # flag.
    compat="$build/src/include/pg_version_compat.h"
    if [ "$major" = 15 ] \
        && grep -q 'extern bool have_createdb_privilege' "$("$pg_config" --includedir-server)/commands/dbcommands.h" \
        && grep -q '^have_createdb_privilege(void)' "$compat"; then
        echo "==> Patching Citus: $("$pg_config" --version) declares have_createdb_privilege" >&2
        perl -0pi -e 's/static inline bool\nhave_createdb_privilege\(void\)\n\{.*?\n\}\n/#include "commands\/dbcommands.h"\n/s' "$compat"
    fi
    (
        cd "$build"
        ./configure PG_CONFIG="$pg_config" >configure.log 2>&1 || { tail -30 configure.log; exit 1; }
        make -s -j2 >make.log 2>&1 || { tail -50 make.log; exit 1; }
    ) >&2
    touch "$build/.built"
fi
if [ "$mode" != --build-only ]; then
    make -s -C "$build" install >"$build/install.log" 2>&1 || { tail -30 "$build/install.log" >&2; exit 1; }
fi
