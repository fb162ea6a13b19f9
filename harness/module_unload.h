/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kfcheck unload MODULE: what rmmod does, with the kernel's answer kept.
 * kmod's rmmod reads the module's refcnt and refuses by itself when it is
 * not 0, so the kernel's errno for a module BPF still holds is only seen
 * by asking the kernel.
 */
#ifndef KFCHECK_MODULE_UNLOAD_H
#define KFCHECK_MODULE_UNLOAD_H

/*
 * delete_module(@name, O_NONBLOCK), as rmmod calls it, and an "unload"
 * record: the refcnt sysfs showed just before, and the kernel's errno.
 * Returns 0 when the module is gone, 1 when the kernel refused.
 */
int module_unload(const char *name);

#endif
