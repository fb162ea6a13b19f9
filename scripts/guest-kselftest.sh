#!/usr/bin/env bash
# In the guest: the modkfunc kselftest collection through the kernel's own
# run_kselftest.sh, installed with it in INSTALL_PATH (scripts/kselftest.sh
# lays both out). The build's modules are loaded first, as make load does,
# and are the ones the tests reload; they are unloaded after. The runner's
# output is in INSTALL_PATH/output.txt.
# Usage: guest-kselftest.sh BUILD_DIR INSTALL_PATH RUN_KSELFTEST_ARGS...
set -uo pipefail
build=$1 install_path=$2
shift 2
cd "$(dirname "$0")/.." || exit 1

make -s --no-print-directory load BUILD="$build" || exit 1
MODKFUNC_MODULES=$PWD/$build/kmod/module "$install_path/run_kselftest.sh" "$@" |
	tee "$install_path/output.txt"
rc=${PIPESTATUS[0]}
make -s --no-print-directory unload BUILD="$build" || rc=1
exit "$rc"
