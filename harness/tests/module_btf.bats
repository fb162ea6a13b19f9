#!/usr/bin/env bats
# modkfunc's BTF: the kernel registered it, so kfuncs can be resolved.

setup() {
	load helpers
}

@test "modkfunc exposes its module BTF in /sys/kernel/btf after insmod" {
	[ -r /sys/kernel/btf/modkfunc ]
}

@test "modkfunc's module BTF tags its kfuncs with bpf_kfunc" {
	run bpftool -j -B /sys/kernel/btf/vmlinux btf dump file /sys/kernel/btf/modkfunc
	assert_success
	# pahole emits the tag only for functions marked __bpf_kfunc; type order
	# differs between kernels, so match the tag to the FUNC by id.
	run jq -r '.types as $t
		| $t[] | select(.kind == "FUNC" and .name == "modkfunc_scalar_add") | .id as $f
		| $t[] | select(.kind == "DECL_TAG" and .name == "bpf_kfunc" and .type_id == $f)
		| .name' <<<"$output"
	assert_output bpf_kfunc
}
