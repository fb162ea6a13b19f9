#!/usr/bin/env bash
# The user flow on a test machine: load the modules, make check, unload.
# Usage: guest-check.sh BUILD_DIR
set -uo pipefail
build=$1
cd "$(dirname "$0")/.." || exit 1

make -s --no-print-directory load BUILD="$build" || exit 1
make -s --no-print-directory check BUILD="$build"
rc=$?
make -s --no-print-directory unload BUILD="$build" || rc=1
exit "$rc"
