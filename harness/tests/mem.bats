#!/usr/bin/env bats
# A __sz buffer argument and a __k constant argument, from every program type.

setup() {
	load helpers
	reset_counters
}

@test "modkfunc_mem_sum sums a __sz buffer and modkfunc_const_scale scales by a __k constant in every program type" {
	kfcheck_once run "$BPF_OBJS/mem.bpf.o"
	assert_success
	# (1 + 2 + ... + 8) * 3
	assert_results mem 108 "${ALL_TYPES[@]}"
}

@test "each program type's buffer and constant calls reach modkfunc once each" {
	kfcheck_once run "$BPF_OBJS/mem.bpf.o"
	assert_success
	assert_views_agree
	assert_calls modkfunc_mem_sum modkfunc 5
	assert_calls modkfunc_const_scale modkfunc 5
	assert_calls_of modkfunc_mem_sum 5
	assert_calls_of modkfunc_const_scale 5
}
