#!/usr/bin/env bats
# ksyms: modkfunc's typed per-CPU variable and typeless symbol, a vmlinux
# per-CPU variable, and a __weak one that no BTF has. That a typed ksym's
# type is enforced is in the negative programs (typed_ksym_*).

setup() {
	load helpers
	reset_counters
}

@test "the typed per-CPU ksym is sent with modkfunc's BTF and resolves to modkfunc_pcpu_stats in modkfunc" {
	kfcheck load "$BPF_OBJS/percpu_ksym.bpf.o"
	assert_success
	assert_views_agree
	assert_count 1 ksym kind=var name=modkfunc_pcpu_stats btf=modkfunc btf_fd!=0 resolved_module=modkfunc
}

@test "reading the typed per-CPU ksym shows the kfunc call this CPU just made" {
	kfcheck run --set percpu_a=100 --set percpu_b=5 "$BPF_OBJS/percpu_ksym.bpf.o"
	assert_success
	assert_global percpu_calls_delta 1
	assert_global percpu_last_value 105
}

@test "a typed vmlinux per-CPU ksym is sent with BTF fd 0, resolves to runqueues in vmlinux, and reads this CPU's run queue" {
	kfcheck run "$BPF_OBJS/ksym_variants.bpf.o" vmlinux_percpu
	assert_success
	assert_views_agree
	assert_count 1 ksym
	assert_count 1 ksym kind=var name=runqueues btf=vmlinux btf_fd=0 resolved=runqueues resolved_module=vmlinux
	assert_global ksym_rq_cpu "$(global ksym_this_cpu)"
}

@test "a weak typed ksym that no BTF has is sent as a plain load of 0, and the program sees 0" {
	kfcheck run "$BPF_OBJS/ksym_variants.bpf.o" weak_var
	assert_success
	assert_count 0 ksym
	assert_count 1 run prog=weak_var ok=true
	assert_global ksym_weak_addr 0
	assert_global ksym_weak_exists 0
}

@test "a typeless ksym from modkfunc is sent with no BTF id, holds the address kallsyms gives and reads modkfunc's identity" {
	local addr
	addr=$(awk '$3 == "modkfunc_identity" && $4 == "[modkfunc]" { print $1 }' /proc/kallsyms)
	[ -n "$addr" ] || fail "modkfunc_identity [modkfunc] is not in /proc/kallsyms"
	kfcheck run "$BPF_OBJS/typeless_ksym.bpf.o"
	assert_success
	assert_count 0 ksym
	assert_equal "$(printf '%x' "$(global typeless_addr)")" "$addr"
	assert_global typeless_value "$((MODKFUNC_IDENTITY))"
}
