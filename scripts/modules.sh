#!/usr/bin/env bash
# Loads or unloads the modules built under BUILD_DIR/kmod: all of them, or
# the NAMEs given.
# Usage: modules.sh load|unload BUILD_DIR [NAME...]
set -euo pipefail
op=$1 build=$2
shift 2
if [ $# -gt 0 ]; then
	mods=()
	for m in "$@"; do mods+=("$build/kmod/module/$m.ko"); done
else
	mods=("$build"/kmod/module/*.ko)
fi
[ -e "${mods[0]}" ] || { echo "modules: no modules under $build/kmod; run 'make' first" >&2; exit 1; }

name() { basename "$1" .ko; }

# The last program using a module releases it asynchronously, so rmmod can
# see the module busy (EAGAIN) for a moment after the program is gone.
unload_one() {
	local m=$1
	for _ in $(seq 50); do
		[ -d "/sys/module/$m" ] || return 0
		rmmod "$m" 2>/dev/null && return 0
		sleep 0.1
	done
	rmmod "$m"
}

case $op in
load)
	for ko in "${mods[@]}"; do
		[ -d "/sys/module/$(name "$ko")" ] || insmod "$ko"
	done
	;;
unload)
	for ko in "${mods[@]}"; do
		unload_one "$(name "$ko")"
	done
	;;
*) echo "modules: unknown operation '$op'" >&2; exit 1 ;;
esac
