#!/usr/bin/env bats
# kfunc calls inside subprograms, static and global, appended by libbpf to
# each of two programs (bpf_progs/subprog.bpf.c); the light skeleton's
# behaviour is compared in loaders.bats.

setup() {
	load helpers
	require_module modkfunc_peer
	reset_counters
}

@test "kfunc calls in static and global subprograms run from both programs that call them" {
	kfcheck_once run "$BPF_OBJS/subprog.bpf.o"
	assert_success
	# (10 * 3) + 1 and (20 * 3) + 1
	assert_global sub_syscall_res 31
	assert_global sub_tc_res 61
	local ids=$((MODKFUNC_IDENTITY << 32 | MODKFUNC_PEER_IDENTITY))
	assert_global sub_syscall_ids "$ids"
	assert_global sub_tc_ids "$ids"
	assert_calls_of modkfunc_scalar_add 2
	assert_calls_of modkfunc_peer_whoami 2
}

@test "each program's copy of a subprogram's kfunc call keeps its module's off and resolves there" {
	kfcheck_once run "$BPF_OBJS/subprog.bpf.o"
	assert_success
	assert_views_agree
	local prog
	for prog in sub_syscall sub_tc; do
		assert_count 4 kfunc_call "prog=$prog" || return
		assert_count 3 kfunc_call "prog=$prog" off=1 btf=modkfunc resolved_module=modkfunc || return
		assert_count 1 kfunc_call "prog=$prog" off=2 btf=modkfunc_peer \
			resolved=modkfunc_peer_whoami resolved_module=modkfunc_peer || return
	done
}
