#!/usr/bin/env bash
# The user flow on a test machine: load the modules, make check, unload.
# With REGEX, only the tests whose names match run (make check T=REGEX);
# RESULTS is where the TAP and JUnit go (make check RESULTS=), by default
# BUILD_DIR. It ends with one line of where the guest's time went.
# Usage: guest-check.sh BUILD_DIR [REGEX [RESULTS]]
set -uo pipefail
build=$1 filter=${2:-} results=${3:-}
cd "$(dirname "$0")/.." || exit 1

booted='' loaded='' checked='' unloaded=''
read -r booted _ </proc/uptime
make -s --no-print-directory load BUILD="$build" || exit 1
read -r loaded _ </proc/uptime
make -s --no-print-directory check BUILD="$build" ${filter:+T="$filter"} ${results:+RESULTS="$results"}
rc=$?
read -r checked _ </proc/uptime
make -s --no-print-directory unload BUILD="$build" || rc=1
read -r unloaded _ </proc/uptime
awk -v b="$booted" -v l="$loaded" -v c="$checked" -v u="$unloaded" 'BEGIN {
	printf "guest-check: boot %.1f s, load %.1f s, suite %.1f s, unload %.1f s\n", b, l - b, c - l, u - c }'
exit "$rc"
