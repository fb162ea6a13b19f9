#!/usr/bin/env bash
# make fuzz: libFuzzer against what kfcheck does with an object file
# (harness/fuzz_object.c), in the trixie kit, whose clang has libFuzzer.
# Each committed regression input (harness/fuzz-regressions/) runs first
# and must pass; then SECONDS of fuzzing, seeded with the suite's own BPF
# objects. It ends with one line:
#   fuzz: N executions in S s, C crashes
# A crash, a leak, a timeout or running out of memory fails the run, and
# its input is left in build/trixie/fuzz/artifacts/ until the next run.
# libFuzzer's output is in build/trixie/fuzz/fuzz.log.
# Usage: fuzz.sh SECONDS
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
[[ $# -eq 1 && $1 =~ ^[1-9][0-9]*$ ]] || die "usage: fuzz.sh SECONDS"
seconds=$1
regressions=$MODKFUNC_TOP/harness/fuzz-regressions

kit_load trixie
"$MODKFUNC_TOP/scripts/install-deps.sh"
"$MODKFUNC_TOP/scripts/kit.sh" build "$KIT"
# shellcheck source=/dev/null
. "$KIT_BUILD/kit.env"
kit_make -j"$(nproc)" KDIR="${KIT_KDIR:?}" fuzz-build || die "building the fuzz target failed"

dir=$KIT_BUILD/fuzz
log=$dir/fuzz.log
rm -rf "$dir/artifacts"
mkdir -p "$dir/artifacts" "$dir/corpus"
: >"$log"

# in_kit PATH: PATH under the checkout, as the kit sees it.
in_kit() {
	echo "$KIT_SRC/${1#"$MODKFUNC_TOP"/}"
}

# fuzz_target ARGS...: the fuzz target in the kit, with libFuzzer's output
# in the log; what kfcheck's code prints for each input is dropped.
fuzz_target() {
	kit_chroot "$(in_kit "$dir/fuzz_object")" -close_fd_mask=3 -timeout=10 \
		-artifact_prefix="$(in_kit "$dir/artifacts")/" "$@" >>"$log" 2>&1
}

# summary EXECUTIONS SECONDS CRASHES: the closing line.
summary() {
	local plural=es
	[ "$3" -ne 1 ] || plural=''
	echo "fuzz: $1 executions in $2 s, $3 crash$plural"
}

# report_failure INPUT: where the failing input is, and the report: from
# the sanitizer's or libFuzzer's ERROR line to its SUMMARY, with the stack
# that names the function at fault. The log's tail would end in register
# dumps and statistics instead.
report_failure() {
	echo "fuzz: the input is ${1#"$MODKFUNC_TOP"/}; the report from ${log#"$MODKFUNC_TOP"/}:" >&2
	{
		if grep -q 'ERROR: ' "$log"; then
			awk '/ERROR: /{p=1} p{print} /^SUMMARY: /{exit}' "$log" | head -n 60
		else
			tail -n 40 "$log"
		fi
	} | sed 's/^/  | /' >&2
	# A CI machine's build directory is gone after the run: the input
	# itself goes to the log, small enough compressed.
	echo "fuzz: the input, to rebuild with base64 -d | gunzip:" >&2
	gzip -9c "$1" | base64 -w 100 | head -n 100 | sed 's/^/  | /' >&2
}

shopt -s nullglob
inputs=()
for f in "$regressions"/*; do
	inputs+=("$(in_kit "$f")")
done
if [ ${#inputs[@]} -gt 0 ] && ! fuzz_target "${inputs[@]}"; then
	# The failing input is the last one libFuzzer names.
	failed=$(sed -n 's/^Running: //p' "$log" | tail -n 1)
	report_failure "$MODKFUNC_TOP/${failed#"$KIT_SRC"/}"
	summary 0 0 1
	exit 1
fi
echo "fuzz: regression inputs passed: ${#inputs[@]}; fuzzing for $seconds s"

start=$SECONDS
rc=0
fuzz_target -print_final_stats=1 -max_total_time="$seconds" \
	"$(in_kit "$dir/corpus")" "$(in_kit "$dir/seeds")" || rc=$?
elapsed=$((SECONDS - start))
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
if [ "$rc" -eq 0 ]; then
	summary "${executions:-0}" "$elapsed" 0
	exit 0
fi
# libFuzzer stops at the first finding, and names its input in artifacts/.
artifacts=("$dir"/artifacts/*)
if [ ${#artifacts[@]} -gt 0 ]; then
	report_failure "${artifacts[0]}"
else
	echo "fuzz: the fuzz target failed (status $rc) and left no input; see ${log#"$MODKFUNC_TOP"/}" >&2
fi
summary "${executions:-0}" "$elapsed" 1
exit 1
