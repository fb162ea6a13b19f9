#!/usr/bin/env bash
# The VM runner: boots a kit's kernel on the kit's root, with this checkout
# at /src (writable), and runs one job there as root.
#
#   vm.sh check KIT [REGEX]
#                     the user flow: load the modules, make check, unload;
#                     with REGEX, only the tests whose names match
#   vm.sh package KIT the user flow of the Debian packages of the kit's
#                     release (packages= in its kit file), on a writable
#                     overlay of its root: autopkgtest installs them and
#                     runs their test; on a kit whose headers DKMS cannot
#                     build on, apt installs modkfunc-tests and
#                     modkfunc-check tests the modules the kit built
#   vm.sh run KIT     run $MODKFUNC_VM_CMD, with the modules built
#   vm.sh shell KIT   an interactive shell
#
# The guest's exit status becomes this script's. A guest that hangs is
# killed after $VM_TIMEOUT seconds; one that reports no status, or whose
# kernel log holds a splat, fails the run. The suite's results land in
# build/KIT/ (check.tap, check.junit.xml, check.ktap, dmesg.txt); a
# filtered check's in build/KIT/filtered/, and run's and shell's in
# build/KIT/vm-run/, so that only a whole suite run replaces the suite's
# results; package's in build/KIT/package/. The counts vm-check prints are read from the KTAP.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"

# The whole suite, with the kernel-limit tests' light skeletons, takes about
# a quarter of an hour per kit under TCG; the default leaves room for that.
VM_TIMEOUT=${VM_TIMEOUT:-2700}
VM_MEMORY=${VM_MEMORY:-2048}
QEMU=${QEMU:-qemu-system-x86_64}
KVM_DEVICE=${KVM_DEVICE:-/dev/kvm}
# How long a guest may take to reach its first marker under KVM, where it
# takes a second or two. A PVM flavour of /dev/kvm can hang instead.
KVM_PROBE_TIMEOUT=${KVM_PROBE_TIMEOUT:-30}
# KFENCE samples one allocation in this many milliseconds; its default of 0
# in Debian's kernels turns it off.
KFENCE_INTERVAL=${KFENCE_INTERVAL:-10}

# The kit's kmod resolves the load order. The files go in decompressed,
# because busybox insmod cannot read .ko.xz.
make_initramfs() {
	local dir=$VM_DIR/initramfs ko kos
	mkdir -p "$dir"/{bin,dev,proc,sys,newroot,modules}
	cp /bin/busybox "$dir/bin/busybox"
	cp "$MODKFUNC_TOP/scripts/guest-init" "$dir/init"
	: >"$dir/modules.order"
	kos=$(kit_chroot modprobe -a -S "$KIT_KVER" --show-depends 9p 9pnet_virtio virtio_pci overlay |
		awk '$1 == "insmod" && !seen[$2]++ { print $2 }')
	for ko in $kos; do
		ko=$KIT_ROOT$ko
		case $ko in
		*.xz) xz -dc "$ko" >"$dir/modules/$(basename "$ko" .xz)" ;;
		*) cp "$ko" "$dir/modules/" ;;
		esac
		basename "${ko%.xz}" >>"$dir/modules.order"
	done
	(cd "$dir" && find . | cpio -o -H newc --quiet) >"$VM_DIR/initramfs.cpio"
}

# The modules the kit's suite tests, relative to the checkout: empty for
# the build's, or DKMS's install tree (scripts/dkms.sh).
module_dir() {
	[ "$KIT_MODULES" = dkms ] || return 0
	echo "${KIT_BUILD#"$MODKFUNC_TOP"/}/dkms/install/$KIT_KVER/updates/dkms"
}

# The modules the packages' suite tests, when DKMS cannot build them: on
# a kit whose stock headers lack BTF tooling (btf_fix_source), those the
# kit built through kdir-btf-fix.sh, as that release's users build them.
package_modules() {
	[ -z "$KIT_BTF_FIX_SOURCE" ] || echo "${KIT_BUILD#"$MODKFUNC_TOP"/}/kmod/module"
}

