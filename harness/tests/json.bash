# shellcheck shell=bash
# Queries over kfcheck's JSON lines in $output (see harness/report.h).
# shellcheck disable=SC2154 # bats sets output

# global NAME: a global's value from the kfcheck run in $output. kfcheck
# writes each global as {"event":"global","name":NAME,"value":"DIGITS"};
# matching that in bash spares a jq start, which costs a quarter of a
# second in a TCG guest, for each of the many values read.
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
