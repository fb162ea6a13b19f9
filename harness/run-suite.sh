#!/usr/bin/env bash
# make check: the bats suite, against the modules loaded in this kernel.
# Usage: run-suite.sh BUILD_DIR
set -uo pipefail
build=$1
cd "$(dirname "$0")/.." || exit 1

if [ ! -d /sys/module/modkfunc ]; then
	echo "make check: modkfunc is not loaded; load it with 'make load' (insmod $build/kmod/module/modkfunc.ko)" >&2
	exit 1
fi
[ -x "$build/kfcheck" ] || { echo "make check: $build/kfcheck is missing; run 'make' first" >&2; exit 1; }

export MODKFUNC_BUILD=$build
bats --tap --report-formatter junit --output "$build" harness/tests | tee "$build/check.tap"
rc=${PIPESTATUS[0]}
mv -f "$build/report.xml" "$build/check.junit.xml" 2>/dev/null
exit "$rc"
