#!/usr/bin/env bats
# Kfunc argument annotations that modules use, from every program type:
# __opt (a buffer the program may leave out), __ign (an argument the
# verifier skips) and __str (a constant string). Their misuses are tagged
# programs in negative.bpf.c and negative_str.bpf.c.

setup() {
	load helpers
}

@test "an __opt buffer may be left out, and then the kfunc sees NULL and the unchecked size" {
	requires opt_arg
	kfcheck_once run --set opt_size=16 "$BPF_OBJS/opt.bpf.o"
	assert_success
	# 16 * 100, then the bytes 1 + 2 + 3 + 4
	assert_results opt 1610 "${ALL_TYPES[@]}"
	assert_calls_of modkfunc_opt_sum 10
	assert_views_agree
	assert_calls modkfunc_opt_sum modkfunc 10
}

@test "an __opt size that no buffer backs is not checked, however large" {
	requires opt_arg
	kfcheck_once run --set opt_size=4294967295 "$BPF_OBJS/opt.bpf.o"
	assert_success
	assert_results opt 429496729510 "${ALL_TYPES[@]}"
}

@test "an __ign argument reaches the kfunc unchecked, whether NULL, a number or a stack pointer" {
	requires ign_arg
	kfcheck_once run "$BPF_OBJS/ign.bpf.o"
	assert_success
	# NULL 0, the number 0x1234 2, the stack pointer 4
	assert_results ign 6 "${ALL_TYPES[@]}"
	assert_calls_of modkfunc_ign_is_set 15
	assert_views_agree
	assert_calls modkfunc_ign_is_set modkfunc 15
}

@test "an __ign argument carries the program's run-time value: a number set to 0 arrives as NULL" {
	requires ign_arg
	kfcheck_once run --set ign_number=0 "$BPF_OBJS/ign.bpf.o"
	assert_success
	assert_results ign 4 "${ALL_TYPES[@]}"
}

@test "an __str argument reads a .rodata string, from its start and from a constant offset" {
	requires const_str_arg
	kfcheck_once run "$BPF_OBJS/str.bpf.o"
	assert_success
	# strlen("modkfunc") * 100 + strlen("kfunc")
	assert_results str 805 "${ALL_TYPES[@]}"
	assert_calls_of modkfunc_str_len 10
	assert_views_agree
	assert_calls modkfunc_str_len modkfunc 10
}
