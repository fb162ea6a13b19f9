#!/usr/bin/env bats
# __weak kfuncs, present and missing, tested with bpf_ksym_exists().

setup() {
	load helpers
	reset_counters
}

@test "a weak kfunc that modkfunc has is found by bpf_ksym_exists and called" {
	requires ksym_exists_kfunc
	kfcheck run --set weak_value=10 "$BPF_OBJS/weak_present.bpf.o"
	assert_success
	assert_views_agree
	assert_global weak_present_res 21
	assert_count 1 ksym kind=func name=modkfunc_pkt_tag btf=modkfunc
	assert_calls_of modkfunc_pkt_tag 1
}

@test "a weak kfunc no module has leaves its call unreachable and the program loads" {
	kfcheck run "$BPF_OBJS/weak_missing.bpf.o"
	assert_success
	assert_global weak_missing_res 99
	assert_weak_call_dropped
}

# libbpf 1.2 and later send the dead call as a helper call; a light
# skeleton's loader keeps it a kfunc call, which it writes when the lookup
# fails: no BTF id, no slot.
@test "a light skeleton's loader writes a weak kfunc no module has as a call with imm 0 and off 0, and the program loads" {
	kfcheck run --loader lskel "$BPF_OBJS/weak_missing.bpf.o"
	assert_success
	assert_count 1 loader_call
	assert_count 1 loader_call imm=0 off=0
	assert_count 1 loader_slots kfunc_slots=
	assert_global weak_missing_res 99
}
