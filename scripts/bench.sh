#!/usr/bin/env bash
# make bench and make bench-matrix: scripts/guest-bench.sh in each kit's
# guest, one kit after another so that no two guests share the cores
# while they are timed, then scripts/bench-report.sh. Each kit's figures
# and plots land in build/KIT/bench/; with more than one kit, the kits
# side by side in build/bench-matrix/.
# Usage: bench.sh KIT...
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
[ $# -gt 0 ] || die "usage: bench.sh KIT..."
dirs=()
for kit in "$@"; do
	kit_load "$kit"
	out=$MODKFUNC_TOP/build/$kit/bench
	rm -rf "$out"
	mkdir -p "$out"
	echo "bench: $kit"
	MODKFUNC_VM_CMD="scripts/guest-bench.sh build/$kit" \
		"$MODKFUNC_TOP/scripts/vm.sh" run "$kit" 2>&1 | tee "$out/vm.log"
	# Under TCG absolute figures mean little; the report says which it was.
	sed -n 's/^vm: accel=//p' "$out/vm.log" | head -n 1 >"$out/accel"
	"$MODKFUNC_TOP/scripts/bench-report.sh" kit "$out"
	dirs+=("$out")
done
[ $# -eq 1 ] || "$MODKFUNC_TOP/scripts/bench-report.sh" matrix "$MODKFUNC_TOP/build/bench-matrix" "${dirs[@]}"
