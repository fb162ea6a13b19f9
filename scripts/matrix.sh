#!/usr/bin/env bash
# make matrix: the suite in every kit's guest, then one table of what each
# run is and what it gave: a kit runs the checkout's suite, its packages'
# or both (runs= in its kit file). Exits non-zero if any run failed a test
# or did not report. The table is also left in build/matrix.md.
#
# Every kit is provisioned and built at once, as that is mostly downloads
# and dpkg, which overlap well. A kit's guests start as soon as the kit is
# ready, MATRIX_JOBS guests at a time (default 2): a TCG guest keeps about
# one core busy. A kit's build goes to build/KIT/prepare.log, and each
# run's output to build/KIT/matrix.log or build/KIT/package/matrix.log; a
# failing run's tail is printed. The wall column is each run's guest.
# Usage: matrix.sh KIT...
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || die "usage: matrix.sh KIT..."
jobs=${MATRIX_JOBS:-2}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "MATRIX_JOBS must be a positive number, not '$jobs'"

# A run is KIT (vm-check's suite of the checkout) or KIT/package
# (vm-package's suite of the packages), as the kit file's runs= says; its
# status, log and results are in build/RUN/.

# kit_units KIT: the runs of KIT.
kit_units() {
	local run
	kit_load "$1"
	for run in $KIT_RUNS; do
		case $run in check) echo "$1" ;; *) echo "$1/package" ;; esac
	done
}

# prepare_kit KIT: provisions and builds KIT; on failure, leaves its runs'
# status for the table and the end of its log in their matrix.log.
prepare_kit() {
	local dir=$MODKFUNC_TOP/build/$1 unit
	if "$MODKFUNC_TOP/scripts/kit.sh" build "$1" >"$dir/prepare.log" 2>&1; then
		echo "matrix: $1 built in $(($(date +%s) - start)) s"
		touch "$dir/prepared"
		return 0
	fi
	for unit in $(kit_units "$1"); do
		cp "$dir/prepare.log" "$MODKFUNC_TOP/build/$unit/matrix.log"
		echo "1 -" >"$MODKFUNC_TOP/build/$unit/matrix.status"
	done
	echo "matrix: $1 failed to build: $(tail -n 1 "$dir/prepare.log")"
}

# run_unit RUN: vm-check KIT or vm-package KIT, leaving its status and wall
# time in build/RUN/.
run_unit() {
	local dir=$MODKFUNC_TOP/build/$1 start rc mode=check
	[ "${1%/package}" = "$1" ] || mode=package
	start=$(date +%s)
	"$MODKFUNC_TOP/scripts/vm.sh" "$mode" "${1%/package}" >"$dir/matrix.log" 2>&1
	rc=$?
	echo "$rc $(($(date +%s) - start))" >"$dir/matrix.status"
	echo "matrix: $1 finished: $(tail -n 1 "$dir/matrix.log")"
}

# row RUN: one table row; the failure count includes a run that failed
# outside its tests, so such a run never reads as green.
row() {
	local dir=$MODKFUNC_TOP/build/$1 kit=${1%/package} rc=1 wall=- counts p=0 f=0 s=0
	local KIT_KVER=- KIT_LIBBPF=- KIT_CLANG=- KIT_PAHOLE=-
	read -r rc wall <"$dir/matrix.status" 2>/dev/null
	# shellcheck source=/dev/null
	[ -f "$MODKFUNC_TOP/build/$kit/kit.env" ] && . "$MODKFUNC_TOP/build/$kit/kit.env"
	if counts=$("$MODKFUNC_TOP/scripts/tap-summary.sh" "$dir/check.tap" 2>/dev/null) || [ -n "$counts" ]; then
		read -r p _ f _ s _ <<<"${counts//,/}"
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	local name=$kit from
	if [ "$kit" != "$1" ]; then
		from=$(kit_load "$kit" && echo "${KIT_PACKAGES/#build/$kit}")
		name+=" (.deb$([ "$from" = "$kit" ] || echo " of $from"))"
	fi
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
		"$name" "$KIT_KVER" "$KIT_LIBBPF" "$KIT_CLANG" "$KIT_PAHOLE" "$p" "$f" "$s" "$wall"
	[ "$f" -eq 0 ]
}

start=$(date +%s)
"$MODKFUNC_TOP/scripts/install-deps.sh" || die "cannot install the host's packages"
units=()
for kit in "$@"; do
	kit_load "$kit"
	rm -f "$KIT_BUILD"/{prepared,matrix.status,matrix.log,check.tap} \
		"$KIT_BUILD"/package/{matrix.status,matrix.log,check.tap}
	mkdir -p "$KIT_BUILD/package"
	mapfile -t -O "${#units[@]}" units < <(kit_units "$kit")
	prepare_kit "$kit" &
done

# guests_running: runs whose guest started and has not finished.
guests_running() {
	local unit n=0
	for unit in "${started[@]}"; do
		[ -f "$MODKFUNC_TOP/build/$unit/matrix.status" ] || n=$((n + 1))
	done
	echo "$n"
}

# packages_ready RUN: whether the kit whose packages RUN tests is built,
# when the matrix builds it too: RUN would otherwise wait for the matrix's
# build of it in a guest's slot. When that build failed, so has RUN, with
# its status and the reason in build/RUN/matrix.log.
packages_ready() {
	local from dir=$MODKFUNC_TOP/build/$1
	[ "${1%/package}" != "$1" ] || return 0
	from=$(kit_load "${1%/package}" && echo "$KIT_PACKAGES")
	case $from in '' | build) return 0 ;; esac
	[[ " ${all_kits[*]} " == *" $from "* ]] || return 0
	[ ! -f "$MODKFUNC_TOP/build/$from/prepared" ] || return 0
	[ -f "$MODKFUNC_TOP/build/$from/matrix.status" ] || [ -f "$MODKFUNC_TOP/build/$from/package/matrix.status" ] ||
		return 1
	echo "matrix: $1 tests $from's packages, and $from failed to build" | tee "$dir/matrix.log"
	echo "1 -" >"$dir/matrix.status"
	return 1
}

# A run whose kit failed to build already has its status; it never starts.
started=() waiting=("${units[@]}") all_kits=("$@")
while [ ${#waiting[@]} -gt 0 ]; do
	next=()
	for unit in "${waiting[@]}"; do
		dir=$MODKFUNC_TOP/build/$unit
		[ ! -f "$dir/matrix.status" ] || continue
		if [ -f "$MODKFUNC_TOP/build/${unit%/package}/prepared" ] && packages_ready "$unit" &&
			[ "$(guests_running)" -lt "$jobs" ]; then
			started+=("$unit")
			echo "matrix: $unit started"
			run_unit "$unit" &
		else
			next+=("$unit")
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
	for unit in "${units[@]}"; do
		row "$unit" || rc=1
	done
} >"$table"
for unit in "${units[@]}"; do
	if ! row "$unit" >/dev/null; then
		echo
		echo "matrix: $unit failed; the end of build/$unit/matrix.log:"
		tail -n 40 "$MODKFUNC_TOP/build/$unit/matrix.log"
	fi
done
echo
cat "$table"
for unit in "${units[@]}"; do
	grep -h '# skip' "$MODKFUNC_TOP/build/$unit/check.tap" 2>/dev/null |
		sed "s|^ok [0-9]* |matrix: $unit skipped: |"
done
echo "matrix: ${#units[@]} runs of $# kits in $(($(date +%s) - start)) s: $([ "$rc" -eq 0 ] && echo pass || echo FAIL)"
exit "$rc"
