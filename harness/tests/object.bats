#!/usr/bin/env bats
# KF_ACQUIRE | KF_RET_NULL, KF_RELEASE and a trusted argument, from every
# program type.

setup() {
	load helpers
	reset_counters
}

@test "an acquired object's tag comes back through the trusted modkfunc_obj_tag in every program type" {
	kfcheck_once run --set object_tag=77 "$BPF_OBJS/object.bpf.o"
	assert_success
	assert_results object 77 "${ALL_TYPES[@]}"
	assert_views_agree
	assert_calls modkfunc_obj_acquire modkfunc 5
	assert_calls modkfunc_obj_tag modkfunc 5
	assert_calls modkfunc_obj_release modkfunc 5
}

@test "every object a program acquires is released, so modkfunc's live count returns to zero" {
	assert_equal "$(live_objects)" 0
	kfcheck_once run --set object_tag=77 "$BPF_OBJS/object.bpf.o"
	assert_success
	assert_calls_of modkfunc_obj_acquire 5
	assert_calls_of modkfunc_obj_release 5
	assert_equal "$(live_objects)" 0
}

@test "a failed acquire returns NULL and the program takes its NULL branch" {
	kfcheck run --set object_tag=0 "$BPF_OBJS/object.bpf.o"
	assert_success
	assert_results object 0 "${ALL_TYPES[@]}"
	assert_calls_of modkfunc_obj_tag 0
	assert_equal "$(live_objects)" 0
}
