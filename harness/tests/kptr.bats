#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output and status
# A modkfunc object owned by a map, in a referenced kptr field: moved in and
# out with bpf_kptr_xchg(), and freed by modkfunc's destructor when the map
# goes with the object still in it. lifetime.bats has what the map's hold
# on the module does to rmmod; negative_kptr.bpf.c has the refusals.

setup() {
	load helpers
	requires kptr_field
	OBJ=$BPF_OBJS/kptr.bpf.o
	reset_counters
	leak_baseline
}

@test "an object one program moves into a map is taken out by the next, which reads its tag and releases it" {
	kfcheck run --set kptr_tag=77 "$OBJ"
	assert_success
	assert_global kptr_stored 1
	assert_global kptr_taken 77
	assert_views_agree
	assert_calls_of modkfunc_obj_acquire 1
	assert_calls_of modkfunc_obj_release 1
	assert_calls_of modkfunc_obj_dtor 0
	assert_equal "$(live_objects)" 0
	assert_no_leak
}

@test "storing into an occupied kptr field hands back the object it held, which the program must release" {
	kfcheck run --repeat 2 --set kptr_tag=5 "$OBJ"
	assert_success
	assert_global kptr_stored 2
	assert_global kptr_taken 5
	assert_calls_of modkfunc_obj_acquire 2
	assert_calls_of modkfunc_obj_release 2
	assert_equal "$(live_objects)" 0
}

@test "an object left in the map is live while the map is, and modkfunc's destructor frees it with the map" {
	local live=$BATS_TEST_TMPDIR/live
	kfcheck run --set kptr_tag=9 "$OBJ" kptr_store --during "cat '$DEBUGFS/modkfunc/live' >'$live'"
	assert_success
	assert_count 1 during status=0
	assert_equal "$(<"$live")" 1
	objects_freed_soon
	assert_calls_of modkfunc_obj_dtor 1
	assert_calls_of modkfunc_obj_release 0
	assert_no_leak
}
