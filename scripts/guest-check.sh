#!/usr/bin/env bash
# The user flow on a test machine: load the modules, make check, unload.
# With REGEX, only the tests whose names match run (make check T=REGEX).
# Usage: guest-check.sh BUILD_DIR [REGEX]
set -uo pipefail
build=$1 filter=${2:-}
cd "$(dirname "$0")/.." || exit 1

make -s --no-print-directory load BUILD="$build" || exit 1
make -s --no-print-directory check BUILD="$build" ${filter:+T="$filter"}
rc=$?
make -s --no-print-directory unload BUILD="$build" || rc=1
exit "$rc"
