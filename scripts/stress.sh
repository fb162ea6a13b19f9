#!/usr/bin/env bash
# make stress, as root on a test machine or in a kit's guest (make vm-run
# CMD='make stress BUILD=build/KIT'): CYCLES insmod/rmmod cycles of modkfunc
# and modkfunc_peer while two loader loops load and run a program calling
# both (stress_both in bpf_progs/lifetime.bpf.c). Then it checks that the
# kernel logged no splat, that no object is left live and no program
# loaded, that both modules unload, and that every refusal was one that a
# module coming or going explains. It starts and ends with the modules
# unloaded, stops cycling after STRESS_SECONDS (default 900), and prints
# one line of figures.
# Usage: stress.sh BUILD_DIR [CYCLES]
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

build=${1:?usage: stress.sh BUILD_DIR [CYCLES]} cycles=${2:-100}
seconds=${STRESS_SECONDS:-900}
kfcheck=$build/kfcheck obj=$build/bpf/lifetime.bpf.o
# The modules under test: the build's, or MODKFUNC_MODULES (as make check).
modules=$MODKFUNC_TOP/scripts/modules.sh kmod=${MODKFUNC_MODULES:-$build/kmod/module}
[[ $cycles =~ ^[1-9][0-9]*$ ]] || die "CYCLES must be a positive number, not '$cycles'"
[ "$(id -u)" -eq 0 ] || die "stress loads and unloads modules: run it as root"
for f in "$kfcheck" "$obj"; do
	[ -e "$f" ] || die "$f is missing; run 'make' first"
done
"$modules" path "$kmod" modkfunc >/dev/null && "$modules" path "$kmod" modkfunc_peer >/dev/null || exit 1
for m in modkfunc modkfunc_peer; do
	[ ! -d "/sys/module/$m" ] || die "$m is loaded, and stress loads and unloads it itself: make unload first"
done

dir=$(mktemp -d) || die "cannot make a directory for the loaders"
loaders=()
# Whatever ends the run, the loaders stop and their files go.
cleanup() {
	touch "$dir/stop"
	[ ${#loaders[@]} -eq 0 ] || wait "${loaders[@]}"
	rm -rf "$dir"
}
trap cleanup EXIT

failures=0
failed() {
	echo "stress: FAIL: $*" >&2
	failures=$((failures + 1))
}

# outcome OUT STATUS: what one kfcheck run says of its load: accepted, a
# refusal a module coming or going explains (by the kernel's errno, or
# libbpf's missing extern), or anything else, which fails the run.
outcome() {
	local out=$1 status=$2 rec
	if [ "$status" -eq 0 ]; then
		echo accepted
		return
	fi
	rec=$(grep -m1 '^{"event":"reject"' "$out")
	case $rec in
	*'"by":"kernel"'*'"error":"ENXIO"'*) echo "refused ENXIO" ;;
	*'"by":"libbpf"'*'not found in kernel or module BTFs'*) echo "refused libbpf-extern-not-found" ;;
	*) echo "unexpected status $status: ${rec:-$(tail -n 3 "$out" | tr '\n' ' ')}" ;;
	esac
}

# loader N: loads and runs stress_both until told to stop, one outcome
# per line in $dir/loads.N. While an unload waits, it starts no new load:
# two loaders back to back keep a module in use all the time, and the
# unload would never see it free. The loads already under way still race
# the unload.
loader() {
	local out=$dir/out.$1 status
	while [ ! -e "$dir/stop" ]; do
		if [ -e "$dir/unloading" ]; then
			sleep 0.05
			continue
		fi
		status=0
		"$kfcheck" run "$obj" stress_both >"$out" 2>&1 || status=$?
		outcome "$out" "$status" >>"$dir/loads.$1"
	done
}

# unload_all: unloads both modules within ten seconds; what the kernel
# refused meanwhile is counted by errno in $dir/unloads.
unload_all() {
	local m rec _
	touch "$dir/unloading"
	for _ in {1..100}; do
		for m in modkfunc modkfunc_peer; do
			[ -d "/sys/module/$m" ] || continue
			rec=$("$kfcheck" unload "$m" 2>/dev/null) && continue
			[[ $rec =~ \"error\":\"([A-Z0-9]+)\" ]] || { failed "unloading $m: $rec"; return 1; }
			echo "${BASH_REMATCH[1]}" >>"$dir/unloads"
		done
		if [ ! -d /sys/module/modkfunc ] && [ ! -d /sys/module/modkfunc_peer ]; then
			rm "$dir/unloading"
			return 0
		fi
		sleep 0.1
	done
	failed "a module was still loaded ten seconds after the first rmmod"
	return 1
}

# tally FILE: "N WHAT" for each distinct line of FILE, most first, joined.
tally() {
	[ -s "$1" ] || { echo none; return; }
	sort "$1" | uniq -c | sort -rn | awk '{ n = $1; $1 = ""; printf "%s%s%s", sep, substr($0, 2), " " n; sep = ", " }'
}

start=$(date +%s)
log_lines=$(dmesg | wc -l)
: >"$dir/unloads"
for n in 1 2; do
	loader "$n" &
	loaders+=($!)
done

done_cycles=0
while [ "$done_cycles" -lt "$cycles" ] && [ $(($(date +%s) - start)) -lt "$seconds" ]; do
	if ! "$modules" load "$kmod"; then
		failed "insmod failed in cycle $((done_cycles + 1))"
		break
	fi
	# A random dwell, so that loads meet the modules at every stage.
	sleep "0.$((RANDOM % 4))"
	unload_all || break
	done_cycles=$((done_cycles + 1))
done

# With the loaders stopped, the modules loaded once more must end with no
# object live and no program holding them.
touch "$dir/stop"
wait "${loaders[@]}"
loaders=()
if "$modules" load "$kmod"; then
	"$kfcheck" run "$obj" stress_both >"$dir/out.last" 2>&1 || failed "a load with the modules settled failed: $(tail -n 3 "$dir/out.last")"
	read -r live </sys/kernel/debug/modkfunc/live
	[ "$live" = 0 ] || failed "modkfunc has $live live objects with no program loaded"
	unload_all
else
	failed "insmod failed after the cycles"
fi
progs=$("$kfcheck" progs | grep '"name":"stress_both"')
[ -z "$progs" ] || failed "programs left loaded: $progs"

cat "$dir"/loads.* >"$dir/loads"
unexpected=$(grep '^unexpected' "$dir/loads" | sort | uniq -c)
[ -z "$unexpected" ] || failed "loads that failed for a reason no module coming or going explains:"$'\n'"$unexpected"
splats=$(dmesg | tail -n +"$((log_lines + 1))" | grep -E "$SPLAT")
[ -z "$splats" ] || failed "kernel splats:"$'\n'"$splats"
[ "$done_cycles" -eq "$cycles" ] || failed "only $done_cycles of $cycles cycles ran in ${seconds} s"

accepted=$(grep -c '^accepted' "$dir/loads")
grep '^refused' "$dir/loads" | cut -d' ' -f2 >"$dir/refused"
echo "stress: $done_cycles cycles in $(($(date +%s) - start)) s;" \
	"loads accepted $accepted; loads refused: $(tally "$dir/refused");" \
	"rmmod refused: $(tally "$dir/unloads"); failures $failures"
[ "$failures" -eq 0 ]