write_job() {
	# shellcheck disable=SC2016 # the shell job's $(...) is for the guest
	case $MODE in
	# The guest's sh is dash, so the filter is single-quoted by hand.
	check) printf "exec scripts/guest-check.sh '%s' '%s' '%s' '%s'\n" "${KIT_BUILD#"$MODKFUNC_TOP"/}" \
		"${FILTER//\'/\'\\\'\'}" "${OUT#"$MODKFUNC_TOP"/}" "$(module_dir)" ;;
	package) printf "exec scripts/guest-package.sh '%s' '%s' '%s' '%s'\n" "${DEB_DIR#"$MODKFUNC_TOP"/}" \
		"${OUT#"$MODKFUNC_TOP"/}" "${KIT_BUILD#"$MODKFUNC_TOP"/}" "$(package_modules)" ;;
	run) printf '%s\n' "$MODKFUNC_VM_CMD" ;;
	shell) echo 'echo "guest: $(uname -r); the checkout is /src; exit to power off"; exec bash -l' ;;
	esac >"$VM_DIR/job"
}

# qemu_cmd ACCEL: QEMU_CMD becomes the command line that boots the kit's
# kernel and initramfs under ACCEL, without a console or kernel arguments.
qemu_cmd() {
	QEMU_CMD=("$QEMU" -machine q35 -accel "$1")
	if [ "$1" = kvm ]; then
		QEMU_CMD+=(-cpu host -smp "${VM_SMP:-$(nproc)}")
	else
		# One vCPU: the suite is serial, and a second TCG vCPU thread
		# made two guests sharing a 2-core host three times slower,
		# where with one each they run as fast as a guest alone.
		QEMU_CMD+=(-cpu "${VM_CPU:-qemu64}" -smp 1)
	fi
	QEMU_CMD+=(-m "$VM_MEMORY" -no-reboot -nic none
		-kernel "$KIT_ROOT$KIT_VMLINUZ" -initrd "$VM_DIR/initramfs.cpio")
}

# probe_kvm: boots the kit's kernel under KVM to the initramfs's first
# marker, which then powers the guest off. Prints the failure's reason and
# fails when it does not get there, or QEMU does not exit cleanly after.
probe_kvm() {
	local log=$VM_DIR/kvm-probe.log rc=0
	qemu_cmd kvm
	timeout -k 5 "$KVM_PROBE_TIMEOUT" "${QEMU_CMD[@]}" -display none -monitor none -serial stdio \
		-append 'console=ttyS0 panic=-1 quiet modkfunc_probe=1' </dev/null >"$log" 2>&1 || rc=$?
	if grep -q '^modkfunc-probe: booted' "$log"; then
		[ "$rc" -ne 0 ] || return 0
		echo "a KVM probe guest booted, but QEMU did not exit cleanly (status $rc)"
	elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		echo "a KVM probe guest did not boot within ${KVM_PROBE_TIMEOUT}s"
	else
		echo "a KVM probe guest failed: $(grep -m1 -iE 'error|fail|qemu' "$log" || tail -n1 "$log")"
	fi
	return 1
}

# choose_accel: sets ACCEL and prints it, with TCG's reason. The probe's
# verdict is cached per host kernel and QEMU version, both of which decide
# it; VM_ACCEL=kvm|tcg forces one, and a forced KVM that fails fails.
choose_accel() {
	local cache key why lock
	case ${VM_ACCEL:-auto} in
	tcg) ACCEL=tcg why="forced by VM_ACCEL=tcg" ;;
	*)
		if [ ! -e "$KVM_DEVICE" ]; then
			why="no $KVM_DEVICE"
		elif [ ! -r "$KVM_DEVICE" ] || [ ! -w "$KVM_DEVICE" ]; then
			why="$KVM_DEVICE is not readable and writable by $(id -un)"
		else
			key=$({ uname -r; "$QEMU" --version | head -n1; } | sha256sum | cut -c1-16)
			cache=${VM_ACCEL_CACHE:-$MODKFUNC_CACHE/accel}/$key
			if [ ! -s "$cache" ]; then
				mkdir -p "${cache%/*}"
				# The matrix starts kits side by side: one probes, the
				# others wait for its whole verdict. Read half-written,
				# an empty verdict said "ok" and sent a guest to a KVM
				# that fails.
				exec {lock}>"$cache.lock"
				flock "$lock"
				if [ ! -s "$cache" ]; then
					if why=$(probe_kvm); then echo ok; else echo "$why"; fi >"$cache.new"
					mv "$cache.new" "$cache"
				fi
				exec {lock}>&-
			fi
			why=$(cat "$cache")
			[ "$why" = ok ] && why=''
		fi
		ACCEL=kvm
		[ -z "$why" ] || ACCEL=tcg
		if [ "$ACCEL" = tcg ] && [ "${VM_ACCEL:-}" = kvm ]; then
			die "VM_ACCEL=kvm, but $why"
		fi
		;;
	esac
	echo "vm: accel=$ACCEL${why:+ ($why)}"
}

