/* SPDX-License-Identifier: GPL-2.0 */
/* The instructions the views are about, as the loader and the verifier write them. */
#ifndef KFCHECK_INSN_H
#define KFCHECK_INSN_H

#include <stdbool.h>
#include <linux/bpf.h>

/*
 * A kfunc call: imm is a BTF id as sent, and the target's offset from
 * __bpf_call_base once the verifier has resolved it (x86-64).
 */
static inline bool is_kfunc_call(const struct bpf_insn *insn)
{
	return insn->code == (BPF_JMP | BPF_CALL) &&
	       insn->src_reg == BPF_PSEUDO_KFUNC_CALL;
}

/* A call of a BPF helper the verifier did not inline. */
static inline bool is_helper_call(const struct bpf_insn *insn)
{
	return insn->code == (BPF_JMP | BPF_CALL) && insn->src_reg == 0;
}

/* The first half of a 64-bit immediate load: the next insn holds the high half. */
static inline bool is_ld_imm64(const struct bpf_insn *insn)
{
	return insn->code == (BPF_LD | BPF_IMM | BPF_DW);
}

#endif
