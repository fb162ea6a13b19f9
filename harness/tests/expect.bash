# shellcheck shell=bash
# What the tests expect from the running system: the messages a refusal
# must carry (messages.tsv) and the features a test needs (needs.tsv).
# shellcheck disable=SC2154 # bats sets output, stderr and BATS_RUN_TMPDIR

# running_version kernel|libbpf|linker: MAJOR.MINOR of the running one.
# The linker is the libbpf that bpftool was built with, as bpftool gen
# object links with it, not with the system's.
running_version() {
	local release
	case $1 in
	kernel)
		read -r release </proc/sys/kernel/osrelease
		[[ $release =~ ^[0-9]+\.[0-9]+ ]] && echo "${BASH_REMATCH[0]}"
		;;
	libbpf)
		local saved=$BATS_RUN_TMPDIR/version.libbpf
		[ -f "$saved" ] || "$KFCHECK" --version >"$saved" || fail "kfcheck --version failed"
		read -r _ _ release <"$saved"
		echo "$release"
		;;
	linker)
		release=$(bpftool version) || fail "bpftool version failed"
		[[ $release =~ using\ libbpf\ v([0-9]+\.[0-9]+) ]] || fail "bpftool names no libbpf: $release"
		echo "${BASH_REMATCH[1]}"
		;;
	*) fail "no version for '$1'" ;;
	esac
}

# newer A B: version A is newer than B, by MAJOR.MINOR.
newer() {
	local IFS=. a b
	read -r -a a <<<"$1"
	read -r -a b <<<"$2"
	((a[0] > b[0] || (a[0] == b[0] && a[1] > b[1])))
}

# at_least kernel|libbpf MAJOR.MINOR
at_least() {
	! newer "$2" "$(running_version "$1")"
}

# probe_load PROG REFUSAL: program PROG of probes.bpf.o loads. A kernel
# refusal matching REFUSAL means the kernel lacks what PROG asks for; any
# other failure is a failure of the test, so that a broken probe cannot
# pass for a missing feature.
probe_load() {
	local output rec
	output=$("$KFCHECK" load "$BPF_OBJS/probes.bpf.o" "$1" 2>"$BATS_TEST_TMPDIR/probe.err") && return 0
	while IFS= read -r rec; do
		json_text "$(field "$rec" message)" | grep -qE -- "$2" && return 1
	done < <(records reject by=kernel)
	fail "probe $1 failed for another reason than /$2/:" "$(<"$BATS_TEST_TMPDIR/probe.err")"
	return 2
}

# link_objects OUT INPUT...: bpftool gen object links the INPUTs, objects
# of BPF_OBJS, into OUT in the test's directory.
link_objects() {
	local out=$BATS_TEST_TMPDIR/$1 name inputs=()
	shift
	for name in "$@"; do
		inputs+=("$BPF_OBJS/$name.bpf.o")
	done
	bpftool gen object "$out" "${inputs[@]}"
}

# probe_link INPUTS REFUSAL: bpftool gen object links the comma-separated
# objects INPUTS of BPF_OBJS. A refusal matching REFUSAL means the linker
# lacks what they need; any other failure fails the test.
probe_link() {
	local err=$BATS_TEST_TMPDIR/probe_link.err
	# shellcheck disable=SC2086 # the names split at the commas
	link_objects probe_link.o ${1//,/ } 2>"$err" && return 0
	grep -qE -- "$2" "$err" && return 1
	fail "probe link $1 failed for another reason than /$2/:" "$(<"$err")"
	return 2
}

# probe KIND ARG REFUSAL: runs one needs.tsv probe; prints why it says no.
probe() {
	case $1 in
	btf_param)
		local found='' suffix
		for suffix in ${2//|/ }; do
			found=$("$KFCHECK" btf-param "$suffix") || return 1
			[ -z "$found" ] || break
		done
		[ -n "$found" ] || echo "kernel BTF names no kfunc argument *${2//|/ or *}"
		;;
	btf_func)
		local found
		found=$("$KFCHECK" btf-func "$2") || return 1
		[ -n "$found" ] || echo "kernel BTF has no function $2"
		;;
	obj_type_tag)
		bpftool btf dump file "$BPF_OBJS/$2.bpf.o" | grep -F ' TYPE_TAG ' >/dev/null ||
			echo "$2.bpf.o has no TYPE_TAG in its BTF"
		;;
	pahole)
		pahole --supported_btf_features 2>/dev/null | tr , '\n' | grep -qx "$2" ||
			echo "pahole has no $2 BTF feature"
		;;
	load | link)
		local verdict=0 who="kernel refuses probe"
		[ "$1" = load ] || who="bpftool's linker refuses"
		"probe_$1" "$2" "$3" || verdict=$?
		case $verdict in
		1) echo "$who $2" ;;
		2) return 1 ;;
		esac
		;;
	kernel | libbpf) at_least "$1" "$2" || echo "$1 < $2" ;;
	*) fail "needs.tsv: unknown probe '$1'" ;;
	esac
}