# kit_config_has OPTION: the kit's kernel was built with OPTION=y.
kit_config_has() {
	local config
	for config in "$KIT_ROOT/boot/config-$KIT_KVER" "$KIT_ROOT/usr/lib/modules/$KIT_KVER/config"; do
		[ -f "$config" ] || continue
		grep -qx "CONFIG_$1=y" "$config"
		return
	done
	die "kit $KIT has no kernel config (neither /boot/config-$KIT_KVER nor /usr/lib/modules/$KIT_KVER/config)"
}

# choose_memdebug: sets MEMDEBUG to the memory debugging the kit's kernel
# can do, as kernel arguments, and prints it. SLUB's sanity checks, red
# zones, poisoning and owner tracking (FZPU) catch a write to freed memory
# when the object is next allocated or validated, and a double free at the
# second free; KFENCE catches what it samples at the faulting access.
# VM_MEMDEBUG=0 boots without, to measure what they cost.
choose_memdebug() {
	MEMDEBUG=''
	if [ "${VM_MEMDEBUG:-1}" != 0 ]; then
		! kit_config_has SLUB_DEBUG || MEMDEBUG='slub_debug=FZPU'
		! kit_config_has KFENCE || MEMDEBUG+=" kfence.sample_interval=$KFENCE_INTERVAL"
	fi
	MEMDEBUG=${MEMDEBUG# }
	echo "vm: memory debugging: ${MEMDEBUG:-none}"
	# For the suite's test that the guest really runs with it (memdebug.bats).
	MEMDEBUG+=" modkfunc_memdebug=${VM_MEMDEBUG:-1}"
}

boot() {
	local console=(-display none -monitor none -serial stdio)
	[ "$MODE" = shell ] && console=(-nographic)
	qemu_cmd "$ACCEL"
	timeout --foreground -k 10 "$VM_TIMEOUT" "${QEMU_CMD[@]}" "${console[@]}" \
		-append "console=ttyS0 panic=-1 quiet loglevel=4 $MEMDEBUG ${VM_KERNEL_ARGS:-} ${ROOT_RW:-} modkfunc_job=$KIT_SRC/${VM_DIR#"$MODKFUNC_TOP"/}/job" \
		-fsdev "local,id=rootfs,path=$KIT_ROOT,security_model=passthrough,readonly=on,multidevs=remap" \
		-device virtio-9p-pci,fsdev=rootfs,mount_tag=rootfs \
		-fsdev "local,id=src,path=$MODKFUNC_TOP,security_model=passthrough,multidevs=remap" \
		-device virtio-9p-pci,fsdev=src,mount_tag=src
}

console_tail() {
	echo "vm: $1; last console lines:" >&2
	tail -n "${VM_TAIL:-30}" "$VM_DIR/console.log" | sed 's/^/  | /' >&2
}

# Prints the failure and returns the status the run ends with.
judge() {
	local qemu_rc=$1 status
	if [ "$qemu_rc" -eq 124 ] || [ "$qemu_rc" -eq 137 ]; then
		console_tail "the guest timed out after ${VM_TIMEOUT}s and was killed"
		return 124
	fi
	if [ ! -s "$VM_DIR/status" ]; then
		console_tail "the guest reported no status (it did not boot, or died)"
		return 1
	fi
	# A run whose kernel log cannot be checked for splats is not a pass.
	if [ ! -s "$VM_DIR/dmesg.txt" ]; then
		console_tail "the guest saved no kernel log, so it cannot be checked for splats"
		return 1
	fi
	status=$(cat "$VM_DIR/status")
	cp "$VM_DIR/dmesg.txt" "$OUT/dmesg.txt"
	if grep -qE "$SPLAT" "$OUT/dmesg.txt"; then
		echo "vm: kernel splat in the guest's dmesg (saved in ${OUT#"$MODKFUNC_TOP"/}/dmesg.txt):" >&2
		grep -E "$SPLAT" "$OUT/dmesg.txt" | sed 's/^/  | /' >&2
		[ "$status" -ne 0 ] || status=1
	fi
	return "$status"
}

summarize_check() {
	local counts
	if ! counts=$("$MODKFUNC_TOP/scripts/tap-summary.sh" "$OUT/check.ktap"); then
		echo "vm-$MODE: $KIT $KIT_KVER ${counts:-no tests ran}"
		return 1
	fi
	echo "vm-$MODE: $KIT $KIT_KVER $counts"
}

MODE=${1:-} FILTER=${3:-}
case $MODE:$# in check:[23] | package:2 | run:2 | shell:2) ;; *) die "usage: vm.sh check KIT [REGEX] | package KIT | run KIT | shell KIT" ;; esac
case ${VM_ACCEL:-} in '' | kvm | tcg) ;; *) die "VM_ACCEL must be kvm or tcg, not '$VM_ACCEL'" ;; esac
case ${VM_MEMDEBUG:-1} in 0 | 1) ;; *) die "VM_MEMDEBUG must be 0 or 1, not '$VM_MEMDEBUG'" ;; esac
# Before any work: a run without a command would build the kit for nothing.
if [ "$MODE" = run ] && [ -z "${MODKFUNC_VM_CMD:-}" ]; then
	die "vm-run needs a command: make vm-run CMD='...' (or MODKFUNC_VM_CMD=...)"
