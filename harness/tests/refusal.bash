# shellcheck shell=bash
# Tests of loads that must be refused: the tagged negative programs
# (negative_programs.bats, which the build generates from their tags) and
# the refusals that need no program of their own (negative.bats).
# shellcheck disable=SC2154 # bats sets stderr
load "${BASH_SOURCE[0]%/*}/helpers"

setup() {
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

# refused OBJECT PROG: kfcheck refuses program PROG of OBJECT.bpf.o as its
# tags say (bpf_progs/expect.bpf.h): skipped without what it __needs,
# loaded without the capability it is __without_cap, and refused with the
# messages.tsv row it is __rejected with.
refused() {
	local obj=$BPF_OBJS/$1.bpf.o prog=$2 tags need cap feature
	tags=$("$KFCHECK" list "$obj" |
		jq -r --arg p "$prog" 'select(.event == "program" and .prog == $p) | "\(.needs // "-") \(.without_cap // "-")"')
	[ -n "$tags" ] || fail "$obj has no program $prog"
	read -r need cap <<<"$tags"
	[ "$need" = - ] || requires "$need"
	if [ "$cap" = - ]; then
		run --separate-stderr "$KFCHECK" load "$obj" "$prog"
	else
		run --separate-stderr setpriv --bounding-set "-$cap" --inh-caps "-$cap" \
			"$KFCHECK" load "$obj" "$prog"
	fi
	assert_failure 1
	feature=$(records expect ".prog == \"$prog\"" | jq -r .feature)
	[ -n "$feature" ] || fail "$prog declares no expected outcome"
	assert_rejected_with "$feature"
	assert_clean_refusal
}
