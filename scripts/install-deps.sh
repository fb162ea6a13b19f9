#!/usr/bin/env bash
# Installs the host packages the kits and the VM runner need, and nothing
# else: everything that builds or tests modkfunc lives inside a kit.
set -euo pipefail

# busybox-static, not busybox: the initramfs has no libc to link against.
# gnuplot-nox draws make bench's plots.
packages=(debootstrap qemu-system-x86 busybox-static xz-utils cpio bats shellcheck gnuplot-nox)

# Under TCG, QEMU 10 starts a guest's processes three to four times faster
# than Debian 12's QEMU 7.2 (README, "Speed"), and the suite is process
# starts: on Debian 12 the runner takes QEMU from bookworm-backports.
QEMU_MIN=1:10
BACKPORTS_LIST=/etc/apt/sources.list.d/modkfunc-bookworm-backports.list

installed() {
	local status
	status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null || true)
	[ "${status:0:2}" = ii ]
}

qemu_recent() {
	installed qemu-system-x86 &&
		dpkg --compare-versions "$(dpkg-query -W -f='${Version}' qemu-system-x86)" ge "$QEMU_MIN"
}

# shellcheck source=/dev/null
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
backports=''
if [ "$codename" = bookworm ] && ! qemu_recent; then
	backports=1
fi
missing=()
for pkg in "${packages[@]}"; do
	[ -n "$backports" ] && [ "$pkg" = qemu-system-x86 ] && continue
	installed "$pkg" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && [ -z "$backports" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing ${missing[*]}${backports:+ (and QEMU >= 10 from bookworm-backports)}: run as root, or install them" >&2
	exit 1
fi
echo "install-deps: installing ${missing[*]}${backports:+${missing[*]:+, and }QEMU from bookworm-backports}"
export DEBIAN_FRONTEND=noninteractive
[ -z "$backports" ] || [ -f "$BACKPORTS_LIST" ] ||
	echo "deb http://deb.debian.org/debian bookworm-backports main" >"$BACKPORTS_LIST"
apt-get update -qq
[ ${#missing[@]} -eq 0 ] || apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
[ -z "$backports" ] ||
	apt-get install -y -qq --no-install-recommends -t bookworm-backports qemu-system-x86 >/dev/null
