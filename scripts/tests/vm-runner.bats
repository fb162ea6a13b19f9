#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# The VM runner's contract: exit status, timeout, missing status, splats,
# and the filtered user flow.
# These boot the default kit's guest with small jobs.

setup_file() {
	export KIT=${KIT:-trixie}
	# Build once, so each test's time is the guest's.
	"$BATS_TEST_DIRNAME/../kit.sh" build "$KIT" >/dev/null
	build_faults
}

# build_faults: modkfunc broken on purpose (MODKFUNC_FAULT in the Makefile),
# in build/KIT/fault-FAULT/, for the tests of the memory debugging.
build_faults() {
	# shellcheck disable=SC2016 # expanded by the inner bash
	bash -euc '. "$1"; kit_load "$2"; . "$KIT_BUILD/kit.env"
		for fault in uaf double-free; do
			kit_make BUILD="build/$KIT/fault-$fault" KDIR="$KIT_KDIR" \
				MODKFUNC_FAULT="$fault" modules >/dev/null
		done' build_faults "$BATS_TEST_DIRNAME/../lib.sh" "$KIT"
}

setup() {
	bats_require_minimum_version 1.5.0
	load ../../harness/tests/assertions
	VM=$BATS_TEST_DIRNAME/../vm.sh
	KIT_OUT=$BATS_TEST_DIRNAME/../../build/$KIT
}

SUITE_RESULTS=(check.tap check.junit.xml check.ktap dmesg.txt)

# keep_suite_results: notes the suite's results in build/KIT/, standing in
# a placeholder for each one no vm-check has left, which teardown removes.
keep_suite_results() {
	local f
	PLACEHOLDERS=()
	for f in "${SUITE_RESULTS[@]}"; do
		if [ ! -e "$KIT_OUT/$f" ]; then
			echo "placeholder for $f" >"$KIT_OUT/$f"
			PLACEHOLDERS+=("$KIT_OUT/$f")
		fi
	done
	SUITE_SUMS=$(cd "$KIT_OUT" && sha256sum "${SUITE_RESULTS[@]}")
}

assert_suite_results_kept() {
	assert_equal "$(cd "$KIT_OUT" && sha256sum "${SUITE_RESULTS[@]}" 2>&1)" "$SUITE_SUMS"
}

teardown() {
	rm -f "${PLACEHOLDERS[@]}"
}

@test "a guest command that exits 3 makes the runner exit 3" {
	VM_ACCEL=tcg MODKFUNC_VM_CMD='echo guest-ran; exit 3' run "$VM" run "$KIT"
	assert_failure 3
	assert_line "vm: accel=tcg (forced by VM_ACCEL=tcg)"
	assert_output --partial guest-ran
}

# fake_kvm MODE: a /dev/kvm stand-in, and a QEMU that runs TCG guests but,
# asked for KVM, fails as a PVM /dev/kvm makes it fail (MODE msr) or hangs
# (MODE hang). It counts the KVM attempts in $KVM_TRIES.
fake_kvm() {
	export KVM_DEVICE=$BATS_TEST_TMPDIR/kvm QEMU=$BATS_TEST_TMPDIR/qemu
	export VM_ACCEL_CACHE=$BATS_TEST_TMPDIR/accel KVM_TRIES=$BATS_TEST_TMPDIR/kvm-tries
	: >"$KVM_DEVICE"
	cat >"$QEMU" <<-EOF
		#!/bin/sh
		case " \$* " in
		*" --version "*) echo "QEMU emulator version 0.0.0 (modkfunc fake, $1)"; exit 0 ;;
		*" -accel kvm "*) echo kvm >>"$KVM_TRIES" ;;
		*) exec qemu-system-x86_64 "\$@" ;;
		esac
		[ "$1" = hang ] && exec sleep 600
		echo "qemu-system-x86_64: error: failed to set MSR 0x10a to 0x2000000000004" >&2
		exit 1
	EOF
	chmod +x "$QEMU"
}

@test "without a KVM device the runner boots under TCG and says why" {
	KVM_DEVICE=$BATS_TEST_TMPDIR/no-kvm MODKFUNC_VM_CMD='echo guest-ran' run "$VM" run "$KIT"
	assert_success
	assert_line "vm: accel=tcg (no $BATS_TEST_TMPDIR/no-kvm)"
	assert_output --partial guest-ran
}

@test "a KVM probe guest that QEMU cannot start falls back to TCG with QEMU's reason" {
	fake_kvm msr
	MODKFUNC_VM_CMD='echo guest-ran' run "$VM" run "$KIT"
	assert_success
	assert_line "vm: accel=tcg (a KVM probe guest failed: qemu-system-x86_64: error: failed to set MSR 0x10a to 0x2000000000004)"
	assert_output --partial guest-ran
}

@test "a forced VM_ACCEL=kvm whose probe hangs fails in one line, and the verdict is kept" {
	fake_kvm hang
	VM_ACCEL=kvm KVM_PROBE_TIMEOUT=5 MODKFUNC_VM_CMD='echo guest-ran' run --separate-stderr "$VM" run "$KIT"
	assert_failure 1
	assert_equal "$stderr" "vm.sh: VM_ACCEL=kvm, but a KVM probe guest did not boot within 5s"
	VM_ACCEL=kvm KVM_PROBE_TIMEOUT=5 MODKFUNC_VM_CMD='echo guest-ran' run --separate-stderr "$VM" run "$KIT"
	assert_failure 1
	assert_equal "$stderr" "vm.sh: VM_ACCEL=kvm, but a KVM probe guest did not boot within 5s"
	assert_equal "$(wc -l <"$KVM_TRIES")" 1
}

