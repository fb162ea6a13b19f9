/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a negative program expects, written on the program itself as BTF
 * decl tags, the way the kernel selftests' __failure and __msg() are.
 * kfcheck reads them from the object's BTF ("kfcheck list"), and the suite
 * makes one test of each tagged program. A tag is "kfcheck:KEY=VALUE":
 *
 *   __description(text)  the test's name: a sentence about the behaviour
 *   __rejected(feature)  the load must fail as harness/tests/messages.tsv
 *                        says for @feature: who refuses, errno, message
 *   __needs(feature)     skip unless the running system has @feature
 *                        (harness/tests/needs.tsv says how to probe it)
 *   __without_cap(cap)   load without capability @cap, e.g. sys_boot
 *
 * BTF decl tags need clang 14 or later.
 */
#ifndef EXPECT_BPF_H
#define EXPECT_BPF_H

#define KFCHECK_TAG(key, value) \
	__attribute__((btf_decl_tag("kfcheck:" key "=" value)))
#define __description(text) KFCHECK_TAG("description", text)
#define __rejected(feature) KFCHECK_TAG("reject", feature)
#define __needs(feature) KFCHECK_TAG("needs", feature)
#define __without_cap(cap) KFCHECK_TAG("without_cap", cap)

#endif /* EXPECT_BPF_H */
