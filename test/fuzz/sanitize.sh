#!/usr/bin/env bash
# Build every csmetrics source file with AddressSanitizer and UBSan against
# plain malloc (backend_shim.c) and run the text parsers on the fuzzer's
# mutated inputs (sanitize.c).  Needs no server: test/fuzz/run.sh runs it
# first.  Any sanitizer report, wrong SQLSTATE or broken round trip fails.
#
#   bash test/fuzz/sanitize.sh [INPUTS_PER_TYPE] [SEED]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$HERE/../../src
INPUTS=${1:-2000}
SEED=${2:-20261123}
PG_CONFIG=${PG_CONFIG:-pg_config}

BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
# No -fwrapv, unlike the server build: a signed overflow is a report here.
# Function sections let the linker drop the code no parser reaches, so the
# shim needs only what the parsers call.
CFLAGS="-O1 -g -fno-omit-frame-pointer -fno-strict-aliasing -ffunction-sections -fdata-sections
        -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all
        -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers
        -I$("$PG_CONFIG" --includedir-server) -I$SRC -I$HERE"
# Two compilers at a time on the shared machine; xargs fails if one does.
export CFLAGS BUILD
printf '%s\n' "$SRC"/*.c "$HERE"/backend_shim.c "$HERE"/mutate.c "$HERE"/sanitize.c |
    xargs -P 2 -I FILE sh -c 'gcc $CFLAGS -c -o "$BUILD/$(basename FILE .c).o" FILE'
gcc -fsanitize=address,undefined -Wl,--gc-sections -o "$BUILD/sanitize" "$BUILD"/*.o \
    -L"$("$PG_CONFIG" --pkglibdir)" -L"$("$PG_CONFIG" --libdir)" -lpgcommon -lpgport -lm
ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$BUILD/sanitize" "$INPUTS" "$SEED"
