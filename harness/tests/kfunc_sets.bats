#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# Which BPF objects the suite runs: those compiled for the vmlinux kfuncs
# this kernel's BTF has, chosen by harness/run-suite.sh when the suite
# starts. A build carries a set for each combination (build/kfuncs/), so
# that one build, as the packages install it, serves every kernel of a
# release.

setup() {
	load helpers
}

# defined_kfuncs HEADER: the kfuncs a vmlinux_kfuncs.h defines, one line.
defined_kfuncs() {
	sed -n 's/^#define HAVE_KFUNC_\([^ ]*\) 1$/\1/p' "$1" | sort | xargs
}

@test "the suite runs the BPF objects compiled for the vmlinux kfuncs that bpftool finds in this kernel's BTF" {
	local looked have
	looked=$(sed -n '1s|^// vmlinux kfuncs looked for: ||p' "$MODKFUNC_KFUNCS/vmlinux_kfuncs.h")
	[ -n "$looked" ] || fail "$MODKFUNC_KFUNCS/vmlinux_kfuncs.h names no kfuncs looked for"
	have=$(bpftool btf dump file /sys/kernel/btf/vmlinux |
		awk -v want=" $looked " '$2 == "FUNC" { f = $3; gsub(/\047/, "", f); if (index(want, " " f " ")) print f }' |
		sort | xargs)
	assert_equal "$(defined_kfuncs "$MODKFUNC_KFUNCS/vmlinux_kfuncs.h")" "$have"
	# A checkout's build is for this kernel (its modules load here), so
	# its own objects, not a set, must be those taken.
	[ ! -d "$MODKFUNC_BUILD/kmod" ] || assert_equal "$MODKFUNC_KFUNCS" "$MODKFUNC_BUILD"
}

@test "the build's own BPF objects were compiled for a combination of vmlinux kfuncs that one of the sets has" {
	local set
	for set in "$MODKFUNC_BUILD"/kfuncs/*/; do
		cmp -s "$MODKFUNC_BUILD/vmlinux_kfuncs.h" "$set/vmlinux_kfuncs.h" && return
	done
	fail "no set has the build's vmlinux kfuncs: $(defined_kfuncs "$MODKFUNC_BUILD/vmlinux_kfuncs.h")"
}

@test "make check refuses, in one line, a build whose BPF objects were compiled for other vmlinux kfuncs" {
	local fake=$BATS_TEST_TMPDIR/build looked have
	mkdir -p "$fake/tests"
	ln -s "$KFCHECK" "$fake/kfcheck"
	ln -s "$MODKFUNC_BUILD/tests/negative_programs.bats" "$fake/tests/"
	# No kernel has both: test_run's kfuncs left vmlinux before 6.10
	# brought bpf_preempt_disable.
	looked=$(sed -n '1p' "$MODKFUNC_KFUNCS/vmlinux_kfuncs.h")
	printf '%s\n#define HAVE_KFUNC_bpf_preempt_disable 1\n#define HAVE_KFUNC_bpf_kfunc_call_test_pass_ctx 1\n' \
		"$looked" >"$fake/vmlinux_kfuncs.h"
	have=$(sed -n 's/^#define HAVE_KFUNC_\([^ ]*\) 1$/\1/p' "$MODKFUNC_KFUNCS/vmlinux_kfuncs.h" | xargs)
	run_separate "$BATS_TEST_DIRNAME/../run-suite.sh" "$fake"
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "make check: $fake has no BPF objects for this kernel, whose BTF has the vmlinux kfuncs {$have}; they were built for {bpf_preempt_disable bpf_kfunc_call_test_pass_ctx}: build them against this kernel (make KDIR=...)"
}

@test "each set compiles the kfunc-dependent programs for the set's vmlinux kfuncs, and links the rest to the build's" {
	local set obj target n=0
	for set in "$MODKFUNC_BUILD"/kfuncs/*/; do
		obj=$set/bpf/multi_module.bpf.o
		[ -f "$obj" ] && [ ! -L "$obj" ] || fail "$obj is not compiled for its set"
		run_separate "$KFCHECK" externs "$obj"
		assert_success
		if grep -q HAVE_KFUNC_bpf_task_from_pid "$set/vmlinux_kfuncs.h"; then
			assert_line --partial '"name":"bpf_task_from_pid"'
		else
			assert_line --partial '"name":"bpf_kfunc_call_test_acquire"'
		fi
		target=$(readlink "$set/bpf/scalar.bpf.o") || fail "$set/bpf/scalar.bpf.o is not a link"
		assert_equal "$target" ../../../bpf/scalar.bpf.o
		[ -f "$set/bpf/$target" ] || fail "$set/bpf/scalar.bpf.o links to nothing"
		n=$((n + 1))
	done
	[ "$n" -gt 1 ] || fail "$MODKFUNC_BUILD/kfuncs has $n sets"
}
