#!/usr/bin/env bash
# Loads or unloads modkfunc and modkfunc_peer, or the NAMEs given, from
# DIR; load-all and unload-all take every module in DIR (the generated
# ones); path prints where NAME's module file is. DIR is a build's
# kmod/module (extra modules in extra/), or a flat directory such as
# DKMS's updates/dkms, whose modules may be compressed.
# Usage: modules.sh load|unload DIR [NAME...]
#        modules.sh load-all|unload-all DIR
#        modules.sh path DIR NAME
set -euo pipefail
op=$1 dir=$2
shift 2
case $op in
*-all)
	op=${op%-all}
	set -- "$dir"/*.ko
	[ -e "$1" ] || { echo "modules: no modules in $dir; run 'make' first" >&2; exit 1; }
	set -- "${@##*/}"
	set -- "${@%.ko}"
	;;
esac
[ $# -gt 0 ] || set -- modkfunc modkfunc_peer
names=("$@")

# ko NAME: sets KO to NAME's module file in DIR, as insmod takes it. Not
# a command substitution: forks are what a TCG guest pays most for.
ko() {
	for KO in "$dir/$1".ko "$dir/$1".ko.{xz,zst,gz} "$dir/extra/$1".ko; do
		[ ! -e "$KO" ] || return 0
	done
	echo "modules: no $1.ko in $dir; run 'make' first" >&2
	return 1
}

# The last program using a module releases it asynchronously, so rmmod can
# see a module busy (EAGAIN or EBUSY) for a moment after the program is
# gone: what is still loaded is tried again, for up to five seconds.
# One rmmod takes every module.
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

load() {
	local m
	for m in "${names[@]}"; do
		[ ! -d "/sys/module/$m" ] || continue
		ko "$m"
		insmod "$KO"
	done
}

case $op in
load) load ;;
unload) unload ;;
path)
	[ $# -eq 1 ] || { echo "modules: path takes one NAME" >&2; exit 1; }
	ko "$1"
	echo "$KO"
	;;
*) echo "modules: unknown operation '$op'" >&2; exit 1 ;;
esac
