/* SPDX-License-Identifier: GPL-2.0 */
/* The last check of a harness binary: no BPF object left open. */
#ifndef KFCHECK_FD_LEAKS_H
#define KFCHECK_FD_LEAKS_H

/*
 * How many BPF and BTF fds this process still holds; when any, one line
 * naming @who says so on stderr. Every object the binary opened must be
 * closed by then: a program, map, link or BTF fd still open is its leak.
 */
int bpf_fds_leaked(const char *who);

#endif
