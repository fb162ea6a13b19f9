/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Snapshots of /proc/kallsyms, for many kfcheck runs against one kernel
 * (see kallsyms_snapshot.c).
 */
#ifndef KFCHECK_KALLSYMS_SNAPSHOT_H
#define KFCHECK_KALLSYMS_SNAPSHOT_H

#include <stddef.h>

/*
 * The snapshot file for the symbols as they are now, in the directory
 * $KFCHECK_KALLSYMS_CACHE; -1 when that is unset or the state unreadable.
 */
int kallsyms_snapshot_path(char *buf, size_t len);
/*
 * Writes @text, without BPF programs' symbols, as the snapshot @path;
 * nothing if the modules changed since @path was named.
 */
void kallsyms_snapshot_save(const char *path, const char *text);

#endif
