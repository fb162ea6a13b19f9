#!/usr/bin/env bash
# Runs inside a kit's chroot: installs the kernel the kit names, then
# records what was resolved in /etc/modkfunc-kit.env.
# Usage: kit-provision.sh KIT VERSION_REGEX 'KERNEL_PACKAGES' 'EXTRA_PACKAGES' [BTF_FIX_SOURCE]
set -euo pipefail
kit=$1 pattern=$2 kernel_packages=$3 extra_packages=$4 btf_fix_source=${5:-}
export DEBIAN_FRONTEND=noninteractive

apt-get update -qq

# Debian replaces point releases on its mirror, so the kernel is whatever is
# newest today among the packages the pattern matches.
kver='' kpkg_version=''
for cand in $(apt-cache pkgnames linux-headers- | sed -n 's/^linux-headers-//p' |
	grep -Ex -- "$pattern" || true); do
	v=$(apt-cache policy "linux-headers-$cand" | awk '/Candidate:/ { print $2 }')
	case $v in '' | '(none)') continue ;; esac
	if [ -z "$kpkg_version" ] || dpkg --compare-versions "$v" gt "$kpkg_version"; then
		kver=$cand kpkg_version=$v
	fi
done
[ -n "$kver" ] || { echo "kit-provision: no linux-headers package matches '$pattern'" >&2; exit 1; }
echo "kit-provision: $kit resolves to kernel $kver ($kpkg_version)"

# The guest boots from its own initramfs; making Debian's would only cost time.
dpkg-divert --quiet --local --rename --add /etc/kernel/postinst.d/initramfs-tools

# shellcheck disable=SC2086 # package lists are word lists
apt-get install -y -qq --no-install-recommends ${kernel_packages//\{KVER\}/$kver} $extra_packages >/dev/null
apt-get clean
depmod "$kver"

vmlinuz=''
for f in "/boot/vmlinuz-$kver" "/usr/lib/modules/$kver/vmlinuz" "/usr/lib/modules/$kver/vmlinuz.unsigned"; do
	[ -f "$f" ] && { vmlinuz=$f; break; }
done
[ -n "$vmlinuz" ] || { echo "kit-provision: no kernel image for $kver" >&2; exit 1; }

# Headers without BTF tooling get the documented fix; the packaged headers
# stay as they are, for the test that diagnoses a module built without it.
kdir=/usr/src/linux-headers-$kver kdir_nobtf=''
if [ -n "$btf_fix_source" ]; then
	apt-get install -y -qq --no-install-recommends "$btf_fix_source" pkg-config python3 >/dev/null
	kdir_nobtf=$kdir kdir=/opt/modkfunc/kdir-$kver
	bash "$(dirname "$0")/kdir-btf-fix.sh" --kdir "$kdir_nobtf" --vmlinuz "$vmlinuz" \
		--source "/usr/src/$btf_fix_source.tar.xz" --out "$kdir"
	# The kernel's kselftest runner and KTAP parser, as Debian's source
	# package ships them, for the test of the kselftest collection.
	mkdir -p /opt/modkfunc/linux
	tar -xJf "/usr/src/$btf_fix_source.tar.xz" -C /opt/modkfunc/linux --strip-components=1 \
		--wildcards '*/tools/testing/selftests/run_kselftest.sh' '*/tools/testing/selftests/kselftest/*' \
		'*/tools/testing/kunit/*'
	apt-get purge -y -qq "$btf_fix_source" >/dev/null
fi

pkgver() { dpkg-query -W -f='${Version}' "$1"; }
cat >/etc/modkfunc-kit.env <<ENV
KIT_NAME=$kit
KIT_KVER=$kver
KIT_KPKG_VERSION=$kpkg_version
KIT_VMLINUZ=$vmlinuz
KIT_KDIR=$kdir
KIT_KDIR_NOBTF=$kdir_nobtf
KIT_LIBBPF=$(pkgver libbpf-dev | sed 's/^[0-9]*://; s/-[^-]*$//')
KIT_CLANG=$(clang --version | sed -n '1s/.*clang version \([0-9.]*\).*/\1/p')
KIT_PAHOLE=$(pahole --version | sed 's/^v//')
KIT_BPFTOOL=$(bpftool version | sed -n '1s/^bpftool v//p')
ENV
cat /etc/modkfunc-kit.env
