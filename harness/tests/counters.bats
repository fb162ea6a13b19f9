#!/usr/bin/env bats
# modkfunc's debugfs: a call count per kfunc, the live objects, a reset.

setup() {
	load helpers
}

@test "modkfunc's debugfs lists one call count per kfunc and a live-object count" {
	run cat /sys/kernel/debug/modkfunc/calls
	assert_success
	# The kfuncs modkfunc.c counts: every one but modkfunc_nop.
	assert_equal "${#lines[@]}" 12
	refute_line --regexp '^[^ ]+ [^0-9]'
	assert_line --regexp '^modkfunc_scalar_add [0-9]+$'
	assert_output --regexp '(^|'$'\n'')modkfunc_pkt_tag [0-9]+'
	run cat /sys/kernel/debug/modkfunc/live
	assert_output --regexp '^[0-9]+$'
}

@test "writing modkfunc's reset file zeroes every call count" {
	kfcheck run "$BPF_OBJS/scalar.bpf.o"
	assert_success
	[ "$(calls_of modkfunc_scalar_add)" -gt 0 ]
	reset_counters
	run awk '$2 != 0' /sys/kernel/debug/modkfunc/calls
	assert_output ""
}
