// SPDX-License-Identifier: GPL-2.0
/*
 * libbpf issues BPF_PROG_LOAD through syscall(). A syscall() defined here
 * wins symbol resolution over libc's, whether it is linked into kfcheck or
 * preloaded into another loader, and forwards to libc's after recording.
 */
#include <dlfcn.h>
#include <stdarg.h>
#include <sys/syscall.h>

#include "capture.h"

long syscall(long nr, ...)
{
	static syscall_fn real;
	long a[6];
	va_list ap;
	int i;

	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "syscall");
	if (nr == __NR_bpf && a[0] == BPF_PROG_LOAD && !capture_busy())
		return capture_prog_load(real, (union bpf_attr *)a[1],
					 (unsigned int)a[2]);
	return real(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}
