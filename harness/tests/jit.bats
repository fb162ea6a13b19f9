#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output and status
# A kfunc call is a call into the kernel that only the JIT can emit: with
# the JIT off, the verifier refuses it (seed 003). Debian's kernels let
# root turn the JIT off; one built with CONFIG_BPF_JIT_ALWAYS_ON does not.

JIT=/proc/sys/net/core/bpf_jit_enable

setup() {
	load helpers
	read -r JIT_WAS <"$JIT"
	leak_baseline
}

# Whatever the test did, the JIT is as it was.
teardown() {
	echo "$JIT_WAS" >"$JIT"
}

@test "with the JIT turned off, a program calling a module kfunc is refused: kfunc calls need the JIT" {
	local err
	if ! err=$( (echo 0 >"$JIT") 2>&1); then
		[[ $err == *"Invalid argument"* ]] || fail "cannot turn the JIT off: $err"
		skip "the kernel forces the JIT (CONFIG_BPF_JIT_ALWAYS_ON): it cannot be turned off"
	fi
	kfcheck load "$BPF_OBJS/lifetime.bpf.o" hold_kfunc
	assert_failure 1
	assert_rejected_with kfunc_without_jit
	assert_no_leak
	echo "$JIT_WAS" >"$JIT"
	kfcheck load "$BPF_OBJS/lifetime.bpf.o" hold_kfunc
	assert_success
}
