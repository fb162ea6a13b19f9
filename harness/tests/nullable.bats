#!/usr/bin/env bats
# A __nullable argument, given NULL and given an object.

setup() {
	load helpers
	reset_counters
}

@test "modkfunc_obj_tag_or returns the fallback for NULL and the tag for an object in every program type" {
	requires nullable_arg
	kfcheck run --set nullable_fallback=4 --set nullable_tag=2 "$BPF_OBJS/nullable.bpf.o"
	assert_success
	# fallback * 100 + tag
	assert_results nullable 402 "${ALL_TYPES[@]}"
	assert_views_agree
	assert_calls modkfunc_obj_tag_or modkfunc 10
	assert_calls modkfunc_obj_acquire modkfunc 5
	assert_calls modkfunc_obj_release modkfunc 5
	assert_calls_of modkfunc_obj_tag_or 10
	assert_equal "$(live_objects)" 0
}
