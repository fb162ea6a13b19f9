#!/usr/bin/env bats
# RCU and module kfuncs, from every program type: an RCU pointer for a
# KF_RCU argument, and a KF_RCU_PROTECTED result. What the verifier refuses
# outside a read section is tagged in negative_rcu.bpf.c and
# negative_rcu_result.bpf.c.

setup() {
	load helpers
}

@test "a task's group_leader read under bpf_rcu_read_lock is accepted for a KF_RCU argument, and is kfcheck's own process" {
	requires rcu_kfunc_arg
	kfcheck_once run "$BPF_OBJS/rcu.bpf.o"
	assert_success
	global_value kfcheck_tgid
	[ "$GLOBAL" -gt 1 ] || fail "kfcheck_tgid is $GLOBAL"
	# Each program's result is the tgid the kfunc returned, less kfcheck's.
	assert_results rcu 0 "${ALL_TYPES[@]}"
	assert_calls_of modkfunc_task_tgid 5
	assert_views_agree
	assert_calls modkfunc_task_tgid modkfunc 5
}

@test "a KF_RCU_PROTECTED result is usable inside the read section, by field and by a KF_RCU argument" {
	requires rcu_result
	kfcheck_once run "$BPF_OBJS/rcu_result.bpf.o"
	assert_success
	assert_results rcu_result $((MODKFUNC_RCU_TAG)) "${ALL_TYPES[@]}"
	assert_calls_of modkfunc_rcu_obj 5
	assert_calls_of modkfunc_obj_tag_rcu 5
	assert_views_agree
	assert_calls modkfunc_rcu_obj modkfunc 5
}
