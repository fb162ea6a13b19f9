// SPDX-License-Identifier: GPL-2.0
/*
 * The call-cost benchmark (harness/kfbench.c): tc programs that make
 * BENCH_CALLS calls each, unrolled, so that BPF_PROG_TEST_RUN's repeat
 * times calls and not a loop. Each callee's body is as close to empty as
 * its kind allows, so the difference between two programs is the cost of
 * reaching the callee: a module kfunc, a vmlinux kfunc, a BPF helper, or
 * nothing (the baseline).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

#define BENCH_CALLS 64

#define REPEAT_CALLS(n, call) ({				\
	_Pragma("clang loop unroll(full)")			\
	for (int __i = 0; __i < (n); __i++)			\
		call;						\
})

SEC("tc")
int bench_baseline(struct __sk_buff *skb)
{
	return 0;
}

SEC("tc")
int bench_helper(struct __sk_buff *skb)
{
	REPEAT_CALLS(BENCH_CALLS, bpf_get_numa_node_id());
	return 0;
}

SEC("tc")
int bench_module(struct __sk_buff *skb)
{
	REPEAT_CALLS(BENCH_CALLS, modkfunc_nop());
	return 0;
}

/*
 * The vmlinux side needs a kfunc that tc may call and whose body is as
 * empty as modkfunc_nop()'s; which one exists depends on the kernel, and
 * its BTF (vmlinux_kfuncs.h) says. From 6.10, bpf_preempt_disable() and
 * bpf_preempt_enable(), called in pairs as the verifier requires; before
 * 6.4, test_run's bpf_kfunc_call_test_pass_ctx(), which does nothing.
 */
#if defined(HAVE_KFUNC_bpf_preempt_disable)
extern void bpf_preempt_disable(void) __ksym;
extern void bpf_preempt_enable(void) __ksym;

SEC("tc")
int bench_vmlinux(struct __sk_buff *skb)
{
	REPEAT_CALLS(BENCH_CALLS / 2, ({ bpf_preempt_disable(); bpf_preempt_enable(); }));
	return 0;
}
#elif defined(HAVE_KFUNC_bpf_kfunc_call_test_pass_ctx)
extern void bpf_kfunc_call_test_pass_ctx(struct __sk_buff *skb) __ksym;

SEC("tc")
int bench_vmlinux(struct __sk_buff *skb)
{
	REPEAT_CALLS(BENCH_CALLS, bpf_kfunc_call_test_pass_ctx(skb));
	return 0;
}
#endif

char LICENSE[] SEC("license") = "GPL";