fi
kit_load "$2"
if [ "$MODE" = package ]; then
	[ -n "$KIT_PACKAGES" ] || die "kit $KIT tests no packages: its kit file has no 'packages='"
	[ "${SANITIZE:-}" != 1 ] || die "vm-package tests the packages as built, never a SANITIZE=1 build"
	PACKAGES_KIT=${KIT_PACKAGES/#build/$KIT}
	[ "$(kit_load "$PACKAGES_KIT" && echo "$KIT_SUITE $KIT_PACKAGES")" = "$KIT_SUITE build" ] ||
		die "kit $KIT tests the packages of $PACKAGES_KIT, which is not a kit of its release, $KIT_SUITE, that builds them (packages=build)"
fi
"$MODKFUNC_TOP/scripts/install-deps.sh"
"$MODKFUNC_TOP/scripts/kit.sh" build "$KIT"
# shellcheck source=/dev/null
. "$KIT_BUILD/kit.env"

case $MODE in
check) OUT=$KIT_BUILD${FILTER:+/filtered} ;;
package) OUT=$KIT_BUILD/package ROOT_RW=modkfunc_rw ;;
*) OUT=$KIT_BUILD/vm-run ;;
esac
if [ "$MODE" = package ]; then
	"$MODKFUNC_TOP/scripts/kit.sh" deb "$PACKAGES_KIT"
	DEB_DIR=$MODKFUNC_TOP/build/$PACKAGES_KIT/deb
fi
VM_DIR=$OUT/vm
rm -rf "$VM_DIR" "$OUT"/check.{tap,junit.xml,ktap} "$OUT"/{dmesg.txt,apt.log,dkms-status}
mkdir -p "$VM_DIR"
make_initramfs
write_job
choose_accel
choose_memdebug

set +e
if [ "$MODE" = shell ]; then
	boot
	qemu_rc=$?
else
	# Line-buffered, so the console shows progress as it happens.
	boot </dev/null 2>&1 | stdbuf -oL tr -d '\r' | tee "$VM_DIR/console.log"
	qemu_rc=${PIPESTATUS[0]}
fi
judge "$qemu_rc"
rc=$?
if [ "$MODE" = check ] || [ "$MODE" = package ]; then
	summarize_check || [ "$rc" -ne 0 ] || rc=1
fi
exit "$rc"
