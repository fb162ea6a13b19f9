#!/usr/bin/env bash
# Kits: cached Debian roots holding one kernel, its headers and the whole
# toolchain. See scripts/kits/*.kit for what each kit is.
#
#   kit.sh ensure KIT   build the kit unless the cached one is current
#   kit.sh build KIT    ensure, then build modkfunc into build/KIT/
#                       (build/KIT-sanitize/ with SANITIZE=1)
#   kit.sh versions KIT print what the kit resolved to
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

# Every kit gets the same toolchain; a kit file adds to it, never forks it.
BASE_PACKAGES=make,gcc,libc6-dev,clang,llvm,libbpf-dev,bpftool,dwarves,libelf-dev,zlib1g-dev,bats,jq,kmod,xz-utils,ca-certificates,dkms

mirror_for() {
	case $1 in
	*-security) echo http://deb.debian.org/debian-security ;;
	*) echo http://deb.debian.org/debian ;;
	esac
}

# A cached root is current while what defines it is unchanged: the kit
# file, the base packages and the provisioning scripts; not the rest of this
# script, which builds modkfunc.
definition_hash() {
	{
		cat "$@"
		echo "$BASE_PACKAGES"
	} | sha256sum | cut -c1-16
}

# The debootstrap stage depends only on the suite, so kits share it.
ensure_base() {
	local base=$MODKFUNC_CACHE/base/$KIT_SUITE hash lock
	hash=$(echo "$KIT_SUITE" | definition_hash -)
	BASE_ROOT=$base
	# Kits of one suite may be built at once (make matrix); one builds
	# the base while the others wait for it.
	mkdir -p "$(dirname "$base")"
	exec {lock}>"$base.lock"
	flock "$lock"
	if [ "$(cat "$base.stamp" 2>/dev/null)" = "$hash" ]; then
		exec {lock}>&-
		return 0
	fi
	echo "kit: debootstrap $KIT_SUITE (once per suite)"
	rm -rf "$base" "$base.new" "$base.stamp"
	mkdir -p "$(dirname "$base")"
	debootstrap --variant=minbase --include="$BASE_PACKAGES" \
		"$KIT_SUITE" "$base.new" "$(mirror_for "$KIT_SUITE")" >"$base.log" 2>&1 ||
		{ tail -n 20 "$base.log" >&2; die "debootstrap $KIT_SUITE failed (log: $base.log)"; }
	mv "$base.new" "$base"
	echo "$hash" >"$base.stamp"
	exec {lock}>&-
}

write_sources() {
	local root=$1 suite
	: >"$root/etc/apt/sources.list"
	for suite in $KIT_SUITE $KIT_EXTRA_SUITES; do
		echo "deb $(mirror_for "$suite") $suite main" >>"$root/etc/apt/sources.list"
	done
	# sid's Release is valid for a week only, and a mirror that serves a
	# snapshot (as on these machines) serves it expired; the signature
	# is still checked.
	echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99modkfunc-valid-until"
}

ensure_kit() {
	local hash final_root
	hash=$(definition_hash "$KIT_FILE" "$MODKFUNC_TOP/scripts/kit-provision.sh" \
		${KIT_BTF_FIX_SOURCE:+"$MODKFUNC_TOP/scripts/kdir-btf-fix.sh"})
	if [ "$(cat "$KIT_DIR/stamp" 2>/dev/null)" = "$hash" ] && [ -d "$KIT_ROOT" ]; then
		return 0
	fi
	ensure_base
	echo "kit: building $KIT from $KIT_FILE"
	final_root=$KIT_ROOT
	rm -rf "$KIT_DIR"
	mkdir -p "$KIT_DIR"
	cp -a "$BASE_ROOT" "$KIT_ROOT.new"
	write_sources "$KIT_ROOT.new"
	mkdir -p "$KIT_ROOT.new$KIT_SRC"
	# Provision under the temporary name, so an interrupted build is never
	# mistaken for a finished one.
	KIT_ROOT=$KIT_ROOT.new
	kit_chroot bash "$KIT_SRC/scripts/kit-provision.sh" "$KIT" \
		"$KIT_KERNEL_VERSION" "$KIT_KERNEL_PACKAGES" "$KIT_EXTRA_PACKAGES" \
		"$KIT_BTF_FIX_SOURCE" \
		>"$KIT_DIR/provision.log" 2>&1 ||
		{ tail -n 20 "$KIT_DIR/provision.log" >&2; die "provisioning $KIT failed (log: $KIT_DIR/provision.log)"; }
	mv "$KIT_ROOT" "$final_root"
	KIT_ROOT=$final_root
	echo "$hash" >"$KIT_DIR/stamp"
}

# Sets the KIT_* values kit-provision.sh recorded, such as KIT_KVER and KIT_KDIR.
kit_env() {
	local env=$KIT_ROOT/etc/modkfunc-kit.env
	[ -f "$env" ] || die "kit $KIT is not built"
	# shellcheck source=/dev/null
	. "$env"
}

print_versions() {
	echo "kit: $KIT_NAME kernel $KIT_KVER ($KIT_KPKG_VERSION)" \
		"libbpf $KIT_LIBBPF clang $KIT_CLANG pahole $KIT_PAHOLE bpftool $KIT_BPFTOOL"
}

build_tree() {
	mkdir -p "$KIT_BUILD"
	cp "$KIT_ROOT/etc/modkfunc-kit.env" "$KIT_BUILD/kit.env"
	kit_make -j"$(nproc)" KDIR="${KIT_KDIR:?}" all ||
		die "building modkfunc in kit $KIT failed"
	if [ -n "${KIT_KDIR_NOBTF:-}" ]; then
		kit_make KDIR="$KIT_KDIR" KDIR_NOBTF="$KIT_KDIR_NOBTF" modules-nobtf ||
			die "building modkfunc against $KIT_KDIR_NOBTF failed"
	fi
	# The modules once more, as DKMS builds them (dkms.bats); a sanitized
	# build has nothing to add to that.
	[ "${SANITIZE:-}" = 1 ] ||
		kit_chroot "$KIT_SRC/scripts/dkms.sh" "$KIT_SRC/build/$KIT" "$KIT_KVER" "$KIT_KDIR" \
			${KIT_KDIR_NOBTF:+"$KIT_KDIR_NOBTF"} ||
		die "building modkfunc through DKMS in kit $KIT failed"
}

[ $# -eq 2 ] || die "usage: kit.sh ensure|build|deb|versions KIT"
kit_load "$2"
# Runs of one kit that start together (a vm-run beside a vm-check, a kit
# testing another's packages beside that kit's own run) provision and
# build it one after the other: dkms add refuses a tree that another run
# is filling. The lock goes with this process.
mkdir -p "$MODKFUNC_CACHE/kits"
exec {kit_lock}>"$MODKFUNC_CACHE/kits/$KIT.lock"
flock "$kit_lock"
case $1 in
ensure) ensure_kit && kit_env && print_versions ;;
build) ensure_kit && kit_env && print_versions && build_tree ;;
# The release's Debian packages (deb.sh), from the sources alone: no build
# of the tree is needed.
deb) ensure_kit && kit_env && "$MODKFUNC_TOP/scripts/deb.sh" "$KIT" ;;
versions) kit_env && print_versions ;;
*) die "unknown command '$1'" ;;
esac
