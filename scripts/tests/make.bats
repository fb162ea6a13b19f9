#!/usr/bin/env bats
# The Makefile on the host, where nothing of a kernel need be installed.

setup() {
	load ../../harness/tests/assertions
	TOP=$BATS_TEST_DIRNAME/../..
}

@test "make without kernel headers says in one line what is missing and the ways out" {
	run make -C "$TOP" --no-print-directory KDIR=/nonexistent/kdir BUILD="$BATS_TEST_TMPDIR/build"
	assert_failure
	assert_equal "${lines[0]}" "make: no kernel build directory /nonexistent/kdir: install linux-headers-$(uname -r), or pass KDIR=/path/to/kernel/build; to test without local headers, make vm-check"
	refute_line --partial "No such file or directory"
}
