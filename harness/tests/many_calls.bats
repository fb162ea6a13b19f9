#!/usr/bin/env bats
# 257 calls to one module kfunc: fd_array slots are per BTF, not per call.

setup() {
	load helpers
	reset_counters
}

@test "257 calls to one module kfunc all use the same fd_array slot" {
	kfcheck_once run --set many_seed=5000 "$BPF_OBJS/many_calls.bpf.o"
	assert_success
	assert_views_agree
	assert_calls modkfunc_scalar_add modkfunc 257
	assert_equal "$(distinct kfunc_call off) $(count kfunc_call off=1)" "1 257"
}

@test "all 257 calls run: the sum grows by one per call and modkfunc counts 257" {
	kfcheck_once run --set many_seed=5000 "$BPF_OBJS/many_calls.bpf.o"
	assert_success
	assert_global many_res 5257
	assert_calls_of modkfunc_scalar_add 257
}
