#!/usr/bin/env bash
# In the guest, on a writable overlay of the kit's root: what a distro's
# tester does with the Debian packages. apt installs the two .deb files, and
# DKMS builds the modules for the running kernel as modkfunc-dkms installs;
# then the package's autopkgtest loads them, runs modkfunc-check and unloads
# them. Its results land in RESULTS. The installed suite must have as many
# tests as make check of this checkout's build for the kit, BUILD_DIR.
# It ends with one line of where the guest's time went.
# Usage: guest-package.sh DEB_DIR RESULTS BUILD_DIR
set -uo pipefail
debs=$1 results=$2 build=$3
cd "$(dirname "$0")/.." || exit 1

fail() {
	echo "guest-package: $*" >&2
	exit 1
}

read -r booted _ </proc/uptime
mkdir -p "$results" /tmp/debs || exit 1
# apt reads local packages as its own unprivileged user, which cannot read
# the checkout's 9p share.
cp "$debs"/modkfunc-dkms_*_all.deb "$debs"/modkfunc-tests_*_amd64.deb /tmp/debs/ || fail "no .deb files in $debs"
# man-db's trigger would index every manual page of the kit, for minutes
# under TCG, to add one.
rm -f /var/lib/man-db/auto-update
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/debs/*.deb \
	>"$results/apt.log" 2>&1; then
	tail -n 30 "$results/apt.log" >&2
	fail "apt could not install the packages (log: $results/apt.log)"
fi
dkms status | tee "$results/dkms-status"
read -r installed _ </proc/uptime

AUTOPKGTEST_ARTIFACTS=$results debian/tests/modkfunc-check
rc=$?
read -r checked _ </proc/uptime

# bats reads the files to count their tests, and they load the helpers.
want=$(MODKFUNC_BUILD=$PWD/$build MODKFUNC_TESTS=$PWD/harness/tests \
	bats --count harness/tests "$build/tests/negative_programs.bats") || fail "cannot count make check's tests"
got=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$results/check.tap" 2>/dev/null)
if [ "$got" != "$want" ]; then
	echo "guest-package: the installed suite ran ${got:-no} tests, where make check has $want" >&2
	rc=1
else
	echo "guest-package: the installed suite ran $got tests, as many as make check has"
fi
awk -v b="$booted" -v i="$installed" -v c="$checked" 'BEGIN {
	printf "guest-package: boot %.1f s, apt install with DKMS %.1f s, autopkgtest %.1f s\n", b, i - b, c - i }'
exit "$rc"
