#!/usr/bin/env bash
# kdir-btf-fix.sh: make a kernel headers directory that builds modules with
# BTF, for distros whose headers package lacks the BTF tooling (Debian 12's
# 6.1 ships no BTF vmlinux and no resolve_btfids).
#
# Without them Kbuild prints "Skipping BTF generation for X.ko due to
# unavailability of vmlinux". The module loads, but the kernel logs
# "missing module BTF, cannot register kfuncs" and no kfunc is callable.
#
# Usage:
#   kdir-btf-fix.sh --kdir HEADERS_DIR --vmlinuz KERNEL_IMAGE \
#                   --source LINUX_SOURCE --out NEW_KDIR
#
#   HEADERS_DIR   the distro headers, e.g. /usr/src/linux-headers-6.1.0-56-amd64
#   KERNEL_IMAGE  the image of the same kernel, e.g. /boot/vmlinuz-6.1.0-56-amd64
#   LINUX_SOURCE  the matching source: a tarball (linux-source-6.1.tar.xz) or tree
#   NEW_KDIR      created; build with 'make -C NEW_KDIR M=...' or KDIR=NEW_KDIR
#
# HEADERS_DIR is copied, never modified: it stays what the package installed.
set -euo pipefail

die() {
	echo "kdir-btf-fix: $*" >&2
	exit 1
}

kdir='' vmlinuz='' source='' out=''
while [ $# -gt 0 ]; do
	[ $# -ge 2 ] || die "option $1 needs a value"
	case $1 in
	--kdir) kdir=$2 ;;
	--vmlinuz) vmlinuz=$2 ;;
	--source) source=$2 ;;
	--out) out=$2 ;;
	*) die "unknown option '$1' (see the usage at the top of $0)" ;;
	esac
	shift 2
done
if [ -z "$kdir" ] || [ -z "$vmlinuz" ] || [ -z "$source" ] || [ -z "$out" ]; then
	die "usage: kdir-btf-fix.sh --kdir DIR --vmlinuz FILE --source TARBALL|DIR --out DIR"
fi
utsrelease=$kdir/include/generated/utsrelease.h
if [ ! -f "$kdir/Makefile" ] || [ ! -f "$utsrelease" ]; then
	die "$kdir is not a kernel headers directory"
fi
[ -f "$vmlinuz" ] || die "no kernel image at $vmlinuz"
[ -e "$source" ] || die "no kernel source at $source"
[ ! -e "$out" ] || die "$out already exists; remove it first"
# Debian's include/config/kernel.release holds the upstream version; the
# release that uname -r and the image banner show is UTS_RELEASE.
release=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"$/\1/p' "$utsrelease")
if [ -f "$kdir/vmlinux" ] && [ -x "$kdir/tools/bpf/resolve_btfids/resolve_btfids" ]; then
	die "$kdir already builds modules with BTF: nothing to fix"
fi
grep -q '^CONFIG_DEBUG_INFO_BTF_MODULES=y' "$kdir/.config" ||
	die "$release is built without CONFIG_DEBUG_INFO_BTF_MODULES: its modules cannot have BTF"
for tool in objcopy xz gcc make pkg-config python3; do
	command -v "$tool" >/dev/null || die "'$tool' is needed (Debian: binutils xz-utils gcc make pkg-config python3)"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The image is a bzImage whose payload is an xz stream holding the ELF
# vmlinux; the stream is found by its magic. xz stops at the end of the
# stream and complains about the bytes after it, so only the ELF is judged.
extract_elf() {
	local off
	# The magic is FD '7zXZ' 00; bash strings end at NUL, so match 5 bytes.
	while IFS=: read -r off _; do
		tail -c +$((off + 1)) "$vmlinuz" | xz -dc >"$work/vmlinux.elf" 2>/dev/null || true
		[ "$(head -c 4 "$work/vmlinux.elf" | od -An -tx1 | tr -d ' ')" = 7f454c46 ] && return 0
	done < <(LC_ALL=C grep -abo $'\xfd7zXZ' "$vmlinuz")
	die "no xz-compressed ELF found in $vmlinuz"
}

# The BTF must be that of the running kernel, or module BTF would be split
# against the wrong base; the banner inside the ELF names the release.
extract_btf() {
	extract_elf
	LC_ALL=C grep -aq "Linux version $release " "$work/vmlinux.elf" ||
		die "$vmlinuz is not the image of $release"
	objcopy -O binary --only-section=.BTF "$work/vmlinux.elf" "$work/vmlinux.btf" ||
		die "objcopy could not read .BTF from the image"
	[ "$(head -c 2 "$work/vmlinux.btf" | od -An -tx1 | tr -d ' ')" = 9feb ] ||
		die "$vmlinuz has no .BTF section (kernel built without CONFIG_DEBUG_INFO_BTF)"
}

# resolve_btfids needs only tools/, bpf_doc.py and the uapi headers.
build_resolve_btfids() {
	local tree=$source
	if [ -f "$source" ]; then
		mkdir "$work/src"
		tar -xf "$source" -C "$work/src" --wildcards --no-wildcards-match-slash \
			'*/tools' '*/scripts/bpf_doc.py' '*/include/uapi' ||
			die "cannot unpack tools/ from $source"
		tree=$(echo "$work"/src/*)
	fi
	[ -f "$tree/tools/bpf/resolve_btfids/Makefile" ] || die "$source has no tools/bpf/resolve_btfids"
	mkdir "$work/rbt"
	make -s -C "$tree/tools/bpf/resolve_btfids" OUTPUT="$work/rbt/" -j"$(nproc)" >"$work/rbt.log" 2>&1 ||
		{ tail -n 15 "$work/rbt.log" >&2; die "building resolve_btfids failed"; }
}

# The headers dir is small: copy it, with its symlinks (scripts, tools)
# made absolute so they survive the move, and give it its own tools/.
make_kdir() {
	local link
	cp -a "$kdir" "$work/kdir"
	for link in "$work/kdir"/*; do
		[ -L "$link" ] && ln -sfn "$(readlink -f "$kdir/${link##*/}")" "$link"
	done
	if [ -L "$work/kdir/tools" ]; then
		local shared
		shared=$(readlink -f "$work/kdir/tools")
		rm "$work/kdir/tools"
		mkdir "$work/kdir/tools"
		for link in "$shared"/*; do ln -s "$link" "$work/kdir/tools/"; done
	fi
	rm -rf "$work/kdir/tools/bpf"
	mkdir -p "$work/kdir/tools/bpf/resolve_btfids"
	cp "$work/rbt/resolve_btfids" "$work/kdir/tools/bpf/resolve_btfids/"
	cp "$work/vmlinux.btf" "$work/kdir/vmlinux"
	mkdir -p "$(dirname "$out")"
	mv "$work/kdir" "$out"
}

extract_btf
build_resolve_btfids
make_kdir
echo "kdir-btf-fix: $out builds $release modules with BTF" \
	"($(stat -c %s "$out/vmlinux") bytes of vmlinux BTF, resolve_btfids from $source)"
