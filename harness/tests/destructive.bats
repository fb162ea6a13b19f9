#!/usr/bin/env bats
# A KF_DESTRUCTIVE kfunc: any program type may call it, with CAP_SYS_BOOT.

setup() {
	load helpers
	reset_counters
}

@test "a loader with CAP_SYS_BOOT calls the destructive modkfunc_destructive_noop from every program type" {
	kfcheck run --set destructive_value=31 "$BPF_OBJS/destructive.bpf.o"
	assert_success
	assert_results destructive 31 "${ALL_TYPES[@]}"
	assert_views_agree
	assert_calls modkfunc_destructive_noop modkfunc 5
	assert_calls_of modkfunc_destructive_noop 5
}
