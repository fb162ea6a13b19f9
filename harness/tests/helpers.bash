# shellcheck shell=bash
# Loaded by every test file: assertions, where the built tree is, and the
# helpers that read kfcheck's JSON, the kernel and the modules' counters.
# shellcheck disable=SC2034 # the paths are for the test files
# shellcheck disable=SC2154 # bats sets output, stderr and status
# run --separate-stderr keeps kfcheck's JSON (stdout) apart from its errors.
bats_require_minimum_version 1.5.0
load assertions

: "${MODKFUNC_BUILD:?run the suite through 'make check'}"
KFCHECK=$MODKFUNC_BUILD/kfcheck
BPF_OBJS=$MODKFUNC_BUILD/bpf
MESSAGES=$BATS_TEST_DIRNAME/messages.tsv

# The identities modkfunc_whoami() and modkfunc_peer_whoami() put in their
# high 32 bits: "modk" and "peer".
MODKFUNC_ID=$((0x6d6f646b))
PEER_ID=$((0x70656572))

# require_module NAME: fails, naming the module, if it is not loaded.
require_module() {
	[ -d "/sys/module/$1" ] ||
		fail "$1 is not loaded: load it with 'make load' before 'make check'"
}

# global NAME: a global's value from the kfcheck run in $output. kfcheck
# writes each global as {"event":"global","name":NAME,"value":"DIGITS"}
# (report_global); matching that in bash spares a jq start, which costs a
# quarter of a second in a TCG guest, for each of the many values read.
global() {
	local re='"event":"global","name":"'$1'","value":"([0-9]+)"'
	[[ $output =~ $re ]] || fail "kfcheck reported no global $1"
	echo "${BASH_REMATCH[1]}"
}

# event_filter EVENT [JQ_FILTER]: a jq filter for the records of EVENT
# that also pass JQ_FILTER.
event_filter() {
	echo "select(.event == \"$1\")${2:+ | select($2)}"
}

# records EVENT [JQ_FILTER]: the matching records in $output, one per line.
records() {
	jq -c "$(event_filter "$@")" <<<"$output"
}

# count EVENT [JQ_FILTER]
count() {
	jq -n "[inputs | $(event_filter "$@")] | length" <<<"$output"
}

# assert_views_agree: every kfunc call and ksym in $output resolved to the
# function or variable that was sent, in the module that was sent.
assert_views_agree() {
	local bad
	bad=$(jq -c 'select((.event == "kfunc_call" or .event == "ksym") and .state != "match")' <<<"$output")
	[ -z "$bad" ] || fail "views disagree: $bad"
}

# calls_of KFUNC: how often modkfunc's debugfs says KFUNC was called.
calls_of() {
	local dir=/sys/kernel/debug/modkfunc
	[[ $1 == modkfunc_peer_* ]] && dir=/sys/kernel/debug/modkfunc_peer
	awk -v f="$1" '$1 == f { print $2 }' "$dir/calls"
}

live_objects() {
	cat /sys/kernel/debug/modkfunc/live
}

# prog_ids: the loaded programs' ids, from the first line bpftool prints
# for each.
prog_ids() {
	local listing line ids=()
	listing=$(bpftool prog show) || fail "bpftool prog show failed"
	while read -r line; do
		[[ $line =~ ^([0-9]+): ]] && ids+=("${BASH_REMATCH[1]}")
	done <<<"$listing"
	echo "${ids[*]}"
}

module_refcnt() {
	local n
	read -r n <"/sys/module/$1/refcnt"
	echo "$n"
}

# leak_baseline / assert_no_leak: no program and no module reference left
# behind by what ran in between.
leak_baseline() {
	BASE_PROGS=$(prog_ids)
	BASE_REFCNT=$(module_refcnt modkfunc)
	BASE_PEER_REFCNT=$(module_refcnt modkfunc_peer)
}

# A freed program drops its module references from a deferred work item,
# so the counts are given two seconds to settle.
assert_no_leak() {
	local _
	for _ in $(seq 20); do
		[ "$(module_refcnt modkfunc)" = "$BASE_REFCNT" ] &&
			[ "$(module_refcnt modkfunc_peer)" = "$BASE_PEER_REFCNT" ] && break
		sleep 0.1
	done
	assert_equal "$(prog_ids)" "$BASE_PROGS"
	assert_equal "$(module_refcnt modkfunc)" "$BASE_REFCNT"
	assert_equal "$(module_refcnt modkfunc_peer)" "$BASE_PEER_REFCNT"
}

MODULES_SH=$BATS_TEST_DIRNAME/../../scripts/modules.sh
MODULE_DIR=$MODKFUNC_BUILD/kmod/module

