#!/usr/bin/env bash
# Finds or builds PostgreSQL 18 for the tests and prints its pg_config path.
#
#   PG18_CONFIG=$(bash scripts/pg18.sh)     (empty output: 18 is skipped, the reason on stderr)
#
# Order: an installed 18 (PG18_CONFIG, else /usr/lib/postgresql/18/bin/pg_config);
# else the source tarball named by CSMETRICS_PG18_TARBALL, built once with
# assertions and valgrind client requests into CSMETRICS_CACHE (default
# /var/cache/csmetrics), outside the clone, and reused while the tarball's
# checksum is the same.
set -euo pipefail

installed=${PG18_CONFIG:-/usr/lib/postgresql/18/bin/pg_config}
if [ -x "$installed" ]; then
    echo "$installed"
    exit 0
fi
tarball=${CSMETRICS_PG18_TARBALL:-}
if [ -z "$tarball" ]; then
    echo "PostgreSQL 18 skipped: no installed pg_config for 18 and CSMETRICS_PG18_TARBALL is not set" >&2
    exit 0
fi
if [ ! -r "$tarball" ]; then
    echo "PostgreSQL 18 skipped: CSMETRICS_PG18_TARBALL=$tarball is not readable" >&2
    exit 0
fi

cache=${CSMETRICS_CACHE:-/var/cache/csmetrics}
sum=$(sha256sum "$tarball" | cut -c1-16)
prefix="$cache/pg18-$sum"
mkdir -p "$cache"
exec 9>"$cache/pg18.lock"
flock 9
if [ ! -x "$prefix/bin/pg_config" ]; then
    for tool in bison flex gcc make; do
        if ! command -v "$tool" >/dev/null; then
            DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bison flex build-essential >&2
            break
        fi
    done
    echo "==> Building PostgreSQL 18 from $tarball with assertions into $prefix (once per machine)" >&2
    build=$(mktemp -d)
    tar -xjf "$tarball" -C "$build" --strip-components=1
    (
        cd "$build"
        ./configure --prefix="$prefix" --enable-cassert --enable-debug \
            --without-icu --without-readline --without-zlib \
            CFLAGS="-O2 -DUSE_VALGRIND" >"$build/configure.log" 2>&1 \
            || { tail -30 "$build/configure.log"; exit 1; }
        make -s -j"$(nproc)" >"$build/make.log" 2>&1 || { tail -50 "$build/make.log"; exit 1; }
        make -s -C contrib/postgres_fdw >>"$build/make.log" 2>&1 || { tail -50 "$build/make.log"; exit 1; }
        make -s install >>"$build/make.log" 2>&1
        make -s -C contrib/postgres_fdw install >>"$build/make.log" 2>&1
    ) >&2
    rm -rf "$build"
fi
echo "$prefix/bin/pg_config"
