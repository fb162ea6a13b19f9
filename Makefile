# SPDX-License-Identifier: GPL-2.0
# modkfunc: see README.md. As for any out-of-tree module, KDIR= names the
# kernel build directory. Output goes under $(BUILD), never the source tree.
# Quiet by default; V=1 shows every command line.

KDIR ?= /lib/modules/$(shell uname -r)/build
BUILD ?= build/local
KIT ?= trixie
KITS ?= $(basename $(notdir $(wildcard scripts/kits/*.kit)))

CLANG ?= clang
BPFTOOL ?= bpftool
USER_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O2 -g -fPIC -MMD -MP
USER_LDLIBS := -lbpf -lelf -ldl
USER_LDFLAGS :=
# make SANITIZE=1, and make fuzz's target: UBSan's findings abort like
# ASan's, so that any finding fails the run; frame pointers give the
# reports whole stacks.
SANITIZE_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
ifeq ($(SANITIZE),1)
USER_CFLAGS += $(SANITIZE_FLAGS)
USER_LDFLAGS += $(SANITIZE_FLAGS)
endif
# Kernels from 6.19 embed tagged structs as anonymous members, which
# vmlinux.h reproduces; without -fms-extensions clang drops those fields.
BPF_CFLAGS := -target bpf -D__TARGET_ARCH_x86 -O2 -g -Wall -Werror \
	-fms-extensions -Wno-microsoft-anon-tag -MMD -MP

ifeq ($(V),1)
Q :=
quiet = @:
else
Q := @
# $(call quiet,TAG,TARGET): the one line a quiet build prints for a step;
# make -s, like Kbuild, prints none.
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
quiet = @:
else
quiet = @printf '  %-8s %s\n' '$(1)' '$(patsubst $(CURDIR)/%,%,$(2))'
endif
endif

.DELETE_ON_ERROR:
# A pipeline fails when any of its commands does, so that a failed
# generator leaves no half-written target behind.
SHELL := bash
.SHELLFLAGS := -eo pipefail -c

# A sanitized build has a directory of its own, so that objects built with
# and without SANITIZE=1 never link together; scripts/lib.sh knows the name.
B := $(abspath $(BUILD))$(if $(filter 1,$(SANITIZE)),-sanitize)
KMOD := $(B)/kmod
MODULE_SRCS := module/Kbuild $(wildcard module/*.c module/*.h) module/extra/Kbuild \
	$(wildcard module/extra/*.c)

# Positive programs are one object per feature; negative ones share as few
# objects as the rules allow (see bpf_progs/negative.bpf.c).
BPF_PROGS := bench_calls destructive dispatcher filter freplace gate ign iter kptr ksym_variants lifetime many_calls \
	mem multi_module multi_module_reverse name_lookup nullable object ops opt packet percpu_ksym probes \
	rcu rcu_result run_inputs scalar sleepable str subprog syscall_slot typeless_ksym weak_missing \
	weak_present negative negative_filter negative_iter negative_kptr negative_non_gpl negative_proto \
	negative_rcu negative_rcu_result negative_str negative_unresolved
# Inputs of bpftool gen object, which linked.bats runs in the kit: the
# linker's outcome, refusals included, is what it tests.
BPF_LINK_INPUTS := linked_main linked_lib_modkfunc linked_lib_peer linked_weak_half \
	linked_strong_half link_refused_dup link_refused_proto
BPF_OBJS := $(BPF_PROGS:%=$(B)/bpf/%.bpf.o) $(BPF_LINK_INPUTS:%=$(B)/bpf/%.bpf.o) \
	$(B)/bpf/linked_lib_peer_only.bpf.o

# The capture, the views and the report: one library that kfcheck,
# libkfaudit.so and every loader link. syscall_hook.c is not in it: it is
# the interposer, which nothing calls, so an archive would never pull it
# in; the binaries that capture link it by name.
HARNESS_LIB_SRCS := btf_externs.c btfinfo.c capture.c fd_leaks.c freplace.c globals.c json.c kallsyms.c kallsyms_snapshot.c log.c \
	lskel_runtime.c lskel_written.c object.c object_btf.c packets.c prog_tags.c reload.c report.c resolve.c run_inputs.c \
	struct_ops.c testrun.c verifier_log.c
KFCHECK_SRCS := kfcheck.c module_unload.c syscall_hook.c
KFAUDIT_SRCS := kfaudit.c syscall_hook.c
KFBENCH_SRCS := kfbench.c bench_calls.c bench_load.c bench_stats.c
HARNESS_LIB := $(B)/harness/libkfharness.a
harness_objs = $(patsubst %.c,$(B)/harness/%.o,$(1))

# The BTF that vmlinux.h is made from: the headers' own, else the running kernel's.
VMLINUX_BTF ?= $(firstword $(wildcard $(KDIR)/vmlinux) $(wildcard /sys/kernel/btf/vmlinux))
SHELL_SRCS := $(wildcard scripts/*.sh scripts/guest-init scripts/modkfunc-check scripts/kselftest-test debian/tests/modkfunc-check \
	harness/*.sh harness/tests/*.bash \
	harness/tests/*.bats scripts/tests/*.bats)

.PHONY: all kdir modules modules-nobtf bpf bpf-sets harness tests limits bench-tools check load unload \
	matrix bench bench-matrix vm-check vm-run vm-shell deps test lint clean stress vm-stress

all: modules bpf bpf-sets harness tests limits bench-tools

# Directories are order-only prerequisites: a new file in one must not
# make everything in it out of date. Precious, as make would otherwise
# take a directory made by a pattern rule for an intermediate file.
%/:
	$(Q)mkdir -p $@
.PRECIOUS: %/

# Kbuild builds in the directory it is given, so it is given a copy.
KMOD_FILES := $(addprefix $(KMOD)/,Kbuild $(MODULE_SRCS))
$(KMOD_FILES): $(KMOD)/%: %
	$(Q)mkdir -p $(@D) && cp $< $@

# Kbuild's own word for a missing KDIR is a bare "No such file or directory".
kdir:
	@test -d "$(KDIR)" || { echo "make: no kernel build directory $(KDIR): install linux-headers-$(shell uname -r), or pass KDIR=/path/to/kernel/build; to test without local headers, make vm-check" >&2; exit 1; }

# MODKFUNC_FAULT=uaf|double-free: modkfunc broken on purpose, for the
# runner's tests of memory debugging (see mkf_obj_free()). Build it in a
# BUILD of its own.
FAULT_uaf := MODKFUNC_FAULT_UAF
FAULT_double-free := MODKFUNC_FAULT_DOUBLE_FREE
ifneq ($(MODKFUNC_FAULT),)
ifeq ($(FAULT_$(MODKFUNC_FAULT)),)
$(error MODKFUNC_FAULT is uaf or double-free, not '$(MODKFUNC_FAULT)')
endif
endif
modules: $(KMOD_FILES) | kdir
	$(call quiet,KBUILD,$(KMOD))
	$(Q)$(MAKE) -C $(KDIR) M=$(KMOD) $(if $(MODKFUNC_FAULT),KCFLAGS=-D$(FAULT_$(MODKFUNC_FAULT))) modules

# The same module built against headers that lack BTF tooling, such as the
# packaged headers kdir-btf-fix.sh starts from: the test of the diagnosis
# for a module without BTF loads it.
KMOD_NOBTF := $(B)/kmod-nobtf
modules-nobtf: $(KMOD_FILES)
	@test -n "$(KDIR_NOBTF)" || { echo "make: modules-nobtf needs KDIR_NOBTF=" >&2; exit 1; }
	$(Q)mkdir -p $(KMOD_NOBTF)
	$(Q)cd $(KMOD) && cp -u --parents Kbuild $(MODULE_SRCS) $(KMOD_NOBTF)/
	$(call quiet,KBUILD,$(KMOD_NOBTF))
	$(Q)$(MAKE) -C $(KDIR_NOBTF) M=$(KMOD_NOBTF) MODKFUNC_ALLOW_NO_BTF=1 modules

$(B)/vmlinux.h: $(VMLINUX_BTF) | $(B)/
	@test -n "$<" || { echo "make: no kernel BTF: neither $(KDIR)/vmlinux nor /sys/kernel/btf/vmlinux exists" >&2; exit 1; }
	$(call quiet,GEN,$@)
	$(Q)$(BPFTOOL) btf dump file $< format c >$@

# The vmlinux kfuncs the programs may call differ by kernel; the kernel's
# BTF, not its version, says which are there. vmlinux_kfuncs.h's first
# line names those looked for, so that harness/run-suite.sh can ask the
# running kernel the same question and take the objects built for it.
VMLINUX_KFUNCS := bpf_task_from_pid bpf_preempt_disable bpf_kfunc_call_test_pass_ctx bpf_iter_num_new
# $(call kfuncs_header,WORDS): the header for a kernel whose BTF has the
# kfuncs the shell words WORDS name, in VMLINUX_KFUNCS's order.
kfuncs_header = { echo '// vmlinux kfuncs looked for: $(VMLINUX_KFUNCS)'; \
	for f in $(VMLINUX_KFUNCS); do case " $(1) " in *" $$f "*) echo "\#define HAVE_KFUNC_$$f 1" ;; esac; done; }
# It depends on the Makefile, which holds the list.
$(B)/vmlinux_kfuncs.h: $(B)/vmlinux.h Makefile
	$(call quiet,GEN,$@)
	$(Q)have=$$($(BPFTOOL) btf dump file $(VMLINUX_BTF) | \
		awk '$$2 == "FUNC" { f = $$3; gsub(/\047/, "", f); printf "%s ", f }'); \
		$(call kfuncs_header,$$have) >$@

# So that one build serves a release's kernels (make install), it has,
# beside the objects for the build's kernel, a set for each combination of
# VMLINUX_KFUNCS that Linux has had: 6.1 has test_run's kfuncs; 6.2 adds
# bpf_task_from_pid; 6.4 bpf_iter_num_new; a later release moves test_run's
# to bpf_testmod; 6.10 adds bpf_preempt_disable. A set compiles again the
# objects whose code vmlinux_kfuncs.h changes, and links to the rest.
KFUNC_SET_task := bpf_task_from_pid
KFUNC_SET_preempt := bpf_preempt_disable
KFUNC_SET_pass_ctx := bpf_kfunc_call_test_pass_ctx
KFUNC_SET_iter := bpf_iter_num_new
KFUNC_SETS := pass_ctx task+pass_ctx task+pass_ctx+iter task+iter task+iter+preempt
# make lint checks this list against the sources.
KFUNC_DEPENDENT := bench_calls kptr linked_main multi_module multi_module_reverse name_lookup \
	negative_kptr probes
KFUNC_LINKED := $(filter-out $(KFUNC_DEPENDENT:%=$(B)/bpf/%.bpf.o),$(BPF_OBJS))
bpf-sets: $(KFUNC_SETS:%=$(B)/kfuncs/%/.built)
define kfunc_set
$(B)/kfuncs/$(1)/vmlinux_kfuncs.h: Makefile | $(B)/kfuncs/$(1)/
	$$(call quiet,GEN,$$@)
	$(Q)$$(call kfuncs_header,$(foreach k,$(subst +, ,$(1)),$(KFUNC_SET_$(k)))) >$$@
$(B)/kfuncs/$(1)/bpf/%.bpf.o: bpf_progs/%.bpf.c $(B)/vmlinux.h $(B)/kfuncs/$(1)/vmlinux_kfuncs.h | $(B)/kfuncs/$(1)/bpf/
	$$(call quiet,BPF,$$@)
	$(Q)$$(call compile_bpf,-I$(B)/kfuncs/$(1))
$(B)/kfuncs/$(1)/.built: $(KFUNC_DEPENDENT:%=$(B)/kfuncs/$(1)/bpf/%.bpf.o) $(KFUNC_LINKED)
	$(Q)for o in $(notdir $(KFUNC_LINKED)); do ln -sfn ../../../bpf/$$$$o $(B)/kfuncs/$(1)/bpf/$$$$o; done
	$(Q)touch $$@
endef
$(foreach s,$(KFUNC_SETS),$(eval $(call kfunc_set,$(s))))

bpf: $(BPF_OBJS)
BPF_HEADERS := $(B)/vmlinux.h $(B)/vmlinux_kfuncs.h
# $(call compile_bpf[,-IDIR]): a set's DIR is searched before the build's
# own vmlinux_kfuncs.h.
compile_bpf = $(CLANG) $(BPF_CFLAGS) $(1) -I$(B) -Ibpf_progs -Imodule -c $< -o $@
$(B)/bpf/%.bpf.o: bpf_progs/%.bpf.c $(BPF_HEADERS) | $(B)/bpf/
	$(call quiet,BPF,$@)
	$(Q)$(compile_bpf)
# The library for linkers that refuse a kfunc extern two inputs declare.
$(B)/bpf/linked_lib_peer_only.bpf.o: bpf_progs/linked_lib_peer.bpf.c $(BPF_HEADERS) | $(B)/bpf/
	$(call quiet,BPF,$@)
	$(Q)$(compile_bpf) -DLIB_PEER_ONLY

harness: $(B)/kfcheck $(B)/libkfaudit.so
$(B)/harness/%.o: harness/%.c | $(B)/harness/
	$(call quiet,CC,$@)
	$(Q)$(CC) $(USER_CFLAGS) -Iharness -c $< -o $@
$(HARNESS_LIB): $(call harness_objs,$(HARNESS_LIB_SRCS))
	$(call quiet,AR,$@)
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^
$(B)/kfcheck: $(call harness_objs,$(KFCHECK_SRCS)) $(HARNESS_LIB)
	$(call quiet,LD,$@)
	$(Q)$(CC) $(USER_LDFLAGS) -o $@ $^ $(USER_LDLIBS)
$(B)/libkfaudit.so: $(call harness_objs,$(KFAUDIT_SRCS)) $(HARNESS_LIB)
	$(call quiet,LD,$@)
	$(Q)$(CC) $(USER_LDFLAGS) -shared -o $@ $^ $(USER_LDLIBS)
ifeq ($(SANITIZE),1)
# A sanitized libkfaudit.so, preloaded into a program built without ASan,
# needs ASan's runtime loaded before it and before libc: the suite reads
# which one from here (harness/tests/helpers.bash).
harness: $(B)/asan-runtime
$(B)/asan-runtime: $(B)/libkfaudit.so
	$(call quiet,GEN,$@)
	$(Q)$(CC) -print-file-name=libasan.so >$@
endif

# What the suite takes from the build rather than repeating it: the ABI
# header's constants, and one test per tagged negative program.
tests: $(B)/tests/abi.bash $(B)/tests/negative_programs.bats
$(B)/tests/abi.bash: module/modkfunc_abi.h | $(B)/tests/
	$(call quiet,GEN,$@)
	$(Q)$(CC) -E -dM -x c $< | awk '$$1 == "#define" && $$2 ~ /^MODKFUNC_/ && $$3 ~ /^0x[0-9a-fA-F]+$$/ { print $$2 "=" $$3 }' >$@
	@test -s $@ || { echo "make: $< defines no MODKFUNC_ constants" >&2; exit 1; }
$(B)/tests/negative_programs.bats: harness/negative-tests.sh $(B)/kfcheck \
		$(filter $(B)/bpf/negative%,$(BPF_OBJS)) | $(B)/tests/
	$(call quiet,GEN,$@)
	$(Q)harness/negative-tests.sh $(B) >$@

# The kernel-limit tests need 258 modules and programs at the limits; they
# are generated from scripts/gen-limits.sh, never committed. Of the 257
# one-kfunc modules, one is compiled and the rest are cloned from it.
GEN := $(B)/gen
LIMITS := distinct_256 distinct_257 modules_256 modules_257
# make bench's load-latency points, on the same generated modules: N
# kfuncs of one module, and one kfunc of each of N modules.
BENCH_POINTS := $(shell scripts/gen-limits.sh points)
BENCH_LOADS := $(foreach n,$(BENCH_POINTS),distinct_$(n) modules_$(n))
GEN_PROGS := $(sort $(LIMITS) $(BENCH_LOADS))

limits: $(GEN)/kmod/.built $(GEN)/toomany/.built $(LIMITS:%=$(GEN)/bpf/%.bpf.o) $(LIMITS:%=$(GEN)/lskel_%)

$(GEN)/.generated: scripts/gen-limits.sh
	$(call quiet,GEN,$(GEN))
	$(Q)scripts/gen-limits.sh sources $(GEN)
	$(Q)touch $@
# Static pattern rules: a pattern rule would also match the dependency
# files make includes, and make would try to build those from it.
$(GEN_PROGS:%=$(GEN)/bpf/%.bpf.c): $(GEN)/.generated ;
$(GEN)/kmod/.built: AFTER_BUILD = scripts/gen-limits.sh clone $(GEN)
$(GEN)/kmod/.built $(GEN)/toomany/.built: $(GEN)/%/.built: $(GEN)/.generated module/compat.h | kdir
	$(call quiet,KBUILD,$(GEN)/$*)
	$(Q)$(MAKE) -C $(KDIR) M=$(GEN)/$* MODKFUNC_SRC=$(CURDIR) modules
	$(Q)$(AFTER_BUILD)
	$(Q)touch $@
$(GEN_PROGS:%=$(GEN)/bpf/%.bpf.o): $(GEN)/bpf/%.bpf.o: $(GEN)/bpf/%.bpf.c $(B)/vmlinux.h
	$(call quiet,BPF,$@)
	$(Q)$(CLANG) $(BPF_CFLAGS) -I$(B) -c $< -o $@
$(GEN_PROGS:%=$(GEN)/%.lskel.h): $(GEN)/%.lskel.h: $(GEN)/bpf/%.bpf.o
	$(call quiet,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton -L $< name $* >$@
# A light skeleton is code: the loader is compiled once per skeleton.
$(LIMITS:%=$(GEN)/lskel_%.o): $(GEN)/lskel_%.o: harness/lskel_load.c $(GEN)/%.lskel.h
	$(call quiet,CC,$@)
	$(Q)$(CC) $(USER_CFLAGS) -Iharness -I$(GEN) -DLSKEL_NAME=$* -DLSKEL_HEADER='"$*.lskel.h"' \
		-c $< -o $@
$(LIMITS:%=$(GEN)/lskel_%): $(GEN)/lskel_%: $(GEN)/lskel_%.o $(HARNESS_LIB)
	$(call quiet,LD,$@)
	$(Q)$(CC) $(USER_LDFLAGS) -o $@ $^ $(USER_LDLIBS)

# kfbench compiles every load point's light skeleton in, listed by one
# generated header.
bench-tools: $(B)/kfbench
$(GEN)/bench_lskels.h: scripts/gen-limits.sh | $(GEN)/
	$(call quiet,GEN,$@)
	$(Q){ printf '#include "%s.lskel.h"\n' $(BENCH_LOADS); \
		printf '#define BENCH_LSKELS(X)'; printf ' X(%s)' $(BENCH_LOADS); echo; } >$@
$(B)/harness/bench_load.o: $(GEN)/bench_lskels.h $(BENCH_LOADS:%=$(GEN)/%.lskel.h)
$(B)/harness/bench_load.o: USER_CFLAGS += -I$(GEN)
$(B)/kfbench: $(call harness_objs,$(KFBENCH_SRCS)) $(HARNESS_LIB)
	$(call quiet,LD,$@)
	$(Q)$(CC) $(USER_LDFLAGS) -o $@ $^ $(USER_LDLIBS)

# make fuzz: scripts/fuzz.sh makes fuzz-build in the trixie kit, whose
# clang has libFuzzer, and runs it there. The fuzz target links the harness
# library's sources, compiled again by clang with libFuzzer's coverage and
# the sanitizers into $(FUZZ). Its seeds are the suite's objects without
# DWARF, which kfcheck never reads, so that mutations land where it looks.
FUZZ_SECONDS ?= 60
FUZZ := $(B)/fuzz
LLVM_STRIP ?= llvm-strip
.PHONY: fuzz fuzz-build
fuzz:
	@scripts/fuzz.sh $(FUZZ_SECONDS)
fuzz-build: $(FUZZ)/fuzz_object $(BPF_OBJS:$(B)/bpf/%=$(FUZZ)/seeds/%)
$(FUZZ)/harness/%.o: harness/%.c | $(FUZZ)/harness/
	$(call quiet,CC,$@)
	$(Q)$(CLANG) $(USER_CFLAGS) -fsanitize=fuzzer-no-link $(SANITIZE_FLAGS) -Iharness -c $< -o $@
$(FUZZ)/fuzz_object: $(patsubst %.c,$(FUZZ)/harness/%.o,fuzz_object.c $(HARNESS_LIB_SRCS))
	$(call quiet,LD,$@)
	$(Q)$(CLANG) -fsanitize=fuzzer $(SANITIZE_FLAGS) -o $@ $^ $(USER_LDLIBS)
$(FUZZ)/seeds/%: $(B)/bpf/% | $(FUZZ)/seeds/
	$(call quiet,STRIP,$@)
	$(Q)$(LLVM_STRIP) --strip-debug -o $@ $<

# make dkms-source [DESTDIR=D]: the tree DKMS builds from,
# D/usr/src/modkfunc-VERSION (dkms.conf, Kbuild, module/); then
# dkms install modkfunc/VERSION. VERSION is dkms.conf's, read only when
# needed: every make in a guest would otherwise pay a fork for it.
DKMS_VERSION = $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"$$/\1/p' dkms.conf)
DKMS_SRC = $(DESTDIR)/usr/src/modkfunc-$(DKMS_VERSION)
.PHONY: dkms-source
dkms-source:
	@test -n "$(DKMS_VERSION)" || { echo "make: dkms.conf has no PACKAGE_VERSION" >&2; exit 1; }
	$(call quiet,INSTALL,$(DKMS_SRC))
	$(Q)install -d $(DKMS_SRC)
	$(Q)cp --parents dkms.conf Kbuild $(MODULE_SRCS) $(DKMS_SRC)/

# make install [DESTDIR=D] [PREFIX=P]: the suite under D/P/lib/modkfunc,
# laid out as in a checkout (the build's binaries and objects in build/,
# the tests in harness/tests/), and D/P/bin/modkfunc-check, which runs it
# against the loaded modules. Nothing in it names P: the tree can move.
PREFIX ?= /usr/local
SUITE_DIR = $(DESTDIR)$(PREFIX)/lib/modkfunc
SUITE_SRCS := dkms.conf harness/run-suite.sh harness/bats-report.awk scripts/lib.sh scripts/modules.sh \
	scripts/stress.sh $(wildcard harness/tests/*.bats harness/tests/*.bash harness/tests/*.tsv \
	harness/fuzz-regressions/*)
.PHONY: install
install: bpf bpf-sets harness tests
	$(call quiet,INSTALL,$(SUITE_DIR))
	$(Q)install -d $(SUITE_DIR)/build/bpf $(SUITE_DIR)/build/tests $(DESTDIR)$(PREFIX)/bin
	$(Q)cp --parents $(SUITE_SRCS) $(SUITE_DIR)/
	$(Q)install -m 0755 $(B)/kfcheck $(SUITE_DIR)/build/
	$(Q)install -m 0644 $(B)/libkfaudit.so $(B)/vmlinux_kfuncs.h $(SUITE_DIR)/build/
	$(Q)install -m 0644 $(BPF_OBJS) $(SUITE_DIR)/build/bpf/
	$(Q)for s in $(KFUNC_SETS); do \
		install -D -m 0644 -t $(SUITE_DIR)/build/kfuncs/$$s $(B)/kfuncs/$$s/vmlinux_kfuncs.h && \
		install -d $(SUITE_DIR)/build/kfuncs/$$s/bpf && \
		cp -P --remove-destination $(B)/kfuncs/$$s/bpf/*.bpf.o $(SUITE_DIR)/build/kfuncs/$$s/bpf/ || exit; done
	$(Q)install -m 0644 $(B)/tests/abi.bash $(SUITE_DIR)/build/tests/
	$(Q)install -m 0755 $(B)/tests/negative_programs.bats $(SUITE_DIR)/build/tests/
	$(Q)install -m 0755 scripts/modkfunc-check $(DESTDIR)$(PREFIX)/bin/
	$(Q)install -D -m 0644 docs/modkfunc-check.1 $(DESTDIR)$(PREFIX)/share/man/man1/modkfunc-check.1

# make kselftest-install INSTALL_PATH=DIR: a kselftest collection named
# modkfunc in DIR/modkfunc, for the run_kselftest.sh of the kernel
# selftests installed in DIR. A test per bats file, each a link to
# kselftest-test; the suite it runs in DIR/modkfunc/suite (make install);
# a settings file with the timeout of one test; and the collection's lines
# in DIR/kselftest-list.txt, in place of any it had.
KSFT_DIR = $(INSTALL_PATH)/modkfunc
KSFT_TESTS = $(sort $(basename $(notdir $(wildcard harness/tests/*.bats))) negative_programs)
# One test is one bats file: the slowest, limits.bats, takes under 300 s
# in a TCG guest (an installed suite skips it), the next about 60 s.
KSFT_TIMEOUT := 600
.PHONY: kselftest-install
kselftest-install:
	@test -n "$(INSTALL_PATH)" || { echo "make: kselftest-install needs INSTALL_PATH=, where run_kselftest.sh is" >&2; exit 1; }
	$(Q)$(MAKE) --no-print-directory install DESTDIR= PREFIX=$(abspath $(KSFT_DIR))/suite
	$(call quiet,INSTALL,$(KSFT_DIR))
	$(Q)install -m 0755 scripts/kselftest-test $(KSFT_DIR)/
	$(Q)for t in $(KSFT_TESTS); do ln -sfn kselftest-test $(KSFT_DIR)/$$t; done
	$(Q)echo timeout=$(KSFT_TIMEOUT) >$(KSFT_DIR)/settings
	$(Q)list=$(INSTALL_PATH)/kselftest-list.txt; \
		{ grep -v '^modkfunc:' "$$list" 2>/dev/null || :; printf 'modkfunc:%s\n' $(KSFT_TESTS); } >"$$list.new" && \
		mv "$$list.new" "$$list"

# T=REGEX runs only the tests whose names match; RESULTS=DIR puts the TAP
# and JUnit there instead of $(BUILD). MODULE_DIR=DIR tests the modules in
# DIR instead of this build's: DKMS's /lib/modules/KVER/updates/dkms, say.
MODULE_DIR ?= $(KMOD)/module
check:
	@MODKFUNC_MODULES=$(abspath $(MODULE_DIR)) harness/run-suite.sh $(B) \
		$(abspath $(or $(RESULTS),$(BUILD))) $(if $(T),--filter '$(T)')

load:
	@scripts/modules.sh load $(MODULE_DIR)
unload:
	@scripts/modules.sh unload $(MODULE_DIR)

# CYCLES insmod/rmmod cycles (default 100) under two loader loops, on
# this machine, as root, with the modules unloaded; see scripts/stress.sh.
# vm-stress runs it in KIT's guest.
CYCLES ?= 100
stress:
	@MODKFUNC_MODULES=$(abspath $(MODULE_DIR)) scripts/stress.sh $(B) $(CYCLES)
vm-stress: export MODKFUNC_VM_CMD = make -s --no-print-directory stress BUILD=build/$(KIT) CYCLES=$(CYCLES)
vm-stress:
	@scripts/vm.sh run $(KIT)

vm-check:
	@scripts/vm.sh check $(KIT) $(if $(T),'$(T)')
# The kselftest collection through the kernel's run_kselftest.sh in KIT's
# guest (a kit that keeps one: bookworm); KSFT='-t modkfunc:scalar' picks
# tests, as run_kselftest.sh does.
.PHONY: vm-kselftest
vm-kselftest:
	@scripts/kselftest.sh $(KIT) $(KSFT)
# The Debian packages of KIT's release (a kit with packages= in its kit
# file): deb builds them in the kit, vm-package installs them in its guest
# and runs their autopkgtest.
.PHONY: deb vm-package
deb:
	@scripts/kit.sh deb $(KIT)
vm-package:
	@scripts/vm.sh package $(KIT)
matrix:
	@scripts/matrix.sh $(KITS)
# Benchmarks print figures and draw plots; they pass or fail on nothing
# but whether they ran.
bench:
	@scripts/bench.sh $(KIT)
bench-matrix:
	@scripts/bench.sh $(KITS)
vm-run: export MODKFUNC_VM_CMD = $(CMD)
vm-run:
	@scripts/vm.sh run $(KIT)
vm-shell:
	@scripts/vm.sh shell $(KIT)

deps:
	@scripts/install-deps.sh

test: deps lint
	@scripts/test.sh $(KITS)

# The programs whose code vmlinux_kfuncs.h changes, directly or through
# modkfunc.bpf.h's and kptr_map.bpf.h's macros, are those a set compiles again.
KFUNC_USES := -e HAVE_KFUNC_ -e vmlinux_pair -e VMLINUX_ACQUIRE -e __kptr_owned -e kptr_map.bpf.h
lint:
	shellcheck -x $(SHELL_SRCS)
	@dep=$$(grep -l $(KFUNC_USES) bpf_progs/*.bpf.c | sed 's|^bpf_progs/||; s|\.bpf\.c$$||' | xargs); \
		[ "$$dep" = "$(sort $(KFUNC_DEPENDENT))" ] || \
		{ echo "lint: KFUNC_DEPENDENT is '$(KFUNC_DEPENDENT)'; the programs vmlinux_kfuncs.h changes are '$$dep'" >&2; exit 1; }

clean:
	rm -rf build

-include $(wildcard $(B)/harness/*.d $(B)/bpf/*.d $(B)/kfuncs/*/bpf/*.d $(GEN)/*.d $(FUZZ)/harness/*.d)
