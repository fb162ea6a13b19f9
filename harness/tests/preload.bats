#!/usr/bin/env bats
# libkfaudit.so: kfcheck's capture inside another loader, bpftool here.

setup() {
	load helpers
	PIN=/sys/fs/bpf/modkfunc_audit_$$
	AUDIT=$BATS_TEST_TMPDIR/audit.json
}

teardown() {
	rm -f "$PIN"
}

@test "bpftool prog load under the LD_PRELOAD auditor reports its kfunc call and ksym resolved in modkfunc" {
	leak_baseline
	LD_PRELOAD=$KFAUDIT_PRELOAD KFAUDIT_OUT=$AUDIT \
		run bpftool prog load "$BPF_OBJS/percpu_ksym.bpf.o" "$PIN"
	assert_success
	output=$(cat "$AUDIT")
	assert_count 1 load prog=percpu_typed accepted=true
	assert_views_agree
	assert_calls modkfunc_scalar_add modkfunc 1
	assert_count 1 ksym name=modkfunc_pcpu_stats resolved_module=modkfunc
	# The leak check's own observer sees the program that bpftool pinned.
	prog_ids
	[[ " $PROG_IDS " == *:percpu_typed" "* ]] || fail "kfcheck progs does not list percpu_typed: $PROG_IDS"
	rm "$PIN"
	assert_no_leak
}
