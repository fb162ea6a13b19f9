#!/usr/bin/env bash
# make test: everything CI runs. The kit matrix (the suite in each kit's
# guest); then the runner's own tests, with the kselftest collection run
# by the kernel's run_kselftest.sh in the bookworm guest beside them (each
# keeps one core busy), which counts as one test; then a minute of make
# fuzz, one test too; then one total line. Any failure, or a kit whose
# suite did not run, makes it fail.
# Usage: test.sh KIT...
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || die "usage: test.sh KIT..."

rc=0
"$MODKFUNC_TOP/scripts/matrix.sh" "$@" || rc=1

mkdir -p "$MODKFUNC_TOP/build"
ksft_out=$MODKFUNC_TOP/build/kselftest.out
"$MODKFUNC_TOP/scripts/kselftest.sh" bookworm >"$ksft_out" 2>&1 &
ksft_pid=$!
runner_tap=$MODKFUNC_TOP/build/runner.tap
bats --tap "$MODKFUNC_TOP/scripts/tests" | tee "$runner_tap"
[ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
runner=$("$MODKFUNC_TOP/scripts/tap-summary.sh" "$runner_tap") || rc=1
kp=1 kf=0
wait "$ksft_pid" || { rc=1 kp=0 kf=1; }
cat "$ksft_out"
kselftest=$(grep -E '^kselftest: ' "$ksft_out" | tail -n 1 || echo 'kselftest: did not run')

fuzz_out=$MODKFUNC_TOP/build/fuzz.out
fp=1 ff=0
"$MODKFUNC_TOP/scripts/fuzz.sh" 60 | tee "$fuzz_out"
[ "${PIPESTATUS[0]}" -eq 0 ] || { rc=1 fp=0 ff=1; }
fuzz=$(grep -E '^fuzz: [0-9]+ executions' "$fuzz_out" || echo 'fuzz: did not run')

# The matrix table's passed, failed and skipped columns, plus the runner's,
# the kselftest run's and the fuzz run's.
# A matrix that left no table counts as one failure.
p=0 f=1 s=0
if [ -f "$MODKFUNC_TOP/build/matrix.md" ]; then
	read -r p f s < <(awk -F' *[|] *' 'NR > 2 { p += $7; f += $8; s += $9 } END { print p + 0, f + 0, s + 0 }' \
		"$MODKFUNC_TOP/build/matrix.md")
fi
read -r rp _ rf _ rs _ <<<"${runner//,/}"
echo
echo "runner: $runner"
echo "$kselftest"
echo "$fuzz"
echo "test: $((p + ${rp:-0} + kp + fp)) passed, $((f + ${rf:-1} + kf + ff)) failed, $((s + ${rs:-0})) skipped"
exit "$rc"
