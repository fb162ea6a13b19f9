#!/usr/bin/env bats
# modkfunc's BTF: the kernel registered it, so kfuncs can be resolved.

setup() {
	load helpers
}

@test "modkfunc exposes its module BTF in /sys/kernel/btf after insmod" {
	[ -r /sys/kernel/btf/modkfunc ]
}

@test "modkfunc's module BTF describes its kfuncs" {
	run bpftool -B /sys/kernel/btf/vmlinux btf dump file /sys/kernel/btf/modkfunc
	assert_success
	assert_output --regexp "FUNC 'modkfunc_scalar_add' type_id=[0-9]+ linkage=global"
}
