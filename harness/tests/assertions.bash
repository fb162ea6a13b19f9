# shellcheck shell=bash
# The assertions every suite uses, in plain bash, after bats-assert's names
# and behaviour. Loading bats-support and bats-assert cost about a second
# per test in a TCG guest, more than most tests take themselves.
# shellcheck disable=SC2154 # bats sets output, lines and status

# fail LINE...: fails the test, printing each LINE.
fail() {
	printf '%s\n' "$@" >&2
	return 1
}

assert_success() {
	[ "$status" -eq 0 ] || fail "expected success, got status $status" "output: $output"
}

# assert_failure [STATUS]: any non-zero status, or exactly STATUS.
assert_failure() {
	if [ $# -eq 0 ]; then
		[ "$status" -ne 0 ] || fail "expected failure, got status 0" "output: $output"
	else
		[ "$status" -eq "$1" ] || fail "expected status $1, got $status" "output: $output"
	fi
}

# assert_equal ACTUAL EXPECTED
assert_equal() {
	[ "$1" = "$2" ] || fail "expected: $2" "actual:   $1"
}

# matches MODE PATTERN TEXT: MODE is --exact, --partial or --regexp (ERE).
matches() {
	case $1 in
	--partial) [[ $3 == *"$2"* ]] ;;
	--regexp) [[ $3 =~ $2 ]] ;;
	*) [ "$3" = "$2" ] ;;
	esac
}

# assert_output [--partial|--regexp] EXPECTED
assert_output() {
	local mode=--exact
	case $1 in --partial | --regexp) mode=$1 && shift ;; esac
	matches "$mode" "$1" "$output" || fail "output does not match ($mode): $1" "output: $output"
}

# assert_line [--index N] [--partial|--regexp] EXPECTED: some line of
# $output, or line N, matches.
assert_line() {
	local index='' mode=--exact line
	while [ $# -gt 1 ]; do
		case $1 in
		--index) index=$2 && shift 2 ;;
		--partial | --regexp) mode=$1 && shift ;;
		*) break ;;
		esac
	done
	if [ -n "$index" ]; then
		matches "$mode" "$1" "${lines[$index]-}" && return 0
	else
		for line in "${lines[@]}"; do
			matches "$mode" "$1" "$line" && return 0
		done
	fi
	fail "no line${index:+ $index} matches ($mode): $1" "output: $output"
}

# refute_line [--partial|--regexp] UNEXPECTED: no line of $output matches.
refute_line() {
	local mode=--exact line
	case $1 in --partial | --regexp) mode=$1 && shift ;; esac
	for line in "${lines[@]}"; do
		if matches "$mode" "$1" "$line"; then
			fail "a line matches ($mode) $1: $line"
			return
		fi
	done
}
