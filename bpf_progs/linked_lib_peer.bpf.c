// SPDX-License-Identifier: GPL-2.0
/*
 * A library input of the linked object: a global function that calls
 * modkfunc_peer's kfunc, and modkfunc_whoami(), which
 * linked_lib_modkfunc.bpf.c declares too. Here the extern is __weak and
 * there it is strong: the linker keeps one extern, and a strong one.
 *
 * The linker of bpftool 7.5 (Debian 13) and before refuses two inputs that
 * declare one kfunc extern; built with -DLIB_PEER_ONLY, this calls
 * modkfunc_peer alone, as a library for those linkers has to.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

#ifdef LIB_PEER_ONLY
__noinline __u64 lib_peer_ids(__u64 cookie)
{
	return modkfunc_peer_whoami(cookie);
}
#else
extern __u64 modkfunc_whoami(__u64 cookie) __ksym __weak;

/* modkfunc_peer's identity in the high half, modkfunc's in the low. */
__noinline __u64 lib_peer_ids(__u64 cookie)
{
	return (modkfunc_peer_whoami(cookie) & 0xffffffff00000000ULL) |
	       modkfunc_whoami(cookie) >> 32;
}
#endif
