#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output and status
# modkfunc_ops, the struct_ops type modkfunc defines: a BPF struct_ops map
# implements compute() with modkfunc kfuncs, and modkfunc calls it when a
# number is written to its debugfs file "ops". kfcheck run attaches the
# map; --during makes the call. What the map does to rmmod is in
# lifetime.bats.

setup() {
	load helpers
	requires struct_ops_type
	OBJ=$BPF_OBJS/ops.bpf.o
	OPS=$DEBUGFS/modkfunc/ops
	leak_baseline
}

# call_ops N: kfcheck runs ops.bpf.o and, while its map is attached, writes
# N to the ops file; RESULT becomes what the file then reads.
call_ops() {
	local out=$BATS_TEST_TMPDIR/ops.out
	kfcheck run --set ops_addend=1000 "$OBJ" --during "echo $1 >'$OPS' && cat '$OPS' >'$out'"
	assert_success
	assert_count 1 during status=0
	RESULT=$(<"$out")
}

@test "modkfunc calls compute() of the attached struct_ops map and gets back what the BPF program returned" {
	reset_counters
	call_ops 5
	assert_count 1 struct_ops map=ops_impl
	# (5 + 1000) * 2
	assert_equal "$RESULT" 2010
	assert_calls_of modkfunc_scalar_add 1
	assert_calls_of modkfunc_const_scale 1
	assert_no_leak
}

@test "the struct_ops program's kfunc calls go through modkfunc's fd_array slot and resolve to modkfunc" {
	local func
	call_ops 7
	assert_equal "$RESULT" 2014
	assert_views_agree
	for func in modkfunc_scalar_add modkfunc_const_scale; do
		assert_count 1 kfunc_call prog=ops_compute "func=$func" off=1 btf=modkfunc \
			"resolved=$func" resolved_module=modkfunc
	done
}

@test "with no struct_ops map attached, modkfunc refuses the call with ENOENT" {
	# bash names the errno of a failed write; dash says only "I/O error".
	run bash -c "echo 5 >'$OPS'"
	assert_failure
	assert_output --partial 'No such file or directory'
}

@test "kfcheck refuses a struct_ops object under the light skeleton with one line, and leaks nothing" {
	run_separate "$KFCHECK" run --loader lskel "$OBJ"
	assert_failure 1
	assert_equal "${#stderr_lines[@]}" 1
	assert_equal "$stderr" "kfcheck: $OBJ: a light skeleton cannot hold struct_ops map ops_impl: kfcheck loads struct_ops objects through libbpf only"
	assert_no_leak
}
