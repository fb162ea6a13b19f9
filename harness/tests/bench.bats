#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# kfbench, the benchmarks behind make bench, run briefly: what their
# figures stand on is checked on every kit, that each program times the
# callee it names and that both loaders' programs work. Times are printed
# by make bench, never asserted.

setup_file() {
	load helpers
	! have_generated || "$MODULES_SH" load "$MODKFUNC_BUILD/gen/kmod" modkfunc_gen_many modkfunc_gen_000
}

teardown_file() {
	load helpers
	"$MODULES_SH" unload "$MODKFUNC_BUILD/gen/kmod" modkfunc_gen_many modkfunc_gen_000
}

setup() {
	load helpers
	require_generated
	KFBENCH=$MODKFUNC_BUILD/kfbench
	leak_baseline
}

@test "the call-cost benchmark times modkfunc_nop in modkfunc, vmlinux kfuncs and a helper, 64 calls each, and counts no call" {
	[[ $VMLINUX_KFUNCS == *HAVE_KFUNC_bpf_preempt_disable* ||
		$VMLINUX_KFUNCS == *HAVE_KFUNC_bpf_kfunc_call_test_pass_ctx* ]] ||
		skip "kernel BTF has neither bpf_preempt_disable (6.10+) nor bpf_kfunc_call_test_pass_ctx (before 6.4): no empty vmlinux kfunc for tc"
	reset_counters
	run_separate "$KFBENCH" calls --runs 2 --repeat 1000 "$BPF_OBJS/bench_calls.bpf.o"
	assert_success
	assert_line --regexp $'^baseline\t-\t0\t[0-9.]+\t'
	assert_line --regexp $'^module\tmodkfunc_nop\\[modkfunc\\]\t64\t'
	assert_line --regexp $'^vmlinux\tbpf_[a-z_]+\\[vmlinux\\](\\+bpf_[a-z_]+\\[vmlinux\\])?\t64\t'
	assert_line --regexp $'^helper\tbpf_get_numa_node_id\t64\t'
	assert_line --regexp $'^ratio\tmodule/vmlinux\t-(\t-?[0-9]+\\.[0-9]{3}){3}$'
	run awk '$2 != 0' /sys/kernel/debug/modkfunc/calls
	assert_output ""
	assert_no_leak
}

@test "the load benchmark loads each point through libbpf and the light skeleton, and both programs return what the modules give" {
	run_separate "$KFBENCH" load --runs 1 "$MODKFUNC_BUILD/gen/bpf" distinct_16 modules_1
	assert_success
	assert_equal "${#lines[@]}" 6
	assert_line --index 2 --regexp $'^distinct\t16\t[0-9]+\tlibbpf\t1\t'
	assert_line --index 3 --regexp $'^distinct\t16\t[0-9]+\tlskel\t1\t'
	assert_line --index 4 --regexp $'^modules\t1\t[0-9]+\tlibbpf\t1\t'
	assert_line --index 5 --regexp $'^modules\t1\t[0-9]+\tlskel\t1\t'
	assert_no_leak
}

@test "the load benchmark refuses a point it was not built with, in one line" {
	run_separate "$KFBENCH" load "$MODKFUNC_BUILD/gen/bpf" distinct_3
	assert_equal "$status" 1
	assert_equal "$stderr" "kfbench: no load point 'distinct_3' (see bench_points in scripts/gen-limits.sh)"
}

@test "the call-cost benchmark refuses a missing object in one line" {
	run_separate "$KFBENCH" calls "$BPF_OBJS/no_such.bpf.o"
	assert_equal "$status" 1
	assert_equal "$stderr" "kfbench: cannot open $BPF_OBJS/no_such.bpf.o: No such file or directory"
	assert_no_leak
}
