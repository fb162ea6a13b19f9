#!/usr/bin/env bats
# Scalar kfunc arguments, from every program type.

setup() {
	load helpers
	reset_counters
}

@test "modkfunc_scalar_add returns the sum of its arguments to every program type" {
	kfcheck_once run --set scalar_a=1000 --set scalar_b=23 "$BPF_OBJS/scalar.bpf.o"
	assert_success
	assert_count 5 run
	assert_results scalar 1023 "${ALL_TYPES[@]}"
}

@test "every program type's scalar call goes through modkfunc's BTF and reaches modkfunc once" {
	kfcheck_once run --set scalar_a=1000 --set scalar_b=23 "$BPF_OBJS/scalar.bpf.o"
	assert_success
	assert_views_agree
	assert_calls modkfunc_scalar_add modkfunc 5
	assert_calls_of modkfunc_scalar_add 5
}
