#!/usr/bin/env bash
# Loads or unloads the modules in DIR: all of them, or the NAMEs given.
# Usage: modules.sh load|unload DIR [NAME...]
set -euo pipefail
op=$1 dir=$2
shift 2
if [ $# -gt 0 ]; then
	mods=()
	for m in "$@"; do mods+=("$dir/$m.ko"); done
else
	mods=("$dir"/*.ko)
fi
[ -e "${mods[0]}" ] || { echo "modules: no modules in $dir; run 'make' first" >&2; exit 1; }

name() { basename "$1" .ko; }

# The last program using a module releases it asynchronously, so rmmod can
# see the module busy (EAGAIN or EBUSY) for a moment after the program is
# gone.
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
