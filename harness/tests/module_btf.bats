#!/usr/bin/env bats
# The modules' BTF: the kernel registered it, so kfuncs can be resolved.

setup() {
	load helpers
}

# btf_types MODULE: MODULE's BTF as JSON, split against vmlinux's.
btf_types() {
	bpftool -j -B /sys/kernel/btf/vmlinux btf dump file "/sys/kernel/btf/$1"
}

# kfunc_in_btf MODULE KFUNC: KFUNC is a FUNC in MODULE's BTF.
kfunc_in_btf() {
	btf_types "$1" | jq -e --arg f "$2" '.types[] | select(.kind == "FUNC" and .name == $f)' >/dev/null
}

# kfunc_tagged MODULE KFUNC: that FUNC has a bpf_kfunc tag; type order
# differs between kernels, so match by id.
kfunc_tagged() {
	btf_types "$1" | jq -e --arg f "$2" '.types as $t
		| $t[] | select(.kind == "FUNC" and .name == $f) | .id as $id
		| $t[] | select(.kind == "DECL_TAG" and .name == "bpf_kfunc" and .type_id == $id)' >/dev/null
}

@test "modkfunc exposes its module BTF in /sys/kernel/btf after insmod" {
	[ -r /sys/kernel/btf/modkfunc ]
}

@test "modkfunc's module BTF tags its kfuncs with bpf_kfunc" {
	requires kfunc_decl_tag
	kfunc_tagged modkfunc modkfunc_scalar_add
	kfunc_tagged modkfunc modkfunc_obj_acquire
}

@test "modkfunc_peer has a module BTF of its own, holding only its own kfunc" {
	require_module modkfunc_peer
	kfunc_in_btf modkfunc_peer modkfunc_peer_whoami
	run ! kfunc_in_btf modkfunc modkfunc_peer_whoami
	run ! kfunc_in_btf modkfunc_peer modkfunc_whoami
}
