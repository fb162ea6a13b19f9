# shellcheck shell=bash
# Loaded by every test file: assertions, where the built tree is, the
# module ABI's constants, and the helpers by job: kfcheck's JSON
# (json.bash), the kernel's state (kernel.bash), and what a test expects
# of the system: messages and skips (expect.bash).
# shellcheck disable=SC2034 # the paths are for the test files
# run --separate-stderr keeps kfcheck's JSON (stdout) apart from its errors.
bats_require_minimum_version 1.5.0
# Files of the suite are found beside this one, also from tests that the
# build generated elsewhere.
TESTS_DIR=${BASH_SOURCE[0]%/*}
: "${MODKFUNC_BUILD:?run the suite through 'make check'}"
# The BPF objects compiled for this kernel's vmlinux kfuncs (run-suite.sh).
: "${MODKFUNC_KFUNCS:?run the suite through 'make check'}"

# bats runs a DEBUG trap before every command, to keep a stack trace; in
# a TCG guest that costs more than most tests themselves (a quarter of a
# second just to define these helpers). Functions inherit the trap only
# under set -T, which is turned off here; trace_test gives it back to the
# test's own function alone, so that a failure still names the test's line.
set +T

# trace_test: the running test's function keeps bats' trace, and the
# helpers it calls do not. Before the test file defines it, it is a no-op.
trace_test() {
	! declare -F "$BATS_TEST_NAME" >/dev/null || declare -ft "$BATS_TEST_NAME"
}

suite_libs() {
	local lib
	for lib in assertions json expect kernel; do
		# shellcheck source=/dev/null
		source "$TESTS_DIR/$lib.bash" || return
	done
}
suite_libs
trace_test
KFCHECK=$MODKFUNC_BUILD/kfcheck
# Each kfcheck run would read all of /proc/kallsyms, most of its time in a
# TCG guest; a snapshot serves the runs until a module comes or goes.
export KFCHECK_KALLSYMS_CACHE=$BATS_RUN_TMPDIR
BPF_OBJS=$MODKFUNC_KFUNCS/bpf
MESSAGES=$TESTS_DIR/messages.tsv
NEEDS=$TESTS_DIR/needs.tsv
MODULES_SH=$TESTS_DIR/../../scripts/modules.sh
# The modules under test: the build's, or those MODKFUNC_MODULES holds,
# such as DKMS's (make check MODULE_DIR=DIR).
MODULE_DIR=${MODKFUNC_MODULES:-$MODKFUNC_BUILD/kmod/module}
# LD_PRELOAD for a loader that libkfaudit.so audits. A sanitized build's
# (make SANITIZE=1) needs ASan's runtime loaded first, which it names.
KFAUDIT_PRELOAD=$MODKFUNC_BUILD/libkfaudit.so
if [ -f "$MODKFUNC_BUILD/asan-runtime" ]; then
	read -r ASAN_RUNTIME <"$MODKFUNC_BUILD/asan-runtime"
	KFAUDIT_PRELOAD="$ASAN_RUNTIME $KFAUDIT_PRELOAD"
	# A finding exits 86, a status no tool of the suite gives, so that a
	# test expecting kfcheck's 1 for a refusal fails on it too.
	export ASAN_OPTIONS=exitcode=86 UBSAN_OPTIONS=exitcode=86:print_stacktrace=1
fi

# MODKFUNC_IDENTITY and MODKFUNC_PEER_IDENTITY, the high 32 bits of what
# modkfunc_whoami() and modkfunc_peer_whoami() return, from the ABI header.
# shellcheck source=/dev/null
. "$MODKFUNC_BUILD/tests/abi.bash"

ALL_TYPES=(syscall tc xdp fentry tp_btf)

# have_generated: whether the build has the modules and programs
# gen-limits.sh makes for one kernel (make limits), which only a build in a
# checkout has; a suite laid out by make install has none.
# require_generated skips a test without them: the bats of Debian 12 (1.8)
# cannot skip from setup_file.
have_generated() {
	[ -d "$MODKFUNC_BUILD/gen/kmod" ]
}

require_generated() {
	have_generated ||
		skip "no generated limit modules in $MODKFUNC_BUILD/gen: they are built per kernel in a checkout (make limits), not installed"
}

# elf_of KO: ELF becomes KO itself, or a decompressed copy of a .ko.xz or
# .ko.zst, which DKMS may install.
elf_of() {
	ELF=$1
	case $1 in
	*.xz) ELF=$BATS_TEST_TMPDIR/${1##*/} && ELF=${ELF%.xz} && xz -dc "$1" >"$ELF" ;;
	*.zst) ELF=$BATS_TEST_TMPDIR/${1##*/} && ELF=${ELF%.zst} && zstd -qdc "$1" >"$ELF" ;;
	esac
}

# run_separate CMD...: as bats' run --separate-stderr, with the output in
# $output and $lines, errors in $stderr and $stderr_lines, the exit in
# $status; but without the processes bats starts to keep them apart.
run_separate() {
	RUN_KEPT='' status=0
	"$@" >"$BATS_TEST_TMPDIR/run.out" 2>"$BATS_TEST_TMPDIR/run.err" || status=$?
	take_results "$BATS_TEST_TMPDIR/run"
}

# take_results PREFIX: $output, $stderr and their lines from PREFIX.out and
# PREFIX.err, without the trailing newlines, as command substitution gives.
take_results() {
	IFS= read -r -d '' output <"$1.out" || :
	IFS= read -r -d '' stderr <"$1.err" || :
	while [[ $output == *$'\n' ]]; do output=${output%$'\n'}; done
	while [[ $stderr == *$'\n' ]]; do stderr=${stderr%$'\n'}; done
	split_output
	lines=("${RECORDS[@]}")
	local IFS=$'\n'
	# shellcheck disable=SC2206 # split on newlines; the lines hold no globs that match
	stderr_lines=($stderr)
}

# kfcheck ARGS...: runs kfcheck with JSON in $output, errors in $stderr.
kfcheck() {
	run_separate "$KFCHECK" "$@"
}

# kfcheck_once ARGS...: as kfcheck, with the counters reset first, but run
# once per test file: the first test to ask runs it and keeps its status,
# output, errors and the counters it left (see calls_of), which the file's
# later tests get back. A process start is what a TCG guest pays most for.
kfcheck_once() {
	local key=${*//"$MODKFUNC_BUILD"/}
	RUN_KEPT=$BATS_FILE_TMPDIR/run.${key//[^A-Za-z0-9_.=-]/_}
	if [ ! -d "$RUN_KEPT" ]; then
		local rc=0
		mkdir "$RUN_KEPT.new"
		reset_counters
		"$KFCHECK" "$@" >"$RUN_KEPT.new/run.out" 2>"$RUN_KEPT.new/run.err" || rc=$?
		echo "$rc" >"$RUN_KEPT.new/status"
		keep_counters "$RUN_KEPT.new"
		mv "$RUN_KEPT.new" "$RUN_KEPT"
	fi
	read -r status <"$RUN_KEPT/status"
	take_results "$RUN_KEPT/run"
}
