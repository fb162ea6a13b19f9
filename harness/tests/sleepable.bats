#!/usr/bin/env bats
# A KF_SLEEPABLE kfunc, from a sleepable (syscall) program.

setup() {
	load helpers
	reset_counters
}

@test "a syscall program calls the sleepable modkfunc_sleepable_yield and gets its argument back" {
	kfcheck run --set sleepable_value=99 "$BPF_OBJS/sleepable.bpf.o"
	assert_success
	assert_results sleepable 99 syscall
	assert_views_agree
	assert_calls modkfunc_sleepable_yield modkfunc 1
	assert_calls_of modkfunc_sleepable_yield 1
}