running_version() {
	local release
	case $1 in
	kernel)
		read -r release </proc/sys/kernel/osrelease
		[[ $release =~ ^[0-9]+\.[0-9]+ ]] && echo "${BASH_REMATCH[0]}"
		;;
	libbpf) "$KFCHECK" --version | awk '{ print $3 }' ;;
	pahole) pahole --version | sed 's/^v//' ;;
	esac
}

# at_least kernel|libbpf|pahole MAJOR.MINOR
at_least() {
	local IFS=. have want
	read -r -a have <<<"$(running_version "$1")"
	read -r -a want <<<"$2"
	((have[0] > want[0] || (have[0] == want[0] && have[1] >= want[1])))
}

# has FEATURE: the running kernel, libbpf or pahole has FEATURE, by every
# "needs" row messages.tsv has for it; NEEDS_REASON says what is missing.
has() {
	local source since what found=''
	while IFS=$'\t' read -r source since what; do
		found=1
		if ! at_least "$source" "$since"; then
			NEEDS_REASON="$source < $since: $what"
			return 1
		fi
	done < <(awk -F'\t' -v f="$1" '$1 == f && $4 == "needs" { print $2 "\t" $3 "\t" $6 }' "$MESSAGES")
	[ -n "$found" ] || fail "messages.tsv has no 'needs' row for '$1'"
}

# requires FEATURE: skips the test, with the reason messages.tsv gives,
# unless the running kernel, libbpf and pahole have FEATURE.
requires() {
	has "$1" || skip "$NEEDS_REASON"
}

# message FEATURE: sets MSG_BY, MSG_ERRNO and MSG_TEXT from messages.tsv
# for the running kernel or libbpf.
message() {
	local source version row
	source=$(awk -F'\t' -v f="$1" '$1 == f && $4 != "needs" { print $2; exit }' "$MESSAGES")
	[ -n "$source" ] || fail "messages.tsv has no feature '$1'"
	version=$(running_version "$source")
	row=$(awk -F'\t' -v f="$1" -v v="$version" '
		function newer(a, b,   x, y) {
			split(a, x, "."); split(b, y, ".")
			return x[1] > y[1] || (x[1] == y[1] && x[2] > y[2])
		}
		$1 == f && $4 != "needs" && !newer($3, v) && (best == "" || newer($3, best)) { best = $3; row = $0 }
		END { print row }' "$MESSAGES")
	[ -n "$row" ] || fail "messages.tsv: no '$1' row for $source $version"
	# No field is empty, so tabs may be read as whitespace.
	IFS=$'\t' read -r _ _ _ MSG_BY MSG_ERRNO MSG_TEXT <<<"$row"
}

# assert_rejected_with FEATURE: $output holds a reject record from whoever
# the message table says refuses FEATURE, with its errno and message.
assert_rejected_with() {
	local rec
	message "$1"
	rec=$(records reject ".by == \"$MSG_BY\"")
	[ -n "$rec" ] || fail "no rejection by $MSG_BY in: $output"
	[ "$MSG_ERRNO" = - ] || assert_equal "$(jq -r .error <<<"$rec")" "$MSG_ERRNO"
	jq -r .message <<<"$rec" | grep -qE -- "$MSG_TEXT" ||
		fail "expected /$MSG_TEXT/, $MSG_BY said: $(jq -r .message <<<"$rec")"
}

ALL_TYPES=(syscall tc xdp fentry tp_btf)

# The vmlinux acquire/release pair the multi-module programs call at off 0
# (see vmlinux_pair() in bpf_progs/modkfunc.bpf.h), and what it returns.
if [[ $(<"$MODKFUNC_BUILD/vmlinux_kfuncs.h") == *HAVE_KFUNC_bpf_task_from_pid* ]]; then
	VMLINUX_ACQUIRE=bpf_task_from_pid VMLINUX_PAIR_VALUE=1
else
	VMLINUX_ACQUIRE=bpf_kfunc_call_test_acquire VMLINUX_PAIR_VALUE=42
fi

# kfcheck ARGS...: runs kfcheck with JSON in $output, errors in $stderr.
kfcheck() {
	run --separate-stderr "$KFCHECK" "$@"
}

# assert_results BODY VALUE TYPE...: each BODY_TYPE_res global is VALUE.
assert_results() {
	local body=$1 value=$2 type
	shift 2
	for type in "$@"; do
		assert_equal "$(global "${body}_${type}_res")" "$value"
	done
}

# assert_calls KFUNC BTF N: N kfunc_call records send KFUNC through BTF
# and resolve to it in that module.
assert_calls() {
	assert_equal "$(count kfunc_call ".func == \"$1\" and .btf == \"$2\" and .resolved == \"$1\" and .resolved_module == \"$2\"")" "$3"
}

reset_counters() {
	echo 1 >/sys/kernel/debug/modkfunc/reset
	echo 1 >/sys/kernel/debug/modkfunc_peer/reset
}
