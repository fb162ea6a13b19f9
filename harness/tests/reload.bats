#!/usr/bin/env bats
# How the kernel reads insn->off: the three-module program's instructions
# reloaded with a chosen fd_array and patched offsets. Every case must
# leave no program and no module reference behind.

setup() {
	load helpers
	require_module modkfunc_peer
	leak_baseline
}

# reload ARGS...: reloads three_modules with ARGS.
reload() {
	kfcheck reload "$@" "$BPF_OBJS/multi_module.bpf.o" three_modules
}

# rejected_with FEATURE ARGS...: the reload with ARGS is refused as the
# message table says for FEATURE, and leaks nothing.
rejected_with() {
	local feature=$1
	shift
	reload "$@"
	assert_failure 1
	assert_rejected_with "$feature"
	assert_count 0 load accepted=true
	assert_no_leak
}

@test "moving modkfunc's BTF to another fd_array slot, with off patched to match, loads and resolves to the same functions" {
	reload --fd-array 0,modkfunc_peer,modkfunc --off 1=2 --off 2=1
	assert_success
	assert_count 1 load accepted=true
	assert_views_agree
	assert_count 2 kfunc_call off=2 btf=modkfunc resolved_module=modkfunc
	assert_count 1 kfunc_call off=1 btf=modkfunc_peer resolved=modkfunc_peer_whoami
	assert_no_leak
}

# The outcome of reading modkfunc's BTF ids in modkfunc_peer's BTF depends
# on what happens to sit at those ids there: the verifier takes the calls
# in order and stops at the first it cannot accept.
@test "off pointing at modkfunc_peer's BTF makes the kernel look modkfunc's ids up in the wrong module" {
	local peer imm type expect=accepted
	kfcheck load "$BPF_OBJS/multi_module.bpf.o"
	assert_success
	peer=$(bpftool -j -B /sys/kernel/btf/vmlinux btf dump file /sys/kernel/btf/modkfunc_peer)
	for imm in $(values kfunc_call imm off=1); do
		type=$(jq -r --argjson id "$imm" '.types[] | select(.id == $id) | "\(.kind) \(.name)"' <<<"$peer")
		case $type in
		"FUNC modkfunc_peer_whoami") ;;
		"FUNC "*) expect=off_wrong_module_not_allowed && break ;;
		*) expect=off_wrong_module_not_func && break ;;
		esac
	done
	if [ "$expect" = accepted ]; then
		reload --fd-array 0,modkfunc_peer,modkfunc_peer
		assert_success
		assert_count 2 kfunc_call off=1 resolved=modkfunc_peer_whoami
		assert_no_leak
	else
		rejected_with "$expect" --fd-array 0,modkfunc_peer,modkfunc_peer
	fi
}

@test "an off past the end of fd_array is rejected" {
	rejected_with off_past_fd_array --fd-array 0,modkfunc
}

@test "a negative off is rejected" {
	rejected_with off_negative --off 1=-1
}

@test "an off above 0 with no fd_array is rejected" {
	rejected_with off_no_fd_array --fd-array null
}

@test "an fd_array slot holding an fd that is not BTF is rejected" {
	rejected_with off_not_btf --fd-array 0,nonbtf,nonbtf
}

@test "an fd_array slot holding no open fd is rejected" {
	rejected_with off_bad_fd --fd-array 0,-1,-1
}

@test "an fd_array slot holding vmlinux's BTF is rejected" {
	rejected_with off_vmlinux_btf --fd-array 0,vmlinux,vmlinux
}
