# shellcheck shell=bash
# The running kernel's state as the tests see it: the modules, their
# debugfs counters, loaded programs and module references.
# shellcheck disable=SC2034 # the VMLINUX_* values are for the test files

# require_module NAME: fails, naming the module, if it is not loaded.
require_module() {
	[ -d "/sys/module/$1" ] ||
		fail "$1 is not loaded: load it with 'make load' before 'make check'"
}

DEBUGFS=/sys/kernel/debug

# calls_value KFUNC [MODULE]: CALLS becomes how often MODULE's debugfs
# says KFUNC was called, by default the module KFUNC is named for; as it
# said right after the run, for a run kept by kfcheck_once.
calls_value() {
	local module=modkfunc file name n
	[[ $1 == modkfunc_peer_* ]] && module=modkfunc_peer
	file=$DEBUGFS/${2:-$module}/calls
	[ -z "${RUN_KEPT:-}" ] || file=$RUN_KEPT/calls
	while read -r name n; do
		[ "$name" != "$1" ] || { CALLS=$n; return 0; }
	done <"$file"
	fail "$file has no $1"
}

# calls_of KFUNC [MODULE]: calls_value, printed.
calls_of() {
	calls_value "$@" || return
	echo "$CALLS"
}

# assert_calls_of KFUNC N
assert_calls_of() {
	calls_value "$1" || return
	[ "$CALLS" = "$2" ] || fail "calls of $1: expected $2, actual $CALLS"
}

live_objects() {
	local n
	read -r n <"${RUN_KEPT:-$DEBUGFS/modkfunc}/live"
	echo "$n"
}

# objects_freed_soon: modkfunc's live count is back to 0 within five
# seconds. A map that owned objects is freed, and its kptrs' destructors
# run, from a deferred work item after its last reference is dropped.
objects_freed_soon() {
	local try
	for try in {1..50}; do
		[ "$(live_objects)" != 0 ] || return 0
		sleep 0.1
	done
	fail "modkfunc still had $(live_objects) live objects 5 s after the last map holding them was dropped"
}

# keep_counters DIR: the modules' call counts and live objects, into DIR.
keep_counters() {
	cat "$DEBUGFS/modkfunc/calls" "$DEBUGFS/modkfunc_peer/calls" >"$1/calls" &&
		cp "$DEBUGFS/modkfunc/live" "$1/live"
}

# whoami_value ID COOKIE: what a whoami kfunc returns for COOKIE.
whoami_value() {
	echo $(($1 << 32 | $2))
}

reset_counters() {
	echo 1 >"$DEBUGFS/modkfunc/reset"
	echo 1 >"$DEBUGFS/modkfunc_peer/reset"
}

# prog_ids: PROG_IDS becomes the loaded programs, as "ID:NAME" words, and
# the links, as "link:ID:PROG_ID", from kfcheck progs: bpftool prog show
# would load a BPF iterator each time.
prog_ids() {
	local line ids=()
	"$KFCHECK" progs >"$BATS_TEST_TMPDIR/progs" || fail "kfcheck progs failed"
	while IFS= read -r line; do
		if [[ $line =~ \"id\":([0-9]+),\"name\":\"([^\"]*)\" ]]; then
			ids+=("${BASH_REMATCH[1]}:${BASH_REMATCH[2]}")
		elif [[ $line =~ \"id\":([0-9]+),\"prog_id\":([0-9]+) ]]; then
			ids+=("link:${BASH_REMATCH[1]}:${BASH_REMATCH[2]}")
		fi
	done <"$BATS_TEST_TMPDIR/progs"
	PROG_IDS=${ids[*]}
}

# assert_progs_unchanged: the loaded programs are BASE_PROGS, those
# leak_baseline found.
assert_progs_unchanged() {
	prog_ids
	assert_equal "$PROG_IDS" "$BASE_PROGS"
}

# refcounts: REFCNT and PEER_REFCNT become modkfunc's and modkfunc_peer's
# module reference counts.
refcounts() {
	read -r REFCNT </sys/module/modkfunc/refcnt
	read -r PEER_REFCNT </sys/module/modkfunc_peer/refcnt
}

# leak_baseline / assert_no_leak: no program, link or module reference left
# behind by what ran in between.
leak_baseline() {
	prog_ids
	BASE_PROGS=$PROG_IDS
	refcounts
	BASE_REFCNT=$REFCNT BASE_PEER_REFCNT=$PEER_REFCNT
}

# A freed program drops its module references from a deferred work item,
# so the counts are given two seconds to settle.
assert_no_leak() {
	local _
	for _ in {1..20}; do
		refcounts
		[ "$REFCNT" = "$BASE_REFCNT" ] && [ "$PEER_REFCNT" = "$BASE_PEER_REFCNT" ] && break
		sleep 0.1
	done
	assert_progs_unchanged
	assert_equal "$REFCNT" "$BASE_REFCNT"
	assert_equal "$PEER_REFCNT" "$BASE_PEER_REFCNT"
}

# The vmlinux acquire/release pair the multi-module programs call at off 0
# (see vmlinux_pair() in bpf_progs/modkfunc.bpf.h), and what it returns.
IFS= read -r -d '' VMLINUX_KFUNCS <"$MODKFUNC_KFUNCS/vmlinux_kfuncs.h" || :
if [[ $VMLINUX_KFUNCS == *HAVE_KFUNC_bpf_task_from_pid* ]]; then
	VMLINUX_ACQUIRE=bpf_task_from_pid VMLINUX_PAIR_VALUE=1
else
	VMLINUX_ACQUIRE=bpf_kfunc_call_test_acquire VMLINUX_PAIR_VALUE=42
fi
