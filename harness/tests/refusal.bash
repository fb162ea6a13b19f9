# shellcheck shell=bash
# Tests of loads that must be refused: the tagged negative programs
# (negative_programs.bats, which the build generates from their tags) and
# the refusals that need no program of their own (negative.bats).
# shellcheck disable=SC2154 # bats sets stderr
load "${BASH_SOURCE[0]%/*}/helpers"

setup() {
	trace_test
	leak_baseline
	reset_counters
}

# Tests that unload a module put it back; the others start no process.
teardown() {
	if [ ! -d /sys/module/modkfunc ] || [ ! -d /sys/module/modkfunc_peer ]; then
		"$MODULES_SH" load "$MODULE_DIR"
	fi
}

# assert_clean_refusal: kfcheck closed every BPF fd, modkfunc holds no
# object, and no program or module reference was left behind.
assert_clean_refusal() {
	[[ $stderr != *"BPF fds still open"* ]] || fail "kfcheck leaked: $stderr"
	assert_equal "$(live_objects)" 0
	assert_no_leak
}

# listing OBJECT: $output becomes what kfcheck list says of OBJECT, which
# is listed once per test file.
listing() {
	local saved=$BATS_FILE_TMPDIR/list.${1##*/}
	[ -f "$saved" ] || "$KFCHECK" list "$1" >"$saved" || fail "kfcheck list $1 failed"
	# shellcheck disable=SC2034 # for records, as bats sets it after run
	output=$(<"$saved")
}

# refused OBJECT PROG: kfcheck refuses program PROG of OBJECT.bpf.o as its
# tags say (bpf_progs/expect.bpf.h): skipped without what it __needs,
# loaded without the capability it is __without_cap, and refused with the
# messages.tsv row it is __rejected with.
refused() {
	local obj=$BPF_OBJS/$1.bpf.o prog=$2 tags need cap feature
	listing "$obj"
	scan print program "prog=$prog"
	tags=$SCAN_OUT
	[ -n "$tags" ] || fail "$obj has no program $prog"
	field_value "$tags" needs ''
	need=$FIELD
	field_value "$tags" without_cap ''
	cap=$FIELD
	[ -z "$need" ] || requires "$need"
	if [ -z "$cap" ]; then
		run_separate "$KFCHECK" load "$obj" "$prog"
	else
		run_separate setpriv --bounding-set "-$cap" --inh-caps "-$cap" \
			"$KFCHECK" load "$obj" "$prog"
	fi
	assert_failure 1
	scan print expect "prog=$prog"
	field_value "$SCAN_OUT" feature ''
	feature=$FIELD
	[ -n "$feature" ] || fail "$prog declares no expected outcome"
	assert_rejected_with "$feature"
	assert_clean_refusal
}
