#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# Which BTF a kfunc name is found in, and whose its fd_array slot is. A
# prototype that does not match is a negative program (extern_incompatible).

# modkfunc_twin exports modkfunc_same_name, as modkfunc does, and
# modkfunc_shadow the names of vmlinux kfuncs. They are loaded here alone,
# after modkfunc, and each outcome kept for the tests: kernels that keep
# kfunc names unique may refuse them.
setup_file() {
	local mod out
	load helpers
	for mod in modkfunc_twin modkfunc_shadow; do
		out=$BATS_FILE_TMPDIR/$mod
		insmod "$("$MODULES_SH" path "$MODULE_DIR" "$mod")" 2>"$out.err" && : >"$out.loaded"
		# The kernel's reason, if any, is among the last lines it logged.
		dmesg | tail -n 5 >"$out.dmesg"
	done
}

teardown_file() {
	local mod
	for mod in modkfunc_twin modkfunc_shadow; do
		[ ! -d "/sys/module/$mod" ] || rmmod "$mod"
	done
}

setup() {
	load helpers
	reset_counters
	leak_baseline
}

# loaded MODULE FEATURE WHY: MODULE is loaded; else the test is skipped,
# saying WHY, when the message table says this kernel refuses it (FEATURE).
loaded() {
	[ -e "$BATS_FILE_TMPDIR/$1.loaded" ] && return
	message "$2"
	[ "$MSG_BY" = kernel ] || fail "$1 did not load: $(cat "$BATS_FILE_TMPDIR/$1.err")" || return
	skip "this kernel refuses $1 ($2 in messages.tsv): $3"
}

# assert_loaded_as_told MODULE FEATURE: MODULE loaded where the message
# table says no one refuses FEATURE, and was refused with the kernel's
# message where it says the kernel does.
assert_loaded_as_told() {
	local out=$BATS_FILE_TMPDIR/$1
	message "$2"
	case $MSG_BY in
	none)
		[ -e "$out.loaded" ] || fail "$1 did not load: $(cat "$out.err" "$out.dmesg")"
		;;
	kernel)
		[ ! -e "$out.loaded" ] || fail "the kernel loaded $1" || return
		grep -Eq -- "$MSG_TEXT" "$out.dmesg" || fail "no '$MSG_TEXT' in: $(cat "$out.dmesg")" || return
		grep -q "Invalid parameters" "$out.err" || fail "insmod did not fail with $MSG_ERRNO: $(cat "$out.err")"
		;;
	*) fail "messages.tsv: $2 is refused by '$MSG_BY'" ;;
	esac
}

# first_loaded: FIRST becomes whichever of modkfunc and modkfunc_twin has
# the lower BTF object id, and LAST the other.
first_loaded() {
	local ids
	ids=$(bpftool -j btf show | jq -r '[.[] | select(.name == "modkfunc" or .name == "modkfunc_twin")]
		| sort_by(.id) | map(.name) | join(" ")') || fail "bpftool cannot list the BTF objects" || return
	read -r FIRST LAST <<<"$ids"
	[ -n "$LAST" ] || fail "the BTF objects of modkfunc and modkfunc_twin: '$ids'"
}

identity_of() {
	case $1 in
	modkfunc) echo "$MODKFUNC_IDENTITY" ;;
	modkfunc_twin) echo "$MODKFUNC_TWIN_IDENTITY" ;;
	esac
}

# assert_ran_in MODULE OTHER: the run in $output called MODULE's
# modkfunc_same_name, once, and OTHER's not at all.
assert_ran_in() {
	assert_count 1 kfunc_call resolved=modkfunc_same_name resolved_module="$1" || return
	assert_global nl_same $(($(identity_of "$1") << 32 | 0x5151)) || return
	assert_equal "$(calls_of modkfunc_same_name "$1") $(calls_of modkfunc_same_name "$2")" "1 0"
}

@test "a second module exporting a kfunc name modkfunc exports loads where the kernel allows it, and is refused with the kernel's reason where not" {
	assert_loaded_as_told modkfunc_twin kfunc_name_taken
}

@test "a module exporting vmlinux kfuncs' names loads where the kernel allows it, and is refused with the kernel's reason where not" {
	assert_loaded_as_told modkfunc_shadow kfunc_name_in_vmlinux
}