# has FEATURE: the running system has FEATURE by every needs.tsv row for
# it; if not, NEEDS_REASON says what is missing. The verdicts are kept for
# the whole run, as some probes cost seconds in a TCG guest.
has() {
	local cache=$BATS_RUN_TMPDIR/needs.$1 kind arg refusal reason why found=''
	if [ ! -f "$cache" ]; then
		while IFS=$'\t' read -r kind arg refusal reason; do
			found=1
			why=$(probe "$kind" "$arg" "$refusal") || return 2
			if [ -n "$why" ]; then
				echo "$why: $reason" >"$cache"
				break
			fi
		done < <(awk -F'\t' -v f="$1" '$1 == f { print $2 "\t" $3 "\t" $4 "\t" $5 }' "$NEEDS")
		[ -n "$found" ] || fail "needs.tsv has no row for '$1'" || return 2
		[ -f "$cache" ] || : >"$cache"
	fi
	NEEDS_REASON=$(<"$cache")
	[ -z "$NEEDS_REASON" ]
}

# requires FEATURE: skips the test, with the reason needs.tsv gives,
# unless the running system has FEATURE.
requires() {
	local verdict=0
	has "$1" || verdict=$?
	case $verdict in
	0) ;;
	1) skip "$NEEDS_REASON" ;;
	*) fail "cannot tell whether this system has $1" ;;
	esac
}

# assert_weak_call_dropped: $output holds the one call to a weak kfunc that
# no module has, as libbpf sends it. libbpf 1.2 sends the dead call as a
# poisoned helper call; before it, as a kfunc call with imm 0, which the
# verifier drops unvisited.
assert_weak_call_dropped() {
	local marked=0
	has weak_kfunc_marked || marked=$?
	case $marked in
	0) assert_equal "$(count kfunc_call)" 0 ;;
	1) assert_equal "$(count kfunc_call imm=0 state=unresolved)" 1 ;;
	*) fail "cannot tell whether libbpf marks an unresolved weak kfunc call" ;;
	esac
}

# message FEATURE: sets MSG_BY, MSG_ERRNO and MSG_TEXT from messages.tsv
# for the running kernel or libbpf: the row of the newest version that is
# not newer than it.
message() {
	local feature source since by errno text version='' best=''
	while IFS=$'\t' read -r feature source since by errno text; do
		[ "$feature" = "$1" ] || continue
		[ -n "$version" ] || version=$(running_version "$source")
		newer "$since" "$version" && continue
		[ -z "$best" ] || newer "$since" "$best" || continue
		best=$since MSG_BY=$by MSG_ERRNO=$errno MSG_TEXT=$text
	done <"$MESSAGES"
	[ -n "$version" ] || fail "messages.tsv has no feature '$1'"
	[ -n "$best" ] || fail "messages.tsv: no '$1' row for $source $version"
}

# json_text STRING: a JSON string's text, its escapes undone.
json_text() {
	local text=${1//\\\"/\"}
	printf '%b\n' "$text"
}

# assert_rejected_with FEATURE: $output holds a reject record from whoever
# the message table says refuses FEATURE, with its errno and message.
assert_rejected_with() {
	local rec text
	message "$1"
	rec=$(records reject "by=$MSG_BY")
	[ -n "$rec" ] || fail "no rejection by $MSG_BY in: $output"
	rec=${rec%%$'\n'*}
	[ "$MSG_ERRNO" = - ] || assert_equal "$(field "$rec" error)" "$MSG_ERRNO"
	text=$(json_text "$(field "$rec" message)")
	grep -qE -- "$MSG_TEXT" <<<"$text" || fail "expected /$MSG_TEXT/, $MSG_BY said: $text"
}
