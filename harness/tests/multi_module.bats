#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# One program, three BTFs: vmlinux (off 0), and two modules in fd_array.

setup() {
	load helpers
	require_module modkfunc_peer
	reset_counters
}

@test "a program calling vmlinux, modkfunc and modkfunc_peer kfuncs uses off 0, 1 and 2" {
	kfcheck_once run --set mm_cookie=0x4242 "$BPF_OBJS/multi_module.bpf.o"
	assert_success
	assert_views_agree
	assert_count 2 kfunc_call off=0 btf=vmlinux
	assert_count 2 kfunc_call off=1 btf=modkfunc
	assert_count 1 kfunc_call off=2 btf=modkfunc_peer
	assert_calls "$VMLINUX_ACQUIRE" vmlinux 1
	assert_calls modkfunc_whoami modkfunc 1
	assert_calls modkfunc_peer_whoami modkfunc_peer 1
}

@test "each module's whoami in the three-module program answers with its own module's identity" {
	kfcheck_once run --set mm_cookie=0x4242 "$BPF_OBJS/multi_module.bpf.o"
	assert_success
	assert_global mm_modkfunc "$(whoami_value "$MODKFUNC_IDENTITY" 0x4242)"
	assert_global mm_peer "$(whoami_value "$MODKFUNC_PEER_IDENTITY" 0x4242)"
	assert_global mm_vmlinux "$VMLINUX_PAIR_VALUE"
	assert_calls_of modkfunc_whoami 1
	assert_calls_of modkfunc_peer_whoami 1
}

@test "the reverse-order program puts modkfunc_peer at off 1 and modkfunc at off 2, and each call still reaches its own module" {
	kfcheck run --set mmr_cookie=7 "$BPF_OBJS/multi_module_reverse.bpf.o"
	assert_success
	assert_views_agree
	assert_count 1 kfunc_call off=1 btf=modkfunc_peer
	assert_count 1 kfunc_call off=2 btf=modkfunc
	assert_global mmr_vmlinux "$VMLINUX_PAIR_VALUE"
	assert_global mmr_modkfunc "$(whoami_value "$MODKFUNC_IDENTITY" 7)"
	assert_global mmr_peer "$(whoami_value "$MODKFUNC_PEER_IDENTITY" 7)"
}

@test "kfcheck --human shows the three-module program one call per row, with off, BTF object and function" {
	run_separate "$KFCHECK" --human load "$BPF_OBJS/multi_module.bpf.o"
	assert_success
	assert_line --index 0 --regexp '^PROG +INSN +OFF +BTF +IMM +SENT +RESOLVED +STATE$'
	assert_equal "$(grep -c '^three_modules ' <<<"$output")" 5
	assert_line --regexp "^three_modules +[0-9]+ +0 vmlinux +[0-9]+ +$VMLINUX_ACQUIRE +$VMLINUX_ACQUIRE \\[vmlinux\\] +match\$"
	assert_line --regexp '^three_modules +[0-9]+ +1 modkfunc +[0-9]+ +modkfunc_whoami +modkfunc_whoami \[modkfunc\] +match$'
	assert_line --regexp '^three_modules +[0-9]+ +2 modkfunc_peer +[0-9]+ +modkfunc_peer_whoami +modkfunc_peer_whoami \[modkfunc_peer\] +match$'
}