# Both lookups, libbpf's and the kernel's for a light skeleton, search
# vmlinux's BTF before any module's.
@test "a kfunc name vmlinux and a module both export resolves in vmlinux, at off 0, under both loaders" {
	loaded modkfunc_shadow kfunc_name_in_vmlinux "no module may export a vmlinux kfunc's name"
	kfcheck run "$BPF_OBJS/name_lookup.bpf.o" vmlinux_name
	assert_success
	assert_views_agree
	assert_count 1 kfunc_call func="$VMLINUX_ACQUIRE" off=0 btf=vmlinux resolved_module=vmlinux
	assert_global nl_vmlinux "$VMLINUX_PAIR_VALUE"
	kfcheck run --loader lskel "$BPF_OBJS/name_lookup.bpf.o" vmlinux_name
	assert_success
	assert_count 2 loader_call off=0
	assert_count 1 kfunc_call resolved="$VMLINUX_ACQUIRE" off=0 resolved_module=vmlinux
	assert_global nl_vmlinux "$VMLINUX_PAIR_VALUE"
	assert_equal "$(calls_of bpf_task_from_pid modkfunc_shadow) $(calls_of bpf_kfunc_call_test_acquire modkfunc_shadow)" "0 0"
	assert_no_leak
}

# libbpf, and the kernel's lookup for a light skeleton, search the module
# BTFs in id order and take the first loaded. The verifier then finds the
# function's address by name in kallsyms, which lists the last loaded
# module first: a kernel that accepts both modules runs the other one's
# function, which kfcheck reports as a mismatch of the two views.
@test "a kfunc name two modules export is sent with the first-loaded module's BTF, and a kernel that accepts both runs the last-loaded module's function" {
	loaded modkfunc_twin kfunc_name_taken "no two modules may export one kfunc name"
	first_loaded
	kfcheck run "$BPF_OBJS/name_lookup.bpf.o" same_name
	assert_failure 1
	assert_count 1 kfunc_call func=modkfunc_same_name btf="$FIRST" state=MISMATCH
	assert_ran_in "$LAST" "$FIRST"
	[[ $stderr == *"kfcheck: same_name insn "*": sent modkfunc_same_name in $FIRST (off "*"), the kernel resolved modkfunc_same_name [$LAST]"* ]] ||
		fail "kfcheck did not name the mismatch: $stderr"
}

@test "a light skeleton's loader picks the same module BTF for a kfunc name two modules export, and the kernel runs the same last-loaded module's function" {
	local imm
	loaded modkfunc_twin kfunc_name_taken "no two modules may export one kfunc name"
	first_loaded
	kfcheck run "$BPF_OBJS/name_lookup.bpf.o" same_name
	imm=$(values kfunc_call imm)
	reset_counters
	echo 1 >"$DEBUGFS/modkfunc_twin/reset"
	kfcheck run --loader lskel "$BPF_OBJS/name_lookup.bpf.o" same_name
	assert_success
	assert_count 1 loader_call imm="$imm"
	assert_ran_in "$LAST" "$FIRST"
	assert_no_leak
}

# libbpf gives each module one slot of the object's fd_array, in the order
# of the extern names: modkfunc_peer_whoami sorts first.
@test "fd_array slots belong to the object: a program calling only modkfunc calls it at off 2, as the program calling modkfunc_peer took slot 1" {
	require_module modkfunc_peer
	kfcheck run "$BPF_OBJS/name_lookup.bpf.o" calls_peer calls_modkfunc
	assert_success
	assert_views_agree
	assert_count 1 kfunc_call prog=calls_peer off=1 btf=modkfunc_peer resolved_module=modkfunc_peer
	assert_count 1 kfunc_call prog=calls_modkfunc off=2 btf=modkfunc resolved_module=modkfunc
	assert_global nl_peer $((MODKFUNC_PEER_IDENTITY << 32 | 0x5151))
	assert_global nl_modkfunc $((MODKFUNC_IDENTITY << 32 | 0x5151))
}

# gen_loader forgets its kfunc slots after each program's load, closing
# the BTF fds in them: under a light skeleton the slots are the program's.
@test "a light skeleton's loader gives each program its own kfunc slots: two programs calling different modules both call off 64" {
	require_module modkfunc_peer
	kfcheck run --loader lskel "$BPF_OBJS/name_lookup.bpf.o" calls_peer calls_modkfunc
	assert_success
	assert_count 2 loader_call off=64
	assert_count 1 kfunc_call prog=calls_peer off=64 resolved_module=modkfunc_peer
	assert_count 1 kfunc_call prog=calls_modkfunc off=64 resolved_module=modkfunc
	assert_global nl_peer $((MODKFUNC_PEER_IDENTITY << 32 | 0x5151))
	assert_global nl_modkfunc $((MODKFUNC_IDENTITY << 32 | 0x5151))
	assert_no_leak
}
