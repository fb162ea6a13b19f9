/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The outcome a negative program expects, kept next to its code: a feature
 * key of harness/tests/messages.tsv, in an ELF section libbpf ignores and
 * kfcheck reports as an "expect" record.
 */
#ifndef EXPECT_BPF_H
#define EXPECT_BPF_H

#define KFCHECK_EXPECT(feature) \
	char kfcheck_expect[] __attribute__((section(".kfcheck"), used)) = feature

#endif /* EXPECT_BPF_H */
