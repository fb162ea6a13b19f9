#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# kfcheck's cross-check: the sent view must name what the resolved view
# names, or kfcheck fails whatever else a test asserts.

setup() {
	load helpers
	require_module modkfunc_peer
}

@test "the sent imm of a modkfunc call is the id modkfunc's own BTF gives that kfunc" {
	local id
	id=$(bpftool -j -B /sys/kernel/btf/vmlinux btf dump file /sys/kernel/btf/modkfunc |
		jq '.types[] | select(.kind == "FUNC" and .name == "modkfunc_whoami") | .id')
	kfcheck load "$BPF_OBJS/multi_module.bpf.o"
	assert_success
	assert_equal "$(values kfunc_call imm func=modkfunc_whoami)" "$id"
}

@test "kfcheck fails when the kernel's call target is another module's function" {
	# The same kernel, seen through a kallsyms where modkfunc_whoami's
	# address belongs to modkfunc_peer.
	awk '$3 == "modkfunc_whoami" && $4 == "[modkfunc]" { $3 = "modkfunc_peer_whoami"; $4 = "[modkfunc_peer]" } { print }' \
		/proc/kallsyms >"$BATS_TEST_TMPDIR/kallsyms"
	KFCHECK_KALLSYMS=$BATS_TEST_TMPDIR/kallsyms kfcheck load "$BPF_OBJS/multi_module.bpf.o"
	assert_failure 1
	assert_count 1 kfunc_call state=MISMATCH
	[[ $stderr == *"sent modkfunc_whoami in modkfunc (off 1), the kernel resolved modkfunc_peer_whoami [modkfunc_peer]"* ]] ||
		fail "no mismatch line in: $stderr"
}
