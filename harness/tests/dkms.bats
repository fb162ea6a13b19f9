#!/usr/bin/env bats
# The modules as DKMS builds them. In each kit, scripts/dkms.sh ran dkms
# add, build and install for the kit's kernel into BUILD/dkms; a kit whose
# suite tests those modules (modules=dkms) runs every other file on them.
# An installed suite (no kmod/ in its build) has no such build: it checks
# this machine's own DKMS, where modkfunc-dkms installed the modules.

setup() {
	load helpers
	DKMS=$MODKFUNC_BUILD/dkms
	if [ -d "$DKMS" ]; then
		DKMS_TREES=(--sourcetree "$DKMS/root/usr/src" --dkmstree "$DKMS/tree" --installtree "$DKMS/install")
		INSTALLED=$DKMS/install/$(uname -r)/updates/dkms
	elif [ ! -d "$MODKFUNC_BUILD/kmod" ] && [ -d /var/lib/dkms/modkfunc ]; then
		DKMS_TREES=()
		INSTALLED=/lib/modules/$(uname -r)/updates/dkms
	else
		skip "no DKMS build in $DKMS: scripts/dkms.sh makes one in a kit, and modkfunc-dkms installs one for an installed suite"
	fi
}

# build_id_loaded MODULE: the build ID the kernel noted for MODULE, in hex.
build_id_loaded() {
	od -An -v -tx1 -j16 "/sys/module/$1/notes/.note.gnu.build-id" | tr -d ' \n'
}

@test "dkms status shows modkfunc installed for the running kernel" {
	local version
	version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$TESTS_DIR/../../dkms.conf")
	# dkms 3.0 lets readelf's warnings through to stderr.
	run_separate dkms status "${DKMS_TREES[@]}" -m modkfunc -k "$(uname -r)"
	assert_success
	assert_output "modkfunc/$version, $(uname -r), $(uname -m): installed"
}

@test "DKMS installed modkfunc, modkfunc_peer and the three test modules, each with module BTF" {
	local m ko
	for m in modkfunc modkfunc_peer modkfunc_twin modkfunc_shadow modkfunc_gate; do
		ko=$("$MODULES_SH" path "$INSTALLED" "$m") || return
		elf_of "$ko" || fail "cannot decompress $ko" || return
		objdump -h "$ELF" | grep -q ' \.BTF ' || fail "$ko has no .BTF section" || return
	done
}

@test "the modkfunc and modkfunc_peer under test are the files MODULE_DIR holds, by build ID" {
	local m ko id
	for m in modkfunc modkfunc_peer; do
		require_module "$m"
		ko=$("$MODULES_SH" path "$MODULE_DIR" "$m") || return
		elf_of "$ko" || fail "cannot decompress $ko" || return
		id=$(readelf -n "$ELF" | sed -n 's/^ *Build ID: //p')
		[ -n "$id" ] || fail "$ko has no build ID" || return
		assert_equal "$(build_id_loaded "$m")" "$id" || return
	done
}

@test "headers without BTF tooling fail the DKMS build in one line that names kdir-btf-fix.sh" {
	[ -f "$DKMS/nobtf" ] ||
		skip "the kit's headers give modules BTF: only a kit whose headers lack the tooling (Debian 12's 6.1) shows the refusal"
	run cat "$DKMS/nobtf"
	assert_output --regexp "^modkfunc: [^ ]+ has no vmlinux, so Kbuild would build modkfunc without BTF and it would register no kfunc; build against a KDIR made by scripts/kdir-btf-fix.sh$"
}
