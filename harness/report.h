/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kfcheck's output: one record per event, written as JSON lines by
 * default, or for people with --human (kfunc_call and ksym as a table).
 * Records:
 *   kfunc_call, ksym   the sent and resolved views of one reference; btf_fd
 *                      is the BTF fd sent: a ksym's insn[1].imm (0 for
 *                      vmlinux), a call's fd_array[off] (-1 for off 0);
 *                      btf_id is its BTF object's id (0: none)
 *   load               one BPF_PROG_LOAD (reload and the preload auditor)
 *   run                a program's runs: ok, or its errno
 *   global             one global variable after the runs
 *   reject             a load refused by the kernel or by libbpf
 *   expect             the refusal a program declares, before it is loaded
 *   program            one program of an object, and its kfcheck tags
 *   views              which views a load has (a light skeleton: no sent one)
 *   loader_call, loader_ksym   a light skeleton's kfunc call or typed ksym
 *                      load, as its loader patched it: off, imm, and for a
 *                      ksym whether it is still a BTF id load and its fd
 *   loader_slots       the light skeleton's fd_array slots holding an fd
 *   attach_target      the program and function an extension program's
 *                      load named as its target (attach_prog_fd, _btf_id)
 *   during             the command run while programs and links were held
 *   before_load        the command run right before the first program's load
 *   unload             a module unload: the refcnt before it, and the errno
 *   btf_extern         an extern FUNC or VAR in an object file's BTF: the
 *                      DATASEC listing it, and its ELF symbol's binding
 */
#ifndef KFCHECK_REPORT_H
#define KFCHECK_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "capture.h"
#include "kallsyms.h"
#include "testrun.h"

/* The most string fields a program record carries besides its own. */
#define REPORT_MAX_PAIRS 16

/* A string field whose key only the caller knows. */
struct report_pair {
	const char *key;
	const char *value;
};

void report_init(FILE *out, bool human);
void report_refs(const struct load_record *rec);
void report_load(const struct load_record *rec);
/*
 * A kfunc call seen only in the xlated program, as a light skeleton
 * leaves it: no sent view, so none is reported. Shaped as resolve_calls()
 * wants its callback, with the program's name as the context.
 */
void report_xlated_call(int insn, int off, const struct ksym *target, void *prog);
/* From now on, every record carries "loader": @loader (NULL: none). */
void report_set_loader(const char *loader);
/* Which of the three views this load has, and why one is missing. */
void report_views(bool sent, bool behaved, const char *why);
void report_loader_call(const char *prog, int insn, int off, int imm);
void report_loader_ksym(const char *prog, int insn, bool btf_id, int imm, int btf_fd);
void report_loader_slots(const char *map_slots, const char *kfunc_slots);
void report_run(const char *prog, const char *type, const struct run_result *res);
void report_global(const char *name, unsigned long long value);
void report_loaded_prog(unsigned int id, const char *name);
void report_loaded_link(unsigned int id, unsigned int prog_id);
void report_btf_param_found(const char *name);
void report_btf_func_found(const char *name);
void report_struct_ops(const char *map, unsigned int id);
void report_expect(const char *prog, const char *feature);
void report_attach_target(const struct load_record *rec);
/* @status is the command's exit status, or -1 when it did not exit. */
/* @event: during or before_load; @status -1 when the command was killed. */
void report_command(const char *event, const char *cmd, int status);
void report_unload(const char *module, long refcnt, int err);
void report_btf_extern(const char *name, const char *kind, const char *datasec,
		       const char *bind);
/* @by is "kernel" or "libbpf"; @message the lines that say why. */
void report_reject(const char *prog, const char *by, int err,
		   const char *message);
/* @pairs, at most REPORT_MAX_PAIRS, follow the program's own fields. */
void report_program(const char *prog, const char *section, const char *type,
		    const struct report_pair *pairs, int nr_pairs);
/* Prints one line per disagreement between the views; true if any. */
bool report_mismatches(const struct load_record *rec);

#endif
