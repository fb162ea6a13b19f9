#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output and status
# make stress's short form, on every kit: the modules come and go while
# programs calling both are loaded and run (scripts/stress.sh).

setup() {
	load helpers
	STRESS=$TESTS_DIR/../../scripts/stress.sh
	leak_baseline
}

teardown() {
	"$MODULES_SH" load "$MODULE_DIR"
}

@test "twenty insmod/rmmod cycles under two loader loops leave no splat, object, program or module behind, and every refusal is one a module coming or going explains" {
	"$MODULES_SH" unload "$MODULE_DIR"
	run_separate "$STRESS" "$MODKFUNC_BUILD" 20
	# The figures, in the TAP for the run's record.
	echo "# $output" >&3
	[ "$status" -eq 0 ] || fail "stress failed: $stderr"
	[[ $output =~ ^stress:\ 20\ cycles ]] || fail "stress said: $output; $stderr"
	"$MODULES_SH" load "$MODULE_DIR"
	assert_no_leak
}
