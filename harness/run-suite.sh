#!/usr/bin/env bash
# make check: the bats suite, against the modules loaded in this kernel.
# With --filter, only the tests whose names match REGEX run; with --file,
# only the tests of NAME.bats. The TAP, JUnit and KTAP go to RESULTS
# (default BUILD_DIR), as check.tap, check.junit.xml and check.ktap.
# Usage: run-suite.sh BUILD_DIR [RESULTS [--filter REGEX] [--file NAME]]
set -uo pipefail
build=$1 results=${2:-$1}
shift
[ $# -eq 0 ] || shift
cd "$(dirname "$0")/.." || exit 1

files=(harness/tests "$build/tests/negative_programs.bats") filter=()
while [ $# -gt 0 ]; do
	case $1:$# in
	--filter:[2-9]*) filter=(--filter "$2") ;;
	--file:[2-9]*)
		files=("$build/tests/$2.bats")
		[ -f "${files[0]}" ] || files=("harness/tests/$2.bats")
		[ -f "${files[0]}" ] || { echo "make check: no test file $2.bats" >&2; exit 1; }
		;;
	*) echo "usage: run-suite.sh BUILD_DIR [RESULTS [--filter REGEX] [--file NAME]]" >&2; exit 1 ;;
	esac
	shift 2
done

if [ ! -d /sys/module/modkfunc ]; then
	echo "make check: modkfunc is not loaded; load it with 'make load' (insmod ${MODKFUNC_MODULES:-$build/kmod/module}/modkfunc.ko)" >&2
	exit 1
fi
# Without BTF every kfunc test fails on a libbpf error; name the cause once.
if [ ! -e /sys/kernel/btf/vmlinux ]; then
	echo "make check: this kernel has no BTF (/sys/kernel/btf/vmlinux): it was built without CONFIG_DEBUG_INFO_BTF, so it has no kfuncs" >&2
	exit 1
fi
for mod in modkfunc modkfunc_peer; do
	if [ -d "/sys/module/$mod" ] && [ ! -e "/sys/kernel/btf/$mod" ]; then
		echo "make check: $mod has no BTF: it was built without a BTF vmlinux; see scripts/kdir-btf-fix.sh" >&2
		exit 1
	fi
done
for f in kfcheck tests/negative_programs.bats; do
	[ -e "$build/$f" ] || { echo "make check: $build/$f is missing; run 'make' first" >&2; exit 1; }
done

# The BPF objects for this kernel: the build's own, or, in a suite built
# once for a release's kernels (make install), the set compiled for the
# vmlinux kfuncs this kernel's BTF has (see VMLINUX_KFUNCS in Makefile).
looked_for=$(sed -n '1s|^// vmlinux kfuncs looked for: ||p' "$build/vmlinux_kfuncs.h")
[ -n "$looked_for" ] || { echo "make check: $build/vmlinux_kfuncs.h names no kfuncs looked for; run 'make' again" >&2; exit 1; }
want="// vmlinux kfuncs looked for: $looked_for" have=()
for f in $looked_for; do
	found=$("$build/kfcheck" btf-func "$f") || exit 1
	[ -z "$found" ] || { want+=$'\n'"#define HAVE_KFUNC_$f 1" have+=("$f"); }
done
kfuncs=''
for dir in "$build" "$build"/kfuncs/*; do
	if [ "$(cat "$dir/vmlinux_kfuncs.h" 2>/dev/null)" = "$want" ]; then
		kfuncs=$dir
		break
	fi
done
if [ -z "$kfuncs" ]; then
	built=$(sed -n 's/^#define HAVE_KFUNC_\([^ ]*\) 1$/\1/p' "$build/vmlinux_kfuncs.h" | xargs)
	echo "make check: $build has no BPF objects for this kernel, whose BTF has the vmlinux kfuncs {${have[*]}}; they were built for {$built}: build them against this kernel (make KDIR=...)" >&2
	exit 1
fi

export MODKFUNC_BUILD=$build MODKFUNC_KFUNCS=$kfuncs MODKFUNC_TESTS=$PWD/harness/tests
mkdir -p "$results" || exit 1
# mawk fills its whole input buffer before it runs a rule: without
# -W interactive the TAP would show up only when the suite ends.
stream_awk=(awk)
! command -v mawk >/dev/null || stream_awk=(mawk -W interactive)
bats --formatter cat --timing "${filter[@]}" "${files[@]}" |
	"${stream_awk[@]}" -v junit="$results/check.junit.xml" -v ktap="$results/check.ktap" \
		-v host="$(uname -n)" -f harness/bats-report.awk |
	tee "$results/check.tap"
rcs=("${PIPESTATUS[@]}")
[ "${rcs[1]}" -eq 0 ] || { echo "make check: the TAP, JUnit and KTAP writer failed" >&2; exit 1; }
exit "${rcs[0]}"
