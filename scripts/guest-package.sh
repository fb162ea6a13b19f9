#!/usr/bin/env bash
# In the guest, on a writable overlay of the kit's root: what a distro's
# tester does with the Debian packages. autopkgtest's own runner, on this
# machine (the null testbed), installs the two .deb files, DKMS building
# the modules for the running kernel as modkfunc-dkms installs, and runs
# the packages' test, which loads them, runs modkfunc-check and unloads
# them. Given MODULE_DIR, where DKMS cannot build (headers without BTF
# tooling), apt installs modkfunc-tests alone, and modkfunc-check tests the
# modules of MODULE_DIR. Its results land in RESULTS. The installed suite
# must have as many tests as make check of this checkout's build for the
# kit, BUILD_DIR. It ends with one line of where the guest's time went.
# Usage: guest-package.sh DEB_DIR RESULTS BUILD_DIR [MODULE_DIR]
set -uo pipefail
debs=$1 results=$2 build=$3 modules=${4:-}
cd "$(dirname "$0")/.." || exit 1

fail() {
	echo "guest-package: $*" >&2
	exit 1
}

read -r booted _ </proc/uptime
mkdir -p "$results" /tmp/debs || exit 1
# apt reads local packages as its own unprivileged user, which cannot read
# the checkout's 9p share.
cp "$debs"/modkfunc-tests_*_amd64.deb /tmp/debs/ || fail "no modkfunc-tests package in $debs"
[ -n "$modules" ] || cp "$debs"/modkfunc-dkms_*_all.deb /tmp/debs/ || fail "no modkfunc-dkms package in $debs"
# man-db's trigger would index every manual page of the kit, for minutes
# under TCG, to add one.
rm -f /var/lib/man-db/auto-update

if [ -z "$modules" ]; then
	# The guest is the isolated machine the test asks for; the null
	# testbed cannot know it. The guest has no network: apt is left only
	# the repository autopkgtest makes of the .deb files.
	rm -f /etc/apt/sources.list /etc/apt/sources.list.d/*
	# The test needs the source's debian/, not the whole checkout.
	{ mkdir -p /tmp/source && cp -r debian /tmp/source/; } || fail "cannot copy debian/"
	autopkgtest --ignore-restrictions=isolation-machine --output-dir /tmp/autopkgtest \
		/tmp/debs/*.deb /tmp/source -- null >"$results/autopkgtest.log" 2>&1
	rc=$?
	rm -rf "$results/autopkgtest"
	cp -r /tmp/autopkgtest "$results/" 2>/dev/null
	cp /tmp/autopkgtest/artifacts/check.* "$results/" 2>/dev/null
	sed 's/^/autopkgtest: /' /tmp/autopkgtest/summary
	# 0: every test passed; 2: one was skipped, which here is a failure.
	[ "$rc" -eq 0 ] || { tail -n 30 "$results/autopkgtest.log" >&2; echo "guest-package: autopkgtest exited $rc" >&2; rc=1; }
	dkms status | tee "$results/dkms-status"
	steps='autopkgtest (apt install with DKMS, then the test)'
	installed=$booted
else
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/debs/*.deb \
		>"$results/apt.log" 2>&1; then
		tail -n 30 "$results/apt.log" >&2
		fail "apt could not install the packages (log: $results/apt.log)"
	fi
	read -r installed _ </proc/uptime
	steps="apt install %.1f s, suite"
	scripts/modules.sh load "$modules" || fail "cannot load the modules of $modules"
	modkfunc-check -m "$modules" -r "$results"
	rc=$?
	scripts/modules.sh unload "$modules" || rc=1
fi
read -r checked _ </proc/uptime

# bats reads the files to count their tests, and they load the helpers.
want=$(MODKFUNC_BUILD=$PWD/$build MODKFUNC_KFUNCS=$PWD/$build MODKFUNC_TESTS=$PWD/harness/tests \
	bats --count harness/tests "$build/tests/negative_programs.bats") || fail "cannot count make check's tests"
got=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$results/check.tap" 2>/dev/null)
if [ "$got" != "$want" ]; then
	echo "guest-package: the installed suite ran ${got:-no} tests, where make check has $want" >&2
	rc=1
else
	echo "guest-package: the installed suite ran $got tests, as many as make check has"
fi
# One phase, or two when the install was timed apart from the suite.
awk -v b="$booted" -v i="$installed" -v c="$checked" -v steps="$steps" 'BEGIN {
	line = "guest-package: boot %.1f s, " steps " %.1f s\n"
	if (i > b) printf line, b, i - b, c - i; else printf line, b, c - b }'
exit "$rc"
