#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# kfcheck list: what an object holds and what its programs declare, read
# from the object's BTF without loading anything.

setup() {
	load helpers
}

@test "kfcheck list names each program with its section, type and kfcheck tags, without privilege" {
	run_separate setpriv --reuid 65534 --regid 65534 --clear-groups \
		"$KFCHECK" list "$BPF_OBJS/negative.bpf.o" nonconst_k sleepable_from_tc
	assert_success
	assert_count 2 program
	assert_equal "$(records program prog=nonconst_k | jq -c '[.section, .type, .reject, .needs]')" \
		'["syscall","syscall","kfunc_nonconst_k","const_arg_k"]'
	assert_equal "$(records program prog=sleepable_from_tc | jq -c '[.section, .type, .reject, .needs]')" \
		'["tc","sched_cls","kfunc_sleepable_from_non_sleepable",null]'
}

@test "a program without tags is listed with its own fields only" {
	kfcheck list "$BPF_OBJS/scalar.bpf.o" scalar_syscall
	assert_success
	assert_equal "$(records program | jq -c 'keys')" '["event","prog","section","type"]'
}

@test "kfcheck list --human prints one line per program with its tags" {
	run_separate "$KFCHECK" --human list "$BPF_OBJS/negative.bpf.o" destructive_no_cap
	assert_success
	assert_output --regexp '^program destructive_no_cap \(syscall, syscall\) .*reject=kfunc_destructive_no_cap_sys_boot without_cap=sys_boot$'
}
