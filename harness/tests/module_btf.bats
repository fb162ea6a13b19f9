#!/usr/bin/env bats
# The modules' BTF: the kernel registered it, so kfuncs can be resolved.

setup() {
	load helpers
}

# btf_types MODULE: MODULE's BTF as JSON, split against vmlinux's, in
# $BTF_JSON; fails, naming the module, if bpftool cannot dump it.
btf_types() {
	BTF_JSON=$BATS_TEST_TMPDIR/$1.btf.json
	[ -s "$BTF_JSON" ] ||
		bpftool -j -B /sys/kernel/btf/vmlinux btf dump file "/sys/kernel/btf/$1" >"$BTF_JSON" ||
		fail "bpftool cannot dump $1's BTF"
}

# btf_funcs MODULE: FUNCS becomes " NAME NAME ... " of MODULE's BTF FUNCs.
btf_funcs() {
	btf_types "$1" || return
	FUNCS=" $(jq -r '[.types[] | select(.kind == "FUNC") | .name] | join(" ")' "$BTF_JSON") " ||
		fail "jq cannot read $1's BTF"
}

# kfunc_tagged MODULE KFUNC: that FUNC has a bpf_kfunc tag; type order
# differs between kernels, so match by id.
kfunc_tagged() {
	btf_types "$1" || return
	jq -e --arg f "$2" '.types as $t
		| $t[] | select(.kind == "FUNC" and .name == $f) | .id as $id
		| $t[] | select(.kind == "DECL_TAG" and .name == "bpf_kfunc" and .type_id == $id)' \
		"$BTF_JSON" >/dev/null
}

@test "modkfunc's module BTF in /sys/kernel/btf describes each kfunc it counts calls of" {
	local name _ n=0
	btf_funcs modkfunc
	while read -r name _; do
		[[ $FUNCS == *" $name "* ]] || fail "modkfunc's BTF has no FUNC $name" || return
		n=$((n + 1))
	done <"$DEBUGFS/modkfunc/calls"
	((n >= 10)) || fail "modkfunc's debugfs lists only $n kfuncs"
}

@test "modkfunc's module BTF tags its kfuncs with bpf_kfunc" {
	requires kfunc_decl_tag
	kfunc_tagged modkfunc modkfunc_scalar_add
	kfunc_tagged modkfunc modkfunc_obj_acquire
}

@test "modkfunc_peer has a module BTF of its own, holding only its own kfunc" {
	require_module modkfunc_peer
	btf_funcs modkfunc_peer
	[[ $FUNCS == *" modkfunc_peer_whoami "* ]] || fail "modkfunc_peer's BTF lacks its kfunc: $FUNCS"
	[[ $FUNCS != *" modkfunc_whoami "* ]] || fail "modkfunc_peer's BTF holds modkfunc_whoami"
	btf_funcs modkfunc
	[[ $FUNCS != *" modkfunc_peer_whoami "* ]] || fail "modkfunc's BTF holds modkfunc_peer_whoami"
}
