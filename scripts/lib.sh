# shellcheck shell=bash
# Shared by the kit builder, the VM runner and make stress: paths, errors,
# kit files, and what a kernel splat looks like.
# shellcheck disable=SC2034 # the KIT_* values are for the sourcing script

MODKFUNC_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODKFUNC_CACHE=${MODKFUNC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/modkfunc}
KITS_DIR=$MODKFUNC_TOP/scripts/kits
# Where the checkout appears inside a kit, both in its chroot and its guest.
KIT_SRC=/src

# What the kernel prints when it finds itself broken: its own BUG/WARN and
# oopses, refcount_t saturation, and what the guests' memory debugging
# reports (vm.sh): SLUB's "BUG kmalloc-16 (...): Poison overwritten" and
# "Object already free", KFENCE's "BUG: KFENCE: ...", UBSAN, and list
# debugging's corruption reports.
SPLAT='(^|[^A-Z_])BUG[: ]|WARNING:|Oops|refcount_t:|Poison overwritten|Object already free|KFENCE:|general protection fault|kernel BUG at|UBSAN:|list_(add|del) corruption'

die() {
	echo "${0##*/}: $*" >&2
	exit 1
}

kit_names() {
	local f
	for f in "$KITS_DIR"/*.kit; do
		f=${f##*/}
		printf '%s ' "${f%.kit}"
	done
}

# kit_load NAME: read scripts/kits/NAME.kit into KIT_* variables. The file
# is data, not code, so it is parsed rather than sourced.
kit_load() {
	local key val
	KIT=$1
	KIT_FILE=$KITS_DIR/$KIT.kit
	[ -f "$KIT_FILE" ] || die "unknown kit '$KIT' (known: $(kit_names))"
	KIT_SUITE='' KIT_EXTRA_SUITES='' KIT_KERNEL_VERSION=''
	KIT_KERNEL_PACKAGES='' KIT_EXTRA_PACKAGES='' KIT_BTF_FIX_SOURCE='' KIT_MODULES=build KIT_PACKAGES='' KIT_RUNS=''
	while IFS='=' read -r key val; do
		case $key in
		'' | '#'*) ;;
		suite) KIT_SUITE=$val ;;
		extra_suites) KIT_EXTRA_SUITES=$val ;;
		kernel_version) KIT_KERNEL_VERSION=$val ;;
		kernel_packages) KIT_KERNEL_PACKAGES=$val ;;
		extra_packages) KIT_EXTRA_PACKAGES=$val ;;
		btf_fix_source) KIT_BTF_FIX_SOURCE=$val ;;
		modules) KIT_MODULES=$val ;;
		packages) KIT_PACKAGES=$val ;;
		runs) KIT_RUNS=$val ;;
		*) die "$KIT_FILE: unknown key '$key'" ;;
		esac
	done <"$KIT_FILE"
	if [ -z "$KIT_SUITE" ] || [ -z "$KIT_KERNEL_VERSION" ] || [ -z "$KIT_KERNEL_PACKAGES" ]; then
		die "$KIT_FILE: suite, kernel_version and kernel_packages are required"
	fi
	case $KIT_MODULES in
	build | dkms) ;;
	*) die "$KIT_FILE: modules is build or dkms, not '$KIT_MODULES'" ;;
	esac
	# packages=build: the kit builds its release's .deb files (deb.sh);
	# packages=KIT: it tests those another kit of its release built.
	case $KIT_PACKAGES in
	'' | build) ;;
	*) [ -f "$KITS_DIR/$KIT_PACKAGES.kit" ] || die "$KIT_FILE: packages is build or a kit's name, not '$KIT_PACKAGES'" ;;
	esac
	# runs: what make matrix runs in the kit's guest, vm-check's suite of
	# the checkout or vm-package's of the packages; by default the packages'
	# when it tests some, which would otherwise cost a second guest.
	[ -n "$KIT_RUNS" ] || KIT_RUNS=$([ -n "$KIT_PACKAGES" ] && echo package || echo check)
	case " $KIT_RUNS " in
	' check ' | ' package ' | ' check package ') ;;
	*) die "$KIT_FILE: runs is check, package or 'check package', not '$KIT_RUNS'" ;;
	esac
	[[ $KIT_RUNS != *package* ]] || [ -n "$KIT_PACKAGES" ] || die "$KIT_FILE: runs has package, but the kit has no packages="
	KIT_DIR=$MODKFUNC_CACHE/kits/$KIT
	KIT_ROOT=$KIT_DIR/rootfs
	# SANITIZE=1 (make SANITIZE=1) builds into a directory of its own, as
	# the Makefile names it.
	KIT_BUILD=$MODKFUNC_TOP/build/$KIT
	[ "${SANITIZE:-}" != 1 ] || KIT_BUILD+=-sanitize
}

# kit_chroot CMD...: run CMD in the kit's root with the checkout at
# $KIT_SRC. The mounts live in a private namespace, so they vanish with
# the command however it ends.
kit_chroot() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	unshare --mount --propagation private -- sh -euc '
		root=$1 top=$2 src=$3
		shift 3
		mount --bind "$top" "$root$src"
		mount -t proc proc "$root/proc"
		mount --bind /dev "$root/dev"
		exec chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
			HOME=/root LANG=C.UTF-8 "$@"' \
		kit_chroot "$KIT_ROOT" "$MODKFUNC_TOP" "$KIT_SRC" "$@"
}

# kit_make ARGS...: make in the kit's chroot, into KIT_BUILD.
kit_make() {
	kit_chroot make -C "$KIT_SRC" --no-print-directory -s BUILD="build/$KIT" \
		SANITIZE="${SANITIZE:-}" "$@"
}
