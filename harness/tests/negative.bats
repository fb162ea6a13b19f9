#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# The verifier contract: what the kernel, or libbpf before it, refuses.
# Each reject_*.bpf.c declares its expected outcome with KFCHECK_EXPECT();
# each test asserts the refusal, the message the table gives for it, and
# that nothing was left behind.

setup() {
	load helpers
	leak_baseline
	reset_counters
}

teardown() {
	"$MODULES_SH" load "$MODULE_DIR"
}

# assert_clean_refusal: kfcheck closed every BPF fd, modkfunc holds no
# object, and no program or module reference was left behind.
assert_clean_refusal() {
	[[ $stderr != *"BPF fds still open"* ]] || fail "kfcheck leaked: $stderr"
	assert_equal "$(live_objects)" 0
	assert_no_leak
}

# refused NAME [WRAPPER...]: kfcheck, run through WRAPPER if given, refuses
# reject_NAME.bpf.o the way the program declares.
refused() {
	local feature obj=$BPF_OBJS/reject_$1.bpf.o
	shift
	run --separate-stderr "$@" "$KFCHECK" load "$obj"
	assert_failure 1
	feature=$(records expect | jq -r .feature)
	[ -n "$feature" ] || fail "$obj declares no expected outcome"
	assert_rejected_with "$feature"
	assert_clean_refusal
}

@test "a kfunc called from a program type its set is not registered for is refused" {
	refused pkt_from_syscall
}

@test "a program that is not GPL-compatible may not call kfuncs" {
	refused non_gpl
}

@test "a scalar passed where a pointer to a module struct is expected is refused" {
	refused scalar_as_pointer
}

@test "an acquired object that no path releases is refused" {
	refused unreleased
}

@test "releasing an object the program no longer holds is refused" {
	refused release_unacquired
}

@test "a KF_RET_NULL result used without a NULL check is refused" {
	refused ret_null_unchecked
}

@test "a sleepable kfunc called from a non-sleepable program is refused" {
	refused sleepable_from_tc
}

@test "a destructive kfunc is refused with EACCES when the loader lacks CAP_SYS_BOOT" {
	refused destructive_no_cap setpriv --bounding-set -sys_boot --inh-caps -sys_boot
}

@test "a value computed at run time passed to a __k argument is refused" {
	requires const_arg_k
	refused nonconst_k
}

@test "a __sz size beyond the buffer it describes is refused" {
	refused sz_out_of_bounds
}

@test "a strong extern that no BTF has is refused by libbpf before the kernel sees it" {
	refused strong_missing
}

@test "a reachable call to an unresolved weak kfunc is refused" {
	requires weak_kfunc_marked
	refused weak_reachable
}

@test "a program that uses modkfunc while modkfunc is not loaded is refused by libbpf" {
	"$MODULES_SH" unload "$MODULE_DIR"
	kfcheck load "$BPF_OBJS/scalar.bpf.o"
	assert_failure 1
	assert_rejected_with extern_not_found
	[[ $stderr == *"no loaded module provides modkfunc_scalar_add"* ]] || fail "no diagnosis in: $stderr"
	assert_equal "$(prog_ids)" "$BASE_PROGS"
}

@test "an unprivileged user cannot load a kfunc program" {
	run --separate-stderr setpriv --reuid 65534 --regid 65534 --clear-groups \
		"$KFCHECK" load "$BPF_OBJS/scalar.bpf.o"
	assert_failure 1
	assert_rejected_with unprivileged_load
	assert_clean_refusal
}
