// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_object: libFuzzer's target for what kfcheck does with an object
 * file before any kernel sees it, "kfcheck list" and "kfcheck externs":
 * libbpf opens it, each program's tags are read from its BTF and
 * reported, and the extern FUNCs and VARs are read from its BTF and ELF
 * symbols. Each input is put in a memfd and named by its /proc path, so
 * that the code under test is kfcheck's own, which takes a path. An input
 * after which the process holds one more fd is a crash, as LeakSanitizer
 * sees memory only. scripts/fuzz.sh runs it (make fuzz).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <bpf/libbpf.h>

#include "btf_externs.h"
#include "object.h"
#include "prog_tags.h"
#include "report.h"

static int input_fd;
static char input_path[32];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* A broken object is the usual input, and libbpf warns of each. */
	libbpf_set_print(NULL);
	report_init(stdout, false);
	input_fd = memfd_create("fuzz_object", MFD_CLOEXEC);
	if (input_fd < 0) {
		perror("fuzz_object: memfd_create");
		exit(1);
	}
	snprintf(input_path, sizeof(input_path), "/proc/self/fd/%d", input_fd);
	return 0;
}

/* A failure here is the machine's, not the input's: it stops the run. */
static void write_input(const uint8_t *data, size_t size)
{
	size_t done = 0;
	ssize_t n;

	if (ftruncate(input_fd, 0)) {
		perror("fuzz_object: ftruncate");
		abort();
	}
	while (done < size) {
		n = pwrite(input_fd, data + done, size - done, (off_t)done);
		if (n <= 0) {
			perror("fuzz_object: pwrite");
			abort();
		}
		done += (size_t)n;
	}
}

/* kfcheck list: each program and its tags, up to the first bad tag. */
static void list_programs(struct bpf_object *obj)
{
	struct bpf_program *prog;
	struct prog_tags tags;
	const char *type;

	bpf_object__for_each_program(prog, obj) {
		if (prog_tags_read(obj, input_path, prog, &tags))
			return;
		type = libbpf_bpf_prog_type_str(bpf_program__type(prog));
		report_program(bpf_program__name(prog), bpf_program__section_name(prog),
			       type ? type : "unknown", tags.tag, tags.nr);
	}
}

/* The fd that the next open() gets: any fd left open takes it. */
static int lowest_free_fd(void)
{
	int fd = dup(input_fd);

	if (fd < 0) {
		perror("fuzz_object: dup");
		abort();
	}
	close(fd);
	return fd;
}

static void check_fd_leak(int before)
{
	char link[64], target[256];
	ssize_t n;

	if (lowest_free_fd() == before)
		return;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", before);
	n = readlink(link, target, sizeof(target) - 1);
	target[n > 0 ? n : 0] = '\0';
	fprintf(stderr, "fuzz_object: the input leaked fd %d (%s)\n", before, target);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int free_fd = lowest_free_fd();
	struct bpf_object *obj;

	write_input(data, size);
	obj = object_open(input_path);
	if (obj) {
		list_programs(obj);
		bpf_object__close(obj);
	}
	btf_externs_report(input_path);
	check_fd_leak(free_fd);
	return 0;
}
