# shellcheck shell=bash
# Queries over kfcheck's JSON lines in $output (see harness/report.h).
# kfcheck writes one flat record per line, starting {"event":"EVENT", with
# no spaces; the queries match that in bash. A jq start costs a quarter of
# a second in a TCG guest, and a test asks many questions of one run.
# shellcheck disable=SC2154 # bats sets output

# A condition is KEY=VALUE or KEY!=VALUE: the record's KEY holds VALUE as a
# string, a number or a boolean, or does not.
holds() {
	local line=$1 cond=$2 key val neg=''
	if [[ $cond == *!=* ]]; then
		key=${cond%%!=*} val=${cond#*!=} neg=1
	else
		key=${cond%%=*} val=${cond#*=}
	fi
	if [[ $line == *"\"$key\":\"$val\""[,\}]* || $line == *"\"$key\":$val"[,\}]* ]]; then
		[ -z "$neg" ]
	else
		[ -n "$neg" ]
	fi
}

# is_record LINE EVENT COND...: LINE is an EVENT record meeting every COND.
is_record() {
	local line=$1 cond
	[[ $line == "{\"event\":\"$2\""[,\}]* ]] || return 1
	shift 2
	for cond; do
		holds "$line" "$cond" || return 1
	done
}

# split_output: RECORDS becomes $output's lines. The split is in memory:
# bash's read takes a pipe or here-string one byte per system call, which
# for a few hundred records costs a TCG guest seconds.
split_output() {
	local IFS=$'\n' opts=$-
	set -f
	# shellcheck disable=SC2206 # split on newlines only, without globbing
	RECORDS=($output)
	[[ $opts == *f* ]] || set +f
}

# field_value RECORD KEY [DEFAULT]: FIELD becomes KEY's value in one
# record, without a string's quotes; DEFAULT if the record has no KEY, which
# fails without one.
field_value() {
	local re="\"$2\":(\"(([^\"\\\\]|\\\\.)*)\"|([^,}]*))"
	if [[ $1 =~ $re ]]; then
		FIELD=${BASH_REMATCH[2]}${BASH_REMATCH[4]}
	elif [ $# -gt 2 ]; then
		FIELD=$3
	else
		fail "no $2 in $1"
	fi
}

# field RECORD KEY [DEFAULT]: field_value, printed.
field() {
	field_value "$@" || return
	echo "$FIELD"
}

# scan print|count|KEY EVENT [COND...]: SCAN_N becomes the number of
# matching records in $output, and SCAN_OUT the records themselves or each
# one's KEY, a line each. It prints nothing, so that asking costs no fork.
scan() {
	local what=$1 line
	shift
	SCAN_N=0 SCAN_OUT=''
	split_output
	for line in "${RECORDS[@]}"; do
		is_record "$line" "$@" || continue
		SCAN_N=$((SCAN_N + 1))
		case $what in
		print) SCAN_OUT+=$line$'\n' ;;
		count) ;;
		*)
			field_value "$line" "$what" || return
			SCAN_OUT+=$FIELD$'\n'
			;;
		esac
	done
}

# records EVENT [COND...]: the matching records, one per line.
records() {
	scan print "$@"
	printf '%s' "$SCAN_OUT"
}

# count EVENT [COND...]
count() {
	scan count "$@"
	echo "$SCAN_N"
}

# values EVENT KEY [COND...]: KEY of each matching record, one per line.
values() {
	local event=$1 key=$2
	shift 2
	scan "$key" "$event" "$@"
	printf '%s' "$SCAN_OUT"
}

# distinct EVENT KEY [COND...]: how many values KEY takes among them.
distinct() {
	local event=$1 key=$2
	shift 2
	scan "$key" "$event" "$@"
	count_distinct
}

count_distinct() {
	local -A seen=()
	local v IFS=$'\n'
	for v in $SCAN_OUT; do
		seen[$v]=1
	done
	echo "${#seen[@]}"
}

# assert_count N EVENT [COND...]: $output holds N such records.
assert_count() {
	local n=$1
	shift
	scan count "$@"
	[ "$SCAN_N" = "$n" ] || fail "expected $n $* records, found $SCAN_N"
}

# global_value NAME: GLOBAL becomes the value kfcheck reported for global
# NAME in $output.
global_value() {
	local re='"event":"global","name":"'$1'","value":"([0-9]+)"'
	[[ $output =~ $re ]] || fail "kfcheck reported no global $1" || return
	GLOBAL=${BASH_REMATCH[1]}
}

# global NAME: global_value, printed.
global() {
	global_value "$1" || return
	echo "$GLOBAL"
}

# assert_global NAME VALUE
assert_global() {
	global_value "$1" || return
	[ "$GLOBAL" = "$2" ] || fail "global $1: expected $2, actual $GLOBAL"
}

# assert_views_agree: every kfunc call and ksym in $output resolved to the
# function or variable that was sent, in the module that was sent.
assert_views_agree() {
	local event
	for event in kfunc_call ksym; do
		scan print "$event" state!=match
		[ "$SCAN_N" = 0 ] || fail "views disagree: $SCAN_OUT" || return
	done
}

# assert_results BODY VALUE TYPE...: each BODY_TYPE_res global is VALUE.
assert_results() {
	local body=$1 value=$2 type
	shift 2
	for type in "$@"; do
		assert_global "${body}_${type}_res" "$value" || return
	done
}

# assert_calls KFUNC BTF N: N kfunc_call records send KFUNC through BTF
# and resolve to it in that module.
assert_calls() {
	assert_count "$3" kfunc_call "func=$1" "btf=$2" "resolved=$1" "resolved_module=$2"
}
