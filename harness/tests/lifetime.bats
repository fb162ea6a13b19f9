#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output and status
# How long a module lives while BPF uses it: the module references a loaded
# program takes, that rmmod is refused while they are held and succeeds
# soon after they are dropped, and what a load gets from a module that is
# not live: unloaded since libbpf opened its BTF, still in its init, or in
# its exit (modkfunc_gate). Every test leaves the modules as make load did.

setup() {
	load helpers
	require_module modkfunc_peer
	OBJ=$BPF_OBJS/lifetime.bpf.o
	GATE_KO=$("$MODULES_SH" path "$MODULE_DIR" modkfunc_gate)
	PIN=/sys/fs/bpf/modkfunc_lifetime
	leak_baseline
}

teardown() {
	rm -f "$PIN"
	open_gate
	[ ! -d /sys/module/modkfunc_gate ] || rmmod modkfunc_gate
	"$MODULES_SH" load "$MODULE_DIR"
}

# unload_file / join_unloads: a command kfcheck runs while it loads writes
# unload records to $UNLOADS, which then join kfcheck's own in $output.
unload_file() {
	UNLOADS=$BATS_TEST_TMPDIR/unloads
	: >"$UNLOADS"
}

join_unloads() {
	output+=$'\n'$(<"$UNLOADS")
	split_output
}

# hold PROG...: runs PROGs of lifetime.bpf.o and, while they are loaded,
# tries to unload modkfunc and modkfunc_peer; the unload records join
# $output.
hold() {
	unload_file
	kfcheck run "$OBJ" "$@" --during \
		"'$KFCHECK' unload modkfunc >>'$UNLOADS'; '$KFCHECK' unload modkfunc_peer >>'$UNLOADS'"
	assert_success
	join_unloads
}

# assert_held MODULE REFS: the unload of MODULE was refused with EAGAIN, as
# rmmod is, while it had REFS references more than before the test.
assert_held() {
	local base=$BASE_REFCNT
	[ "$1" = modkfunc ] || base=$BASE_PEER_REFCNT
	assert_count 1 unload module="$1" accepted=false error=EAGAIN refcnt=$((base + $2))
}

# unloads_soon MODULE: MODULE unloads within five seconds: the last
# program to hold it drops its references from a deferred work item.
unloads_soon() {
	local try out=$BATS_TEST_TMPDIR/unload.$1
	for try in {1..50}; do
		"$KFCHECK" unload "$1" >"$out" && return 0
		is_record "$(<"$out")" unload error=EAGAIN || fail "unloading $1: $(<"$out")" || return
		[ "$try" -eq 50 ] || sleep 0.1
	done
	fail "$1 was still held 5 s after its programs were closed: $(<"$out")"
}

# refcnt_soon N: modkfunc's refcnt comes down to N within five seconds, as
# the programs of a loader that exited drop theirs from deferred work.
refcnt_soon() {
	local try refcnt
	for try in {1..50}; do
		read -r refcnt </sys/module/modkfunc/refcnt
		[ "$refcnt" != "$1" ] || return 0
		sleep 0.1
	done
	fail "modkfunc's refcnt was $refcnt 5 s after its loader exited, not $1"
}

@test "a program calling a modkfunc kfunc holds one reference on modkfunc: rmmod is refused with EAGAIN until the program is closed" {
	hold hold_kfunc
	# The low half of modkfunc_whoami(0x11fe).
	assert_count 1 run prog=hold_kfunc ok=true retval=$((0x11fe))
	assert_held modkfunc 1
	assert_count 1 unload module=modkfunc_peer accepted=true
	unloads_soon modkfunc
}

@test "a program calling two kfuncs of modkfunc still holds one reference: one per module BTF, not per kfunc" {
	hold hold_two_kfuncs
	assert_held modkfunc 1
	unloads_soon modkfunc
}

