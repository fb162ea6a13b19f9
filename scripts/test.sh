#!/usr/bin/env bash
# make test: everything CI runs. The suite in each kit's guest, then the
# runner's own tests, then one total line. Any failure, or a kit whose
# suite did not run, makes it fail.
# Usage: test.sh KIT...
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || die "usage: test.sh KIT..."

passed=0 failed=0 skipped=0 rc=0 results=()

# add_counts "N passed, F failed, S skipped"
add_counts() {
	local p f s
	read -r p _ f _ s _ <<<"${1//,/}"
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

# tally NAME TAP_FILE STATUS
tally() {
	local counts
	counts=$("$MODKFUNC_TOP/scripts/tap-summary.sh" "$2" 2>/dev/null) || [ -n "$counts" ] || counts="0 passed, 1 failed, 0 skipped"
	[ "$3" -eq 0 ] || rc=1
	# A run that failed outside its tests still counts as a failure.
	if [ "$3" -ne 0 ] && [[ $counts == *" 0 failed"* ]]; then
		counts=${counts/ 0 failed/ 1 failed}
	fi
	add_counts "$counts"
	results+=("$1: $counts")
}

for kit in "$@"; do
	"$MODKFUNC_TOP/scripts/vm.sh" check "$kit"
	tally "vm-check $kit" "$MODKFUNC_TOP/build/$kit/check.tap" $?
done

mkdir -p "$MODKFUNC_TOP/build"
runner_tap=$MODKFUNC_TOP/build/runner.tap
bats --tap "$MODKFUNC_TOP/scripts/tests" | tee "$runner_tap"
tally "runner" "$runner_tap" "${PIPESTATUS[0]}"

echo
printf '%s\n' "${results[@]}"
echo "test: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
