#!/usr/bin/env bash
# make matrix: the suite in every kit's guest, then one table of what each
# kit is and what its run gave. Exits non-zero if any kit failed a test or
# did not report. The table is also left in build/matrix.md.
#
# Every kit is provisioned and built at once, as that is mostly downloads
# and dpkg, which overlap well. A kit's guest starts as soon as the kit is
# ready, MATRIX_JOBS guests at a time (default 2): a TCG guest keeps about
# one core busy. Each kit's output goes to build/KIT/prepare.log and
# build/KIT/matrix.log; a failing kit's tail is printed. The wall column
# is each kit's guest run.
# Usage: matrix.sh KIT...
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || die "usage: matrix.sh KIT..."
jobs=${MATRIX_JOBS:-2}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "MATRIX_JOBS must be a positive number, not '$jobs'"

# prepare_kit KIT: provisions and builds KIT; on failure, leaves its status
# for the table and the end of its log in build/KIT/matrix.log.
prepare_kit() {
	local dir=$MODKFUNC_TOP/build/$1
	if "$MODKFUNC_TOP/scripts/kit.sh" build "$1" >"$dir/prepare.log" 2>&1; then
		echo "matrix: $1 built in $(($(date +%s) - start)) s"
		touch "$dir/prepared"
		return 0
	fi
	cp "$dir/prepare.log" "$dir/matrix.log"
	echo "1 -" >"$dir/matrix.status"
	echo "matrix: $1 failed to build: $(tail -n 1 "$dir/prepare.log")"
}

# kit_run KIT: how the matrix runs KIT's suite, check or package: a kit
# that tests its release's Debian packages runs the suite they install in
# place of the checkout's, which would cost a second guest.
kit_run() {
	(kit_load "$1" && if [ -n "$KIT_PACKAGES" ]; then echo package; else echo check; fi)
}

# kit_results KIT: the directory of the TAP of KIT's matrix run.
kit_results() {
	case $(kit_run "$1") in
	package) echo "$MODKFUNC_TOP/build/$1/package" ;;
	*) echo "$MODKFUNC_TOP/build/$1" ;;
	esac
}

# run_kit KIT: vm-check KIT (or vm-package), leaving its status and wall
# time in build/KIT/.
run_kit() {
	local dir=$MODKFUNC_TOP/build/$1 start rc
	start=$(date +%s)
	"$MODKFUNC_TOP/scripts/vm.sh" "$(kit_run "$1")" "$1" >"$dir/matrix.log" 2>&1
	rc=$?
	echo "$rc $(($(date +%s) - start))" >"$dir/matrix.status"
	echo "matrix: $1 finished: $(tail -n 1 "$dir/matrix.log")"
}

# row KIT: one table row; the failure count includes a run that failed
# outside its tests, so such a kit never reads as green.
row() {
	local dir=$MODKFUNC_TOP/build/$1 rc=1 wall=- counts p=0 f=0 s=0
	local KIT_KVER=- KIT_LIBBPF=- KIT_CLANG=- KIT_PAHOLE=-
	read -r rc wall <"$dir/matrix.status" 2>/dev/null
	# shellcheck source=/dev/null
	[ -f "$dir/kit.env" ] && . "$dir/kit.env"
	if counts=$("$MODKFUNC_TOP/scripts/tap-summary.sh" "$(kit_results "$1")/check.tap" 2>/dev/null) || [ -n "$counts" ]; then
		read -r p _ f _ s _ <<<"${counts//,/}"
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	local name=$1
	[ "$(kit_run "$1")" = check ] || name+=' (.deb)'
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
		"$name" "$KIT_KVER" "$KIT_LIBBPF" "$KIT_CLANG" "$KIT_PAHOLE" "$p" "$f" "$s" "$wall"
	[ "$f" -eq 0 ]
}

start=$(date +%s)
"$MODKFUNC_TOP/scripts/install-deps.sh" || die "cannot install the host's packages"
for kit in "$@"; do
	kit_load "$kit"
	rm -f "$KIT_BUILD"/{prepared,matrix.status,matrix.log,check.tap,package/check.tap}
	mkdir -p "$KIT_BUILD"
	prepare_kit "$kit" &
done

# guests_running: kits whose guest started and has not finished.
guests_running() {
	local kit n=0
	for kit in "${started[@]}"; do
		[ -f "$MODKFUNC_TOP/build/$kit/matrix.status" ] || n=$((n + 1))
	done
	echo "$n"
}

# packages_ready KIT: whether the kit whose packages KIT tests is built,
# when the matrix builds it too: KIT's run would otherwise wait for the
# matrix's build of it in a guest's slot. When that build failed, so has
# KIT, with its status and the reason in build/KIT/matrix.log.
packages_ready() {
	local from dir=$MODKFUNC_TOP/build/$1
	from=$(kit_load "$1" && echo "$KIT_PACKAGES")
	case $from in '' | build) return 0 ;; esac
	[[ " ${all_kits[*]} " == *" $from "* ]] || return 0
	[ ! -f "$MODKFUNC_TOP/build/$from/prepared" ] || return 0
	[ -f "$MODKFUNC_TOP/build/$from/matrix.status" ] || return 1
	echo "matrix: $1 tests $from's packages, and $from failed to build" | tee "$dir/matrix.log"
	echo "1 -" >"$dir/matrix.status"
	return 1
}

# A kit that failed to build already has its status; it never starts.
started=() waiting=("$@") all_kits=("$@")
while [ ${#waiting[@]} -gt 0 ]; do
	next=()
	for kit in "${waiting[@]}"; do
		dir=$MODKFUNC_TOP/build/$kit
		[ ! -f "$dir/matrix.status" ] || continue
		if [ -f "$dir/prepared" ] && packages_ready "$kit" && [ "$(guests_running)" -lt "$jobs" ]; then
			started+=("$kit")
			echo "matrix: $kit started"
			run_kit "$kit" &
		else
			next+=("$kit")
		fi
	done
	waiting=("${next[@]}")
	[ ${#waiting[@]} -eq 0 ] || sleep 2
done
wait

rc=0 table=$MODKFUNC_TOP/build/matrix.md
{
	echo '| kit | kernel | libbpf | clang | pahole | passed | failed | skipped | wall s |'
	echo '|---|---|---|---|---|---|---|---|---|'
	for kit in "$@"; do
		row "$kit" || rc=1
	done
} >"$table"
for kit in "$@"; do
	if ! row "$kit" >/dev/null; then
		echo
		echo "matrix: $kit failed; the end of build/$kit/matrix.log:"
		tail -n 40 "$MODKFUNC_TOP/build/$kit/matrix.log"
	fi
done
echo
cat "$table"
for kit in "$@"; do
	grep -h '# skip' "$(kit_results "$kit")/check.tap" 2>/dev/null |
		sed "s/^ok [0-9]* /matrix: $kit skipped: /"
done
echo "matrix: $# kits in $(($(date +%s) - start)) s: $([ "$rc" -eq 0 ] && echo pass || echo FAIL)"
exit "$rc"
