#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output and status
# The Debian packages' build (deb.sh) and the runner's package mode refuse
# what they cannot do in one line, before any work. The package runs
# themselves are make matrix's, for the kits with packages= in their file.

setup() {
	bats_require_minimum_version 1.5.0
	load ../../harness/tests/assertions
	SCRIPTS=$BATS_TEST_DIRNAME/..
}

@test "vm-package refuses a kit that tests no packages, before building or booting anything" {
	run "$SCRIPTS/vm.sh" package sid
	assert_failure
	assert_output "vm.sh: kit sid tests no packages: its kit file has no 'packages='"
}

@test "deb.sh refuses a kit that builds no packages, in one line" {
	run "$SCRIPTS/deb.sh" trixie-7
	assert_failure
	assert_output "deb.sh: kit trixie-7 builds no packages: its kit file has no 'packages=build'"
}

@test "vm-package refuses a SANITIZE=1 build, whose tree has no packages" {
	SANITIZE=1 run "$SCRIPTS/vm.sh" package trixie
	assert_failure
	assert_output "vm.sh: vm-package tests the packages as built, never a SANITIZE=1 build"
}

@test "the packages are built again only when a source or the kit changed" {
	local debs=$SCRIPTS/../build/trixie/deb before
	"$SCRIPTS/kit.sh" deb trixie >/dev/null
	[ -f "$debs/stamp" ] || fail "kit.sh deb trixie left no packages in $debs" || return
	before=$(stat -c %Y "$debs"/*.deb)
	run "$SCRIPTS/kit.sh" deb trixie
	assert_success
	assert_output ''
	assert_equal "$(stat -c %Y "$debs"/*.deb)" "$before"
}
