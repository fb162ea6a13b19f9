#!/usr/bin/env bats
# harness/bats-report.awk writes make check's TAP and JUnit from bats'
# extended stream; here it reads what this host's bats makes of a small
# made-up suite.

setup() {
	load ../../harness/tests/assertions
	local dir=$BATS_TEST_TMPDIR/suite
	mkdir -p "$dir"
	# A line starting with the test keyword would be a test of this file.
	printf '@test %s\n' \
		'"a passing test" { true; }' \
		"\"a failing test\" { echo 'its output'; printf '%09000d\\n' 0; false; }" \
		"\"a skipped test\" { skip 'for a reason'; }" >"$dir/first.bats"
	printf '@test %s\n' \
		"\"a test named <a & b>\" { echo '# note \"quoted\"' >&3; }" >"$dir/second.bats"
	JUNIT=$BATS_TEST_TMPDIR/check.junit.xml KTAP=$BATS_TEST_TMPDIR/check.ktap
	# The suite under test must not inherit this one's bats state.
	local var clean=()
	for var in $(compgen -e); do
		[[ $var != BATS_* ]] || clean+=(-u "$var")
	done
	# shellcheck disable=SC2016 # the inner shell expands its arguments
	run env "${clean[@]}" bash -c \
		'bats --formatter cat --timing "$1" | awk -v junit="$2" -v ktap="$3" -v host=testhost -f "$4"' \
		_ "$dir" "$JUNIT" "$KTAP" "$BATS_TEST_DIRNAME/../../harness/bats-report.awk"
}

@test "the TAP keeps bats' results, its timing and its account of a failure" {
	assert_success
	assert_line --index 0 "1..4"
	assert_line --regexp '^ok 1 a passing test # in [0-9]+ ms$'
	assert_line --regexp '^not ok 2 a failing test # in [0-9]+ ms$'
	assert_line "# its output"
	assert_line "ok 3 a skipped test # skip for a reason"
	assert_line --regexp '^ok 4 a test named <a & b> # in [0-9]+ ms$'
	assert_equal "$(grep -c '^ok\|^not ok' <<<"$output")" 4
}

@test "the JUnit has one suite per file with its counts, and escapes names" {
	assert_success
	run grep -o '<testsuite name="[^"]*" tests="[0-9]*" failures="[0-9]*" errors="0" skipped="[0-9]*"' "$JUNIT"
	assert_output "$(printf '%s\n' \
		'<testsuite name="first.bats" tests="3" failures="1" errors="0" skipped="1"' \
		'<testsuite name="second.bats" tests="1" failures="0" errors="0" skipped="0"')"
	run grep -c '<testcase classname="second.bats" name="a test named &lt;a &amp; b&gt;"' "$JUNIT"
	assert_output 1
	run grep -c 'hostname="testhost"' "$JUNIT"
	assert_output 2
}

@test "the JUnit keeps a failure's text, a skip's reason and a test's own output" {
	assert_success
	run cat "$JUNIT"
	assert_output --partial '<failure type="failure">(in test file'
	assert_output --regexp 'its output.0{9000}</failure>'
	assert_output --partial '<skipped>for a reason</skipped>'
	assert_output --partial '<system-out>note &quot;quoted&quot;</system-out>'
}

@test "the KTAP nests each file's tests as a subtest, with the file's result after them" {
	assert_success
	run grep -v '^    # ' "$KTAP"
	assert_output "$(printf '%s\n' 'KTAP version 1' '1..2' \
		'    KTAP version 1' '    1..3' \
		'    ok 1 a passing test' '    not ok 2 a failing test' '    ok 3 a skipped test # SKIP for a reason' \
		'not ok 1 first.bats' \
		'    KTAP version 1' '    1..1' \
		'    ok 1 a test named <a & b>' \
		'ok 2 second.bats')"
	run grep '^    # Subtest: ' "$KTAP"
	assert_output $'    # Subtest: first.bats\n    # Subtest: second.bats'
}

@test "the KTAP puts a failure's account and a test's output before its result, as diagnostics" {
	assert_success
	run cat "$KTAP"
	assert_output --regexp $'    # its output\n    # 0{9000}\n    not ok 2 a failing test'
	assert_output --partial $'    # note "quoted"\n    ok 1 a test named'
	run "$BATS_TEST_DIRNAME/../tap-summary.sh" "$KTAP"
	assert_output "2 passed, 1 failed, 1 skipped"
}
