#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output and status
# modkfunc's open-coded iterator, bpf_iter_modkfunc_range_{new,next,destroy},
# from every program type. Its refusals are tagged programs in
# negative_iter.bpf.c.

setup() {
	load helpers
	requires iter_kfuncs
}

# run_range FIRST STEP COUNT: iter.bpf.o run over that range, once per file.
run_range() {
	kfcheck_once run --set "iter_first=$1" --set "iter_step=$2" --set "iter_count=$3" \
		"$BPF_OBJS/iter.bpf.o"
	assert_success
}

@test "the module's iterator yields the range the test chose, and every program type sums it" {
	run_range 5 3 7
	# 5 + 8 + ... + 23
	assert_results iter 98 "${ALL_TYPES[@]}"
	assert_global iter_new_err 0
	assert_views_agree
}

@test "each program calls _new and _destroy once and _next once per value and once more for the end" {
	run_range 5 3 7
	assert_calls_of bpf_iter_modkfunc_range_new 5
	assert_calls_of bpf_iter_modkfunc_range_next 40
	assert_calls_of bpf_iter_modkfunc_range_destroy 5
}

@test "the iterator's kfunc calls go through modkfunc's fd_array slot, as any module kfunc's do" {
	local func sent
	run_range 5 3 7
	for func in bpf_iter_modkfunc_range_new bpf_iter_modkfunc_range_next \
		bpf_iter_modkfunc_range_destroy; do
		sent=$(count kfunc_call "func=$func")
		[ "$sent" -ge 5 ] || fail "$func: $sent calls sent, expected one or more per program"
		assert_count "$sent" kfunc_call "func=$func" off=1 btf=modkfunc \
			"resolved=$func" resolved_module=modkfunc
	done
}

@test "an empty range yields nothing, and each loop ends at its first _next" {
	run_range 5 3 0
	assert_results iter 0 "${ALL_TYPES[@]}"
	assert_global iter_new_err 0
	assert_calls_of bpf_iter_modkfunc_range_next 5
}

@test "a range that wraps at 64 bits wraps its values, not its count" {
	# 2^64 - 2, 2^64 - 1, 0: their sum wraps to 2^64 - 3.
	run_range 18446744073709551614 1 3
	assert_results iter 18446744073709551613 "${ALL_TYPES[@]}"
	assert_calls_of bpf_iter_modkfunc_range_next 20
}

@test "a range longer than BPF_MAX_LOOPS is refused by _new with E2BIG, and the iterator yields nothing" {
	run_range 1 1 $((8 * 1024 * 1024 + 1))
	# -E2BIG, as kfcheck reports an int: its 32 bits, unsigned.
	assert_global iter_new_err $(((1 << 32) - 7))
	assert_results iter 0 "${ALL_TYPES[@]}"
	assert_calls_of bpf_iter_modkfunc_range_next 5
	assert_calls_of bpf_iter_modkfunc_range_destroy 5
}
