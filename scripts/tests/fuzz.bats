#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output and status
# make fuzz's arguments; scripts/test.sh runs the fuzzing itself.

setup() {
	bats_require_minimum_version 1.5.0
	load ../../harness/tests/assertions
	FUZZ=$BATS_TEST_DIRNAME/../fuzz.sh
}

@test "make fuzz refuses a duration that is not a whole number of seconds, before it builds anything" {
	for seconds in 1m 0 -5 ''; do
		run "$FUZZ" "$seconds"
		assert_failure
		assert_equal "$output" "fuzz.sh: usage: fuzz.sh SECONDS"
	done
}
