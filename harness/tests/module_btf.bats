#!/usr/bin/env bats
# modkfunc's BTF: the kernel registered it, so kfuncs can be resolved.

setup() {
	load helpers
}

@test "modkfunc exposes its module BTF in /sys/kernel/btf after insmod" {
	[ -r /sys/kernel/btf/modkfunc ]
}

@test "modkfunc's module BTF tags its kfuncs with bpf_kfunc" {
	run bpftool -B /sys/kernel/btf/vmlinux btf dump file /sys/kernel/btf/modkfunc
	assert_success
	# pahole emits the tag only for functions marked __bpf_kfunc.
	assert_output --regexp "\[([0-9]+)\] FUNC 'modkfunc_scalar_add' .*"$'\n'"\[[0-9]+\] DECL_TAG 'bpf_kfunc' type_id=\1 "
}
