/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The BPF and BTF fds a harness binary holds: the last check before it
 * exits, and what a failed light-skeleton loader left in the process;
 * and what kind of BPF object one fd is.
 */
#ifndef KFCHECK_FD_LEAKS_H
#define KFCHECK_FD_LEAKS_H

#include <stdbool.h>

#define FD_SCAN_MAX 1024

/* Whether @fd is a BPF program's. */
bool bpf_fd_is_prog(int fd);

struct bpf_fd_set {
	bool open[FD_SCAN_MAX];
};

/*
 * How many BPF and BTF fds this process still holds; when any, one line
 * naming @who says so on stderr. Every object the binary opened must be
 * closed by then: a program, map, link or BTF fd still open is its leak.
 */
int bpf_fds_leaked(const char *who);

/* Notes which fds are BPF or BTF objects now. */
void bpf_fds_snapshot(struct bpf_fd_set *set);
/* Closes each BPF or BTF fd that @before did not have; returns how many. */
int bpf_fds_close_new(const struct bpf_fd_set *before);

#endif
