#!/usr/bin/env bats
# A kfunc set with a filter: modkfunc's tracing set allows
# modkfunc_fentry_only() to fentry programs on bpf_fentry_test1 only. The
# attach points it refuses are tagged programs in negative_filter.bpf.c.

setup() {
	load helpers
	requires kfunc_set_filter
}

@test "the filtered kfunc runs for fentry on the one function its filter allows" {
	kfcheck_once run --set filter_value=14 "$BPF_OBJS/filter.bpf.o"
	assert_success
	assert_global fentry_only_res 42
	assert_calls_of modkfunc_fentry_only 1
}

@test "the filtered kfunc's call goes through modkfunc's fd_array slot and resolves to it" {
	kfcheck_once run --set filter_value=14 "$BPF_OBJS/filter.bpf.o"
	assert_success
	assert_views_agree
	assert_count 1 kfunc_call func=modkfunc_fentry_only off=1 btf=modkfunc \
		resolved=modkfunc_fentry_only resolved_module=modkfunc
}