@test "two programs calling modkfunc hold two references, one each" {
	hold hold_kfunc hold_two_kfuncs
	assert_held modkfunc 2
	unloads_soon modkfunc
}

@test "a program holding only a typed ksym of modkfunc holds one reference, as a kfunc call does" {
	hold hold_ksym
	assert_count 0 kfunc_call
	assert_count 1 ksym name=modkfunc_pcpu_stats btf=modkfunc
	assert_held modkfunc 1
	unloads_soon modkfunc
}

@test "a program with a kfunc call and a typed ksym of modkfunc holds two references: the kfunc's and the ksym's are kept apart" {
	hold hold_kfunc_and_ksym
	assert_held modkfunc 2
	unloads_soon modkfunc
}

@test "a program calling kfuncs of both modules holds one reference on each, and neither unloads until it is closed" {
	hold hold_both_modules
	assert_held modkfunc 1
	assert_held modkfunc_peer 1
	unloads_soon modkfunc
	unloads_soon modkfunc_peer
}

@test "a pinned map that owns a modkfunc object in a kptr field holds modkfunc: rmmod is refused until the map is freed, and its destructor runs first" {
	requires kptr_field
	reset_counters
	kfcheck run "$BPF_OBJS/kptr.bpf.o" kptr_store --during "bpftool map pin name kptr_map '$PIN'"
	assert_success
	assert_count 1 during status=0
	refcnt_soon $((BASE_REFCNT + 2))
	run_separate "$KFCHECK" unload modkfunc
	assert_failure 1
	# Two references: the map's record of its kptr field, and the record
	# the kernel keeps of struct kptr_slot in the object's BTF (struct
	# metas), which the map holds. Each takes the module of the kptr's type.
	assert_count 1 unload module=modkfunc accepted=false error=EAGAIN refcnt=$((BASE_REFCNT + 2))
	assert_equal "$(live_objects)" 1
	rm "$PIN"
	objects_freed_soon
	assert_calls_of modkfunc_obj_dtor 1
	unloads_soon modkfunc
}

@test "an attached struct_ops map of modkfunc's type holds modkfunc: rmmod is refused until the map is gone" {
	requires struct_ops_type
	unload_file
	kfcheck run "$BPF_OBJS/ops.bpf.o" --during "'$KFCHECK' unload modkfunc >>'$UNLOADS'"
	assert_success
	join_unloads
	assert_count 1 struct_ops map=ops_impl
	# Two references: the program's, for its modkfunc kfunc calls, as any
	# program's; and the map's, on the module that owns its type.
	assert_held modkfunc 2
	unloads_soon modkfunc
}

@test "a pinned program holds modkfunc after its loader has exited, until it is unpinned" {
	kfcheck run "$OBJ" hold_kfunc --during "bpftool prog pin name hold_kfunc '$PIN'"
	assert_success
	assert_count 1 during status=0
	run_separate "$KFCHECK" unload modkfunc
	assert_failure 1
	assert_count 1 unload module=modkfunc accepted=false error=EAGAIN refcnt=$((BASE_REFCNT + 1))
	rm "$PIN"
	unloads_soon modkfunc
}

# unloaded_under_load PROG: loads PROG of lifetime.bpf.o, with modkfunc
# unloaded after libbpf opened its BTF and right before the kernel gets the
# load; the load is refused as the message table says for FEATURE, and
# nothing is left behind once the modules are back.
unloaded_under_load() {
	unload_file
	kfcheck load "$OBJ" "$1" --before-load "'$KFCHECK' unload modkfunc >>'$UNLOADS'"
	assert_failure 1
	join_unloads
	assert_count 1 unload module=modkfunc accepted=true
	assert_rejected_with "$2"
	"$MODULES_SH" load "$MODULE_DIR"
	assert_no_leak
}

