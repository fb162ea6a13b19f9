#!/usr/bin/env bash
# The user flow on a test machine: load the modules, make check, unload.
# With REGEX, only the tests whose names match run (make check T=REGEX);
# RESULTS is where the TAP and JUnit go (make check RESULTS=), by default
# BUILD_DIR.
# Usage: guest-check.sh BUILD_DIR [REGEX [RESULTS]]
set -uo pipefail
build=$1 filter=${2:-} results=${3:-}
cd "$(dirname "$0")/.." || exit 1

make -s --no-print-directory load BUILD="$build" || exit 1
make -s --no-print-directory check BUILD="$build" ${filter:+T="$filter"} ${results:+RESULTS="$results"}
rc=$?
make -s --no-print-directory unload BUILD="$build" || rc=1
exit "$rc"
