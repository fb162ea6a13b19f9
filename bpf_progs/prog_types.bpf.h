/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One program per program type, all running the same body, so that a kfunc
 * family is proven from every context it may be called from. A body is
 *
 *	static __always_inline __u64 NAME(void)
 *
 * and each program stores what it returned in the global NAME_TYPE_res,
 * which kfcheck reports after the run. How kfcheck runs each type:
 *   syscall, tc, xdp   BPF_PROG_TEST_RUN
 *   fentry             attached to bpf_fentry_test1, then BPF_PROG_TEST_RUN
 *   tp_btf             attached to sys_enter, then one getppid() by kfcheck;
 *                      the program ignores every other syscall and process
 */
#ifndef PROG_TYPES_BPF_H
#define PROG_TYPES_BPF_H

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

/* kfcheck sets this to its own tgid before loading. */
const volatile __u32 kfcheck_tgid;

#define NR_getppid_x86_64 110

static __always_inline int kfcheck_triggered(long id)
{
	return id == NR_getppid_x86_64 &&
	       bpf_get_current_pid_tgid() >> 32 == kfcheck_tgid;
}

#define PROG_SYSCALL(body)						\
	__u64 body##_syscall_res;					\
	SEC("syscall") int body##_syscall(void *ctx)			\
	{								\
		body##_syscall_res = body();				\
		return 0;						\
	}

#define PROG_TC(body)							\
	__u64 body##_tc_res;						\
	SEC("tc") int body##_tc(struct __sk_buff *skb)			\
	{								\
		body##_tc_res = body();					\
		return 0;						\
	}

#define PROG_XDP(body)							\
	__u64 body##_xdp_res;						\
	SEC("xdp") int body##_xdp(struct xdp_md *xdp)			\
	{								\
		body##_xdp_res = body();				\
		return XDP_PASS;					\
	}

#define PROG_FENTRY(body)						\
	__u64 body##_fentry_res;					\
	SEC("fentry/bpf_fentry_test1")					\
	int BPF_PROG(body##_fentry, int a)				\
	{								\
		body##_fentry_res = body();				\
		return 0;						\
	}

#define PROG_TP_BTF(body)						\
	__u64 body##_tp_btf_res;					\
	SEC("tp_btf/sys_enter")						\
	int BPF_PROG(body##_tp_btf, struct pt_regs *regs, long id)	\
	{								\
		if (kfcheck_triggered(id))				\
			body##_tp_btf_res = body();			\
		return 0;						\
	}

#define PROGS_ALL_TYPES(body)						\
	PROG_SYSCALL(body) PROG_TC(body) PROG_XDP(body)			\
	PROG_FENTRY(body) PROG_TP_BTF(body)

#endif /* PROG_TYPES_BPF_H */
