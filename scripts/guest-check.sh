#!/usr/bin/env bash
# The user flow on a test machine: load the modules, make check, unload.
# With REGEX, only the tests whose names match run (make check T=REGEX);
# RESULTS is where the TAP and JUnit go (make check RESULTS=), by default
# BUILD_DIR; MODULE_DIR holds the modules it tests instead of the build's
# (make check MODULE_DIR=). It ends with one line of where the guest's
# time went.
# Usage: guest-check.sh BUILD_DIR [REGEX [RESULTS [MODULE_DIR]]]
set -uo pipefail
build=$1 filter=${2:-} results=${3:-}
modules=()
[ -z "${4:-}" ] || modules=(MODULE_DIR="$4")
cd "$(dirname "$0")/.." || exit 1

booted='' loaded='' checked='' unloaded=''
read -r booted _ </proc/uptime
make -s --no-print-directory load BUILD="$build" "${modules[@]}" || exit 1
read -r loaded _ </proc/uptime
make -s --no-print-directory check BUILD="$build" "${modules[@]}" ${filter:+T="$filter"} ${results:+RESULTS="$results"}
rc=$?
read -r checked _ </proc/uptime
make -s --no-print-directory unload BUILD="$build" "${modules[@]}" || rc=1
read -r unloaded _ </proc/uptime
awk -v b="$booted" -v l="$loaded" -v c="$checked" -v u="$unloaded" 'BEGIN {
	printf "guest-check: boot %.1f s, load %.1f s, suite %.1f s, unload %.1f s\n", b, l - b, c - l, u - c }'
exit "$rc"
