#!/usr/bin/env bats
# tap-summary.sh turns a bats TAP file into counts, and refuses a run that
# ran nothing: CI must not go green on an empty suite.

setup() {
	load ../../harness/tests/assertions
	SUMMARY=$BATS_TEST_DIRNAME/../tap-summary.sh
	TAP=$BATS_TEST_TMPDIR/t.tap
}

@test "a TAP file with passes and a skip is counted and accepted" {
	printf '1..3\nok 1 a\nok 2 b # skip kernel < 6.4: no reason\nok 3 c\n' >"$TAP"
	run "$SUMMARY" "$TAP"
	assert_success
	assert_output "2 passed, 0 failed, 1 skipped"
}

@test "a TAP file with a failure is counted and rejected" {
	printf '1..2\nok 1 a\nnot ok 2 b\n' >"$TAP"
	run "$SUMMARY" "$TAP"
	assert_failure
	assert_output --partial "1 passed, 1 failed, 0 skipped"
}

@test "a TAP file that ran zero tests is rejected" {
	printf '1..0\n' >"$TAP"
	run "$SUMMARY" "$TAP"
	assert_failure
	assert_output --partial "no test ran"
}

@test "a TAP file that ran fewer tests than planned is rejected" {
	printf '1..3\nok 1 a\n' >"$TAP"
	run "$SUMMARY" "$TAP"
	assert_failure
	assert_output --partial "1 of 3 planned tests ran"
}

@test "a missing TAP file is rejected as a suite that did not run" {
	run "$SUMMARY" "$BATS_TEST_TMPDIR/none.tap"
	assert_failure
	assert_output --partial "no TAP output: the suite did not run"
}

@test "a KTAP file counts the tests inside its subtests, not the subtests" {
	printf '%s\n' 'KTAP version 1' '1..2' '    KTAP version 1' '    1..2' '    ok 1 a' \
		'    ok 2 b # SKIP kernel < 6.4: no reason' 'ok 1 x.bats' '    KTAP version 1' '    1..1' \
		'    # ok 9 not a result' '    ok 1 c' 'ok 2 y.bats' >"$TAP"
	run "$SUMMARY" "$TAP"
	assert_success
	assert_output "2 passed, 0 failed, 1 skipped"
}

@test "a KTAP file whose last subtest never ended is rejected" {
	printf '%s\n' 'KTAP version 1' '1..2' '    KTAP version 1' '    1..1' '    ok 1 a' 'ok 1 x.bats' \
		'    KTAP version 1' '    1..1' '    ok 1 c' >"$TAP"
	run "$SUMMARY" "$TAP"
	assert_failure
	assert_output --partial "1 of 2 planned subtests ended"
}
