#!/usr/bin/env bats
# Scalar kfunc arguments: a program's result is the module's computation.

setup() {
	load helpers
}

@test "a syscall program returns what modkfunc_scalar_add computes" {
	run "$KFCHECK" run "$BPF_OBJS/scalar.bpf.o" scalar_add
	assert_success
	assert_equal "$(json_field "$output" retval)" 42
	assert_equal "$(json_field "$output" prog)" scalar_add
}
