#!/usr/bin/env bash
# Installs the host packages the kits and the VM runner need, and nothing
# else: everything that builds or tests modkfunc lives inside a kit.
set -euo pipefail

# busybox-static, not busybox: the initramfs has no libc to link against.
packages=(debootstrap qemu-system-x86 busybox-static xz-utils cpio bats shellcheck)

missing=()
for pkg in "${packages[@]}"; do
	status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
	[ "${status:0:2}" = ii ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing ${missing[*]}: run as root, or install them" >&2
	exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