@test "a module BTF fd libbpf opened before the module was unloaded is refused in fd_array, and nothing is left behind" {
	unloaded_under_load hold_kfunc module_gone_btf_fd
	# The fd still names modkfunc's BTF, which left the id table with
	# the module: its id reads 0.
	assert_count 1 kfunc_call prog=hold_kfunc btf=modkfunc btf_id=0
}

@test "a typed ksym whose module was unloaded after libbpf opened its BTF is refused: the kernel finds no address for it" {
	unloaded_under_load hold_ksym module_gone_ksym
	assert_count 1 ksym prog=hold_ksym btf=modkfunc btf_id=0
}

# btf_id_of PROG: the BTF object id PROG's load sent for modkfunc.
btf_id_of() {
	kfcheck run "$OBJ" "$1"
	assert_success
	assert_count 1 kfunc_call prog="$1" btf=modkfunc resolved=modkfunc_whoami resolved_module=modkfunc
	assert_count 1 run prog="$1" ok=true
	scan print kfunc_call prog="$1"
	field "$SCAN_OUT" btf_id
}

@test "after modkfunc is reloaded its BTF object has a new id, and a new program resolves in the new module" {
	local before after
	before=$(btf_id_of hold_kfunc)
	unloads_soon modkfunc
	"$MODULES_SH" load "$MODULE_DIR" modkfunc
	after=$(btf_id_of hold_kfunc)
	[ "$after" != "$before" ] || fail "modkfunc's BTF id is still $before after a reload"
}

# gate_state STATE: modkfunc_gate's initstate reaches STATE within 10 s.
gate_state() {
	local try state
	for try in {1..100}; do
		read -r state 2>/dev/null </sys/module/modkfunc_gate/initstate && [ "$state" = "$1" ] && return 0
		sleep 0.1
	done
	fail "modkfunc_gate is not $1 (initstate: ${state:-none})"
}

# open_gate: lets a waiting init or exit of modkfunc_gate go on, and waits
# for the insmod or unload that waited on it.
open_gate() {
	[ ! -e /sys/module/modkfunc_gate/parameters/open ] || echo 1 >/sys/module/modkfunc_gate/parameters/open
	[ -z "${GATE_PID:-}" ] || wait "$GATE_PID"
}

# gate_load: loads and runs gate.bpf.o, which calls modkfunc_gate.
gate_load() {
	kfcheck run "$BPF_OBJS/gate.bpf.o"
}

@test "a load while modkfunc_gate is still in its init is refused by the kernel, and loads once the init is done" {
	insmod "$GATE_KO" hold=init >"$BATS_TEST_TMPDIR/insmod.out" 2>&1 3>&- &
	GATE_PID=$!
	gate_state coming
	gate_load
	assert_failure 1
	assert_count 1 kfunc_call btf=modkfunc_gate func=modkfunc_gate_whoami
	assert_rejected_with module_not_live
	assert_no_leak
	open_gate
	GATE_PID=''
	gate_state live
	gate_load
	assert_success
	assert_global gate_result "$(whoami_value "$MODKFUNC_GATE_IDENTITY" 0x9a7e)"
	unloads_soon modkfunc_gate
}

@test "a load while modkfunc_gate is in its exit is refused by the kernel, and the module is gone once the exit is done" {
	insmod "$GATE_KO" hold=exit
	"$KFCHECK" unload modkfunc_gate >"$BATS_TEST_TMPDIR/unload.gate" 2>&1 3>&- &
	GATE_PID=$!
	gate_state going
	gate_load
	assert_failure 1
	assert_rejected_with module_not_live
	assert_no_leak
	open_gate
	GATE_PID=''
	is_record "$(<"$BATS_TEST_TMPDIR/unload.gate")" unload module=modkfunc_gate accepted=true ||
		fail "unloading modkfunc_gate: $(<"$BATS_TEST_TMPDIR/unload.gate")"
	[ ! -d /sys/module/modkfunc_gate ] || fail "modkfunc_gate is still loaded after its exit"
}
