#!/usr/bin/env bats
# ksyms from a module: a typed per-CPU variable and a typeless symbol.

setup() {
	load helpers
	reset_counters
}

@test "the typed per-CPU ksym is sent with modkfunc's BTF and resolves to modkfunc_pcpu_stats in modkfunc" {
	kfcheck load "$BPF_OBJS/percpu_ksym.bpf.o"
	assert_success
	assert_views_agree
	assert_count 1 ksym kind=var name=modkfunc_pcpu_stats btf=modkfunc resolved_module=modkfunc
}

@test "reading the typed per-CPU ksym shows the kfunc call this CPU just made" {
	kfcheck run --set percpu_a=100 --set percpu_b=5 "$BPF_OBJS/percpu_ksym.bpf.o"
	assert_success
	assert_global percpu_calls_delta 1
	assert_global percpu_last_value 105
}

@test "a typeless ksym from modkfunc holds the address kallsyms gives and reads modkfunc's identity" {
	local addr
	addr=$(awk '$3 == "modkfunc_identity" && $4 == "[modkfunc]" { print $1 }' /proc/kallsyms)
	[ -n "$addr" ] || fail "modkfunc_identity [modkfunc] is not in /proc/kallsyms"
	kfcheck run "$BPF_OBJS/typeless_ksym.bpf.o"
	assert_success
	assert_equal "$(printf '%x' "$(global typeless_addr)")" "$addr"
	assert_global typeless_value "$((MODKFUNC_IDENTITY))"
}