@test "a run and a check that start together probe KVM once, and both wait for its whole verdict" {
	local check=$BATS_TEST_TMPDIR/check.out pid
	fake_kvm hang
	KVM_PROBE_TIMEOUT=5 "$VM" check "$KIT" 'no test is called this' >"$check" 2>&1 &
	pid=$!
	KVM_PROBE_TIMEOUT=5 MODKFUNC_VM_CMD='echo guest-ran' run "$VM" run "$KIT"
	# The check fails, as no test matches: only its verdict matters here.
	wait "$pid" || :
	assert_success
	assert_line "vm: accel=tcg (a KVM probe guest did not boot within 5s)"
	grep -qx 'vm: accel=tcg (a KVM probe guest did not boot within 5s)' "$check" ||
		fail "the check did not wait for the verdict: $(<"$check")"
	assert_equal "$(wc -l <"$KVM_TRIES")" 1
}

@test "VM_ACCEL other than kvm or tcg is refused before any work" {
	VM_ACCEL=fast run "$VM" run "$KIT"
	assert_failure 1
	assert_output "vm.sh: VM_ACCEL must be kvm or tcg, not 'fast'"
}

@test "a guest command sees the built modules and the checkout" {
	MODKFUNC_VM_CMD="test -f build/$KIT/kmod/module/modkfunc.ko && test -w /src/build" run "$VM" run "$KIT"
	assert_success
}

@test "a guest that never finishes is killed at the timeout and its console tail is shown" {
	VM_TIMEOUT=45 MODKFUNC_VM_CMD='echo still-busy-marker; sleep 1000' run "$VM" run "$KIT"
	assert_failure 124
	assert_output --partial "the guest timed out after 45s and was killed"
	assert_output --regexp "  \| still-busy-marker"
}

@test "a guest that powers off without reporting a status fails the run" {
	MODKFUNC_VM_CMD='echo o >/proc/sysrq-trigger; sleep 30' run "$VM" run "$KIT"
	assert_failure
	assert_output --partial "the guest reported no status"
}

@test "a WARNING line in the guest's kernel log fails the run as a splat" {
	MODKFUNC_VM_CMD='echo "WARNING: CPU: 0 PID: 1 at modkfunc runner self-test" >/dev/kmsg' run "$VM" run "$KIT"
	assert_failure 1
	assert_output --partial "kernel splat in the guest's dmesg"
	assert_output --partial "WARNING: CPU: 0 PID: 1 at modkfunc runner self-test"
	grep -q "modkfunc runner self-test" "$BATS_TEST_DIRNAME/../../build/$KIT/vm-run/dmesg.txt"
}

@test "a refcount splat in the guest's kernel log fails the run" {
	MODKFUNC_VM_CMD='echo "refcount_t: underflow; use-after-free." >/dev/kmsg' run "$VM" run "$KIT"
	assert_failure 1
	assert_output --partial "kernel splat in the guest's dmesg"
}

# fault_job FAULT: a guest job that loads the FAULT build of modkfunc and
# runs a program that acquires and releases modkfunc's objects twice.
fault_job() {
	local b=build/$KIT
	echo "insmod $b/fault-$1/kmod/module/modkfunc.ko && insmod $b/kmod/module/modkfunc_peer.ko &&" \
		"$b/kfcheck run --repeat 2 $b/bpf/lifetime.bpf.o stress_both; rmmod modkfunc_peer modkfunc"
}

@test "a kfunc that writes to the object it freed fails the run, with the memory debugging's report quoted" {
	MODKFUNC_VM_CMD=$(fault_job uaf) run "$VM" run "$KIT"
	assert_failure 1
	assert_output --partial "kernel splat in the guest's dmesg"
	assert_output --regexp "  \| .*(Poison overwritten|BUG: KFENCE: use-after-free write)"
}

@test "a kfunc that frees its object twice fails the run, with the memory debugging's report quoted" {
	MODKFUNC_VM_CMD=$(fault_job double-free) run "$VM" run "$KIT"
	assert_failure 1
	assert_output --partial "kernel splat in the guest's dmesg"
	assert_output --regexp "  \| .*(Object already free|BUG: KFENCE: invalid free)"
}

@test "a guest whose kernel log cannot be saved fails the run" {
	MODKFUNC_VM_CMD="ln -s /nonexistent/dmesg build/$KIT/vm-run/vm/dmesg.txt" run "$VM" run "$KIT"
	assert_failure 1
	assert_output --partial "the guest saved no kernel log"
}

@test "an unknown kit is refused with the list of known kits" {
	run "$VM" check no-such-kit
	assert_failure
	assert_output --regexp "unknown kit 'no-such-kit' \(known: .*trixie"
}

@test "a filtered vm-check runs only the tests whose names match, in the user flow" {
	keep_suite_results
	run "$VM" check "$KIT" "reset file zeroes every call count"
	assert_success
	assert_output --regexp "vm-check: $KIT [^ ]+ 1 passed, 0 failed, 0 skipped"
	assert_equal "$(grep -c '^ok ' "$KIT_OUT/filtered/check.tap")" 1
	assert_suite_results_kept
}

@test "a vm-run leaves the last vm-check's TAP, JUnit and kernel log in place" {
	keep_suite_results
	MODKFUNC_VM_CMD='echo guest-ran' run "$VM" run "$KIT"
	assert_success
	assert_suite_results_kept
}

@test "make vm-run without CMD fails at once, before building anything" {
	run env -u MODKFUNC_VM_CMD make -s -C "$BATS_TEST_DIRNAME/../.." vm-run KIT="$KIT"
	assert_failure
	assert_output --partial "vm-run needs a command: make vm-run CMD='...'"
	refute_line --regexp '^kit: '
}
