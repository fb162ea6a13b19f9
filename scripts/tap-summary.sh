#!/usr/bin/env bash
# Prints "N passed, F failed, S skipped" for make check's TAP or KTAP file,
# and fails when the file is missing, ran no test, or ran fewer tests than
# it planned. In KTAP (a first line "KTAP version 1"), the tests are the
# subtests' results, one level in, and each bats file's subtest and the
# tests in it must all have ended.
# Usage: tap-summary.sh FILE
set -euo pipefail
tap=$1
[ -f "$tap" ] || { echo "tap-summary: $tap: no TAP output: the suite did not run" >&2; exit 1; }
awk '
	NR == 1 && /^KTAP version 1$/ { ktap = 1; next }
	ktap && /^    1\.\.[0-9]+$/ { planned += substr($1, 4); next }
	ktap && /^(not )?ok / { files++; next }
	ktap && /^1\.\.[0-9]+$/ { planned_files = substr($1, 4) + 0; has_plan = 1; next }
	ktap { sub(/^    /, "") }
	!ktap && /^1\.\.[0-9]+/ { planned = substr($1, 4) + 0; has_plan = 1 }
	/^ok / { if ($0 ~ /# [Ss][Kk][Ii][Pp]/) skipped++; else passed++ }
	/^not ok / { failed++ }
	END {
		ran = passed + failed + skipped
		printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
		if (!has_plan || ran == 0) { print "tap-summary: no test ran" > "/dev/stderr"; exit 1 }
		if (files != planned_files) { printf "tap-summary: %d of %d planned subtests ended\n", files, planned_files > "/dev/stderr"; exit 1 }
		if (ran != planned) { printf "tap-summary: %d of %d planned tests ran\n", ran, planned > "/dev/stderr"; exit 1 }
		if (failed) exit 1
	}' "$tap"
