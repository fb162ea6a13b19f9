#!/usr/bin/env bash
# What a distro's DKMS does with modkfunc, in a kit's chroot for its
# kernel, into BUILD_DIR/dkms instead of the system's trees: make
# dkms-source lays out /usr/src/modkfunc-VERSION, then dkms add, build
# and install, and dkms status is kept in BUILD_DIR/dkms/status. The
# modules end up in BUILD_DIR/dkms/install/KVER/updates/dkms, which make
# check MODULE_DIR= tests.
#
# With KDIR_NOBTF, headers that cannot give modules BTF, it also builds
# against those, which must fail with module/Kbuild's one line: the line
# is kept in BUILD_DIR/dkms/nobtf.
# Usage (in the kit): dkms.sh BUILD_DIR KVER KDIR [KDIR_NOBTF]
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: dkms.sh BUILD_DIR KVER KDIR [KDIR_NOBTF]" >&2; exit 1; }
build=$(realpath "$1") kver=$2 kdir=$3 kdir_nobtf=${4:-}
cd "$(dirname "$0")/.."

out=$build/dkms
# What the last run built from: the same sources for the same kernel and
# headers need no second DKMS run, which every vm-check's build asks for.
stamp=$({
	echo "$kver $kdir $kdir_nobtf"
	cat dkms.conf Kbuild module/Kbuild module/*.[ch] module/extra/*
} | sha256sum)
if [ -s "$out/status" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
	exit 0
fi
rm -rf "$out"
# dkms installs only for a kernel whose module directory exists.
mkdir -p "$out/tree" "$out/install/$kver"
make -s --no-print-directory dkms-source DESTDIR="$out/root"
# The version is the one make dkms-source laid out, as dkms.conf gives it.
src=("$out"/root/usr/src/modkfunc-*)
version=${src[0]##*/modkfunc-}
trees=(--sourcetree "$out/root/usr/src" --dkmstree "$out/tree" --installtree "$out/install")

# DKMS signs what it builds for a kernel with module signing, with a key
# it makes in /var/lib/dkms if there is none. That key belongs to no one
# here: it goes to a tmpfs, in this process's mount namespace (the kit's
# chroot has one of its own), and the kit's root stays as it was built.
mount -t tmpfs dkms-keys /var/lib/dkms

# dkms's own log is long; it is kept, and shown only on failure.
run_dkms() {
	local log=$out/$1.log
	if ! dkms "$@" "${trees[@]}" -m modkfunc -v "$version" >"$log" 2>&1; then
		tail -n 20 "$log" >&2
		[ ! -f "$out/tree/modkfunc/$version/build/make.log" ] ||
			tail -n 20 "$out/tree/modkfunc/$version/build/make.log" >&2
		echo "dkms.sh: dkms $1 failed (log: $log)" >&2
		exit 1
	fi
}

if [ -n "$kdir_nobtf" ]; then
	run_dkms add
	if dkms build "${trees[@]}" -m modkfunc -v "$version" -k "$kver" \
		--kernelsourcedir "$kdir_nobtf" >"$out/nobtf.log" 2>&1; then
		echo "dkms.sh: DKMS built modkfunc against $kdir_nobtf, which has no BTF tooling" >&2
		exit 1
	fi
	grep '^modkfunc: ' "$out/tree/modkfunc/$version/build/make.log" >"$out/nobtf" || {
		echo "dkms.sh: the build against $kdir_nobtf failed without saying why in one line" >&2
		exit 1
	}
	rm -rf "${out:?}/tree"/*
fi
run_dkms add
run_dkms build -k "$kver" --kernelsourcedir "$kdir"
run_dkms install -k "$kver" --kernelsourcedir "$kdir" --no-depmod
dkms status "${trees[@]}" -m modkfunc >"$out/status"
echo "$stamp" >"$out/stamp"
