# SPDX-License-Identifier: GPL-2.0
# modkfunc: see README.md. As for any out-of-tree module, KDIR= names the
# kernel build directory. Output goes under $(BUILD), never the source tree.

KDIR ?= /lib/modules/$(shell uname -r)/build
BUILD ?= build/local
KIT ?= trixie
KITS ?= $(basename $(notdir $(wildcard scripts/kits/*.kit)))

CLANG ?= clang
BPFTOOL ?= bpftool
USER_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O2 -g
# Kernels from 6.19 embed tagged structs as anonymous members, which
# vmlinux.h reproduces; without -fms-extensions clang drops those fields.
BPF_CFLAGS := -target bpf -D__TARGET_ARCH_x86 -O2 -g -Wall -Werror \
	-fms-extensions -Wno-microsoft-anon-tag

B := $(abspath $(BUILD))
KMOD := $(B)/kmod
MODULE_SRCS := $(wildcard module/*.c module/*.h)
BPF_OBJS := $(patsubst bpf_progs/%.bpf.c,$(B)/bpf/%.bpf.o,$(wildcard bpf_progs/*.bpf.c))
# The capture and the views, shared by kfcheck and the LD_PRELOAD auditor;
# kfaudit.c and lskel_load.c are the entry points of other binaries.
CAPTURE_SRCS := $(addprefix harness/,syscall_hook.c capture.c btfinfo.c kallsyms.c resolve.c report.c json.c)
KFCHECK_SRCS := $(filter-out harness/kfaudit.c harness/lskel_load.c $(CAPTURE_SRCS),$(wildcard harness/*.c))
# The BTF that vmlinux.h is made from: the headers' own, else the running kernel's.
VMLINUX_BTF ?= $(firstword $(wildcard $(KDIR)/vmlinux) $(wildcard /sys/kernel/btf/vmlinux))
SHELL_SRCS := $(wildcard scripts/*.sh scripts/guest-init harness/*.sh harness/tests/*.bash \
	harness/tests/*.bats scripts/tests/*.bats)

.PHONY: all modules modules-nobtf bpf harness limits check load unload matrix vm-check vm-run vm-shell deps test lint clean

all: modules bpf harness limits

modules: $(KMOD)/Kbuild $(addprefix $(KMOD)/,$(MODULE_SRCS))
	$(MAKE) -C $(KDIR) M=$(KMOD) modules

# Kbuild builds in the directory it is given, so it is given a copy.
$(KMOD)/Kbuild: Kbuild
	@mkdir -p $(@D)
	cp $< $@
$(KMOD)/module/%: module/%
	@mkdir -p $(@D)
	cp $< $@

# The same module built against headers that lack BTF tooling, such as the
# packaged headers kdir-btf-fix.sh starts from: the test of the diagnosis
# for a module without BTF loads it.
KMOD_NOBTF := $(B)/kmod-nobtf
modules-nobtf: $(KMOD)/Kbuild $(addprefix $(KMOD)/,$(MODULE_SRCS))
	@test -n "$(KDIR_NOBTF)" || { echo "make: modules-nobtf needs KDIR_NOBTF=" >&2; exit 1; }
	rm -rf $(KMOD_NOBTF)
	mkdir -p $(KMOD_NOBTF)
	cd $(KMOD) && cp --parents Kbuild $(MODULE_SRCS) $(KMOD_NOBTF)/
	$(MAKE) -C $(KDIR_NOBTF) M=$(KMOD_NOBTF) modules

$(B)/vmlinux.h: $(VMLINUX_BTF)
	@test -n "$<" || { echo "make: no kernel BTF: neither $(KDIR)/vmlinux nor /sys/kernel/btf/vmlinux exists" >&2; exit 1; }
	@mkdir -p $(@D)
	$(BPFTOOL) btf dump file $< format c >$@.tmp
	mv $@.tmp $@

# The vmlinux kfuncs the programs may call differ by kernel; the kernel's
# BTF, not its version, says which are there.
VMLINUX_KFUNCS := bpf_task_from_pid
$(B)/vmlinux_kfuncs.h: $(B)/vmlinux.h
	$(BPFTOOL) btf dump file $(VMLINUX_BTF) >$@.btf
	for f in $(VMLINUX_KFUNCS); do \
		if grep -q "] FUNC '$$f' " $@.btf; then echo "#define HAVE_KFUNC_$$f 1"; fi; \
	done >$@.tmp
	rm $@.btf
	mv $@.tmp $@

bpf: $(BPF_OBJS)
$(B)/bpf/%.bpf.o: bpf_progs/%.bpf.c $(wildcard bpf_progs/*.h) $(B)/vmlinux.h $(B)/vmlinux_kfuncs.h
	@mkdir -p $(@D)
	$(CLANG) $(BPF_CFLAGS) -I$(B) -Ibpf_progs -c $< -o $@

harness: $(B)/kfcheck $(B)/libkfaudit.so
$(B)/kfcheck: $(KFCHECK_SRCS) $(CAPTURE_SRCS) $(wildcard harness/*.h)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -o $@ $(KFCHECK_SRCS) $(CAPTURE_SRCS) -lbpf -lelf -lz -ldl
$(B)/libkfaudit.so: harness/kfaudit.c $(CAPTURE_SRCS) $(wildcard harness/*.h)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -fPIC -shared -o $@ harness/kfaudit.c $(CAPTURE_SRCS) -lbpf -lelf -lz -ldl

# The kernel-limit tests need 258 modules and programs at the limits; they
# are generated from scripts/gen-limits.sh, never committed. Of the 257
# one-kfunc modules, one is compiled and the rest are cloned from it.
GEN := $(B)/gen
LIMITS := distinct_256 distinct_257 modules_256 modules_257
LSKEL_SRCS := harness/lskel_load.c harness/resolve.c harness/kallsyms.c harness/report.c harness/json.c

limits: $(GEN)/kmod/.built $(GEN)/toomany/.built $(LIMITS:%=$(GEN)/bpf/%.bpf.o) $(LIMITS:%=$(GEN)/lskel_%)

$(GEN)/.generated: scripts/gen-limits.sh
	scripts/gen-limits.sh sources $(GEN)
	touch $@
$(GEN)/bpf/%.bpf.c: $(GEN)/.generated ;
$(GEN)/kmod/.built: AFTER_BUILD = scripts/gen-limits.sh clone $(GEN)
$(GEN)/%/.built: $(GEN)/.generated module/compat.h
	$(MAKE) -C $(KDIR) M=$(GEN)/$* MODKFUNC_SRC=$(CURDIR) modules
	$(AFTER_BUILD)
	touch $@
$(GEN)/bpf/%.bpf.o: $(GEN)/bpf/%.bpf.c $(B)/vmlinux.h
	$(CLANG) $(BPF_CFLAGS) -I$(B) -c $< -o $@
$(GEN)/%.lskel.h: $(GEN)/bpf/%.bpf.o
	$(BPFTOOL) gen skeleton -L $< name $* >$@.tmp
	mv $@.tmp $@
$(GEN)/lskel_%: $(GEN)/%.lskel.h $(LSKEL_SRCS) $(wildcard harness/*.h)
	$(CC) $(USER_CFLAGS) -Iharness -I$(GEN) -DLSKEL_NAME=$* -DLSKEL_HEADER='"$*.lskel.h"' \
		-o $@ $(LSKEL_SRCS) -lbpf -lelf -lz

check:
	@harness/run-suite.sh $(B)

load:
	@scripts/modules.sh load $(KMOD)/module
unload:
	@scripts/modules.sh unload $(KMOD)/module

vm-check:
	@scripts/vm.sh check $(KIT)
matrix:
	@scripts/matrix.sh $(KITS)
vm-run: export MODKFUNC_VM_CMD = $(CMD)
vm-run:
	@scripts/vm.sh run $(KIT)
vm-shell:
	@scripts/vm.sh shell $(KIT)

deps:
	@scripts/install-deps.sh

test: deps lint
	@scripts/test.sh $(KITS)

lint:
	shellcheck -x $(SHELL_SRCS)

clean:
	rm -rf build
