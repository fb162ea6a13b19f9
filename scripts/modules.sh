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

# Forks are what a TCG guest pays most for, so the loop starts no process
# but insmod, and one rmmod takes every module.
names=()
for ko in "${mods[@]}"; do
	name=${ko##*/}
	names+=("${name%.ko}")
done

# The last program using a module releases it asynchronously, so rmmod can
# see a module busy (EAGAIN or EBUSY) for a moment after the program is
# gone: what is still loaded is tried again, for up to five seconds.
unload() {
	local try loaded m
	for ((try = 0; try < 50; try++)); do
		loaded=()
		for m in "${names[@]}"; do
			[ ! -d "/sys/module/$m" ] || loaded+=("$m")
		done
		[ ${#loaded[@]} -gt 0 ] || return 0
		rmmod "${loaded[@]}" 2>/dev/null && return 0
		sleep 0.1
	done
	rmmod "${loaded[@]}"
}

case $op in
load)
	for i in "${!mods[@]}"; do
		[ -d "/sys/module/${names[i]}" ] || insmod "${mods[i]}"
	done
	;;
unload) unload ;;
*) echo "modules: unknown operation '$op'" >&2; exit 1 ;;
esac
