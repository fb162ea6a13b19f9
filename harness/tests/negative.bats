#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# Refusals that need no negative program of their own: the module is not
# there, or the user may not load BPF. The tagged negative programs, each a
# test of its own, are in negative_programs.bats, which the build makes.

load refusal

@test "a program that uses modkfunc while modkfunc is not loaded is refused by libbpf" {
	"$MODULES_SH" unload "$MODULE_DIR"
	kfcheck load "$BPF_OBJS/scalar.bpf.o"
	assert_failure 1
	assert_rejected_with extern_not_found
	[[ $stderr == *"no loaded module provides modkfunc_scalar_add"* ]] || fail "no diagnosis in: $stderr"
	assert_progs_unchanged
}

# What this proves is the kernel's policy, not kfunc handling: with
# unprivileged BPF off, libbpf's first probe is refused, before any kfunc
# or module BTF is looked at.
@test "an unprivileged user is refused at libbpf's first probe, before any kfunc, because unprivileged BPF is off" {
	local disabled
	read -r disabled </proc/sys/kernel/unprivileged_bpf_disabled
	[ "$disabled" != 0 ] || fail "unprivileged BPF is on: kernel.unprivileged_bpf_disabled is 0"
	run_separate setpriv --reuid 65534 --regid 65534 --clear-groups \
		"$KFCHECK" load "$BPF_OBJS/scalar.bpf.o"
	assert_failure 1
	assert_rejected_with unprivileged_load
	assert_clean_refusal
}
