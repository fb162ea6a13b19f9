#!/usr/bin/env bash
# make vm-kselftest: the modkfunc kselftest collection (make
# kselftest-install) run by the kernel's run_kselftest.sh in KIT's guest.
# The runner and kunit.py come from the kit, which keeps them from the
# linux-source package it builds its headers' BTF tooling from
# (scripts/kit-provision.sh); none is in this tree. run_kselftest.sh's
# exit status says nothing of the tests, so its output is judged: every
# collection test and every test inside each must have ended, and none
# failed; and kunit.py parse must read it. Ends with one line:
#   kselftest: KIT: N passed, F failed, S skipped; kunit.py: Ran ...
# Usage: kselftest.sh KIT [RUN_KSELFTEST_ARGS...] (default -c modkfunc)
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
[ $# -ge 1 ] || die "usage: kselftest.sh KIT [RUN_KSELFTEST_ARGS...]"
kit_load "$1"
shift
[ $# -gt 0 ] || set -- -c modkfunc
"$MODKFUNC_TOP/scripts/install-deps.sh"
"$MODKFUNC_TOP/scripts/kit.sh" build "$KIT"
# shellcheck source=/dev/null
. "$KIT_BUILD/kit.env"

linux=/opt/modkfunc/linux/tools/testing
dir=$KIT_BUILD/kselftest
rm -rf "$dir"
mkdir -p "$dir"
kit_chroot cp -r "$linux/selftests/run_kselftest.sh" "$linux/selftests/kselftest" \
	"$KIT_SRC/build/$KIT/kselftest/" 2>/dev/null ||
	die "kit $KIT has no kernel selftests runner: only a kit that builds BTF tooling from linux-source keeps one"
kit_make KDIR="${KIT_KDIR:?}" kselftest-install INSTALL_PATH="$KIT_SRC/build/$KIT/kselftest" ||
	die "make kselftest-install failed in kit $KIT"

rc=0
MODKFUNC_VM_CMD="scripts/guest-kselftest.sh build/$KIT build/$KIT/kselftest $*" \
	"$MODKFUNC_TOP/scripts/vm.sh" run "$KIT" >"$dir/vm.log" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || { tail -n 20 "$dir/vm.log" >&2; echo "kselftest: the guest run failed ($rc)" >&2; }

# The runner's "# "-prefixed lines are each test's own KTAP, one level in:
# as KTAP, tap-summary.sh counts the tests inside the collection's tests.
# A collection test that timed out or died printed none, so the runner's
# own results must all be ok too.
sed -e 's/^TAP version 13$/KTAP version 1/' -e 's/^# /    /' "$dir/output.txt" >"$dir/output.ktap"
counts=$("$MODKFUNC_TOP/scripts/tap-summary.sh" "$dir/output.ktap") || rc=1
if grep '^not ok ' "$dir/output.txt" >&2; then
	rc=1
fi
parsed=$(kit_chroot python3 "$linux/kunit/kunit.py" parse "$KIT_SRC/build/$KIT/kselftest/output.txt" |
	tee "$dir/kunit-parse.txt" | sed -n 's/.*\(Testing complete\. .*\)/\1/p') || :
[ -n "$parsed" ] || { echo "kselftest: kunit.py parse could not read the output" >&2; rc=1; }
echo "kselftest: $KIT: ${counts:-no results}; kunit.py parse: ${parsed:-failed}"
exit "$rc"
