#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# Bad input: each is one clear line and a non-zero exit, and leaks nothing.

setup() {
	load helpers
	leak_baseline
}

# Whatever a test unloaded or swapped, the real modules are back after it.
teardown() {
	if [ ! -e /sys/kernel/btf/modkfunc_peer ]; then
		"$MODULES_SH" unload "$MODULE_DIR" modkfunc_peer
	fi
	"$MODULES_SH" load "$MODULE_DIR"
}

@test "a missing object file is refused in one line" {
	kfcheck run /nonexistent/x.bpf.o
	assert_failure 1
	assert_equal "$stderr" "kfcheck: /nonexistent/x.bpf.o: No such file or directory"
	assert_output ""
}

@test "a corrupt ELF is refused in one line naming the file and what libelf found" {
	head -c 4096 /dev/urandom >"$BATS_TEST_TMPDIR/corrupt.bpf.o"
	kfcheck run "$BATS_TEST_TMPDIR/corrupt.bpf.o"
	assert_failure 1
	assert_equal "$stderr" "kfcheck: $BATS_TEST_TMPDIR/corrupt.bpf.o: not a usable BPF object file: not an ELF file"
	# An ELF header whose section headers lie past the end of the file:
	# libbpf would leak its fd on it.
	local obj=$TESTS_DIR/../fuzz-regressions/elf-shdrs-unreadable
	kfcheck run "$obj"
	assert_failure 1
	assert_equal "$stderr" "kfcheck: $obj: not a usable BPF object file: invalid ELF file data"
	assert_no_leak
}

@test "a program the verifier rejects is reported in one line, then the verifier's reason" {
	kfcheck run "$BPF_OBJS/negative.bpf.o" pkt_from_syscall
	assert_failure 1
	assert_equal "${stderr_lines[0]}" "kfcheck: $BPF_OBJS/negative.bpf.o: the kernel rejected program pkt_from_syscall: EACCES (Permission denied)"
	message kfunc_not_allowed_for_type
	grep -qE "^  verifier: $MSG_TEXT\$" <<<"$stderr" || fail "no verifier line in: $stderr"
	assert_no_leak
}

@test "a program whose module is not loaded fails and names the kfunc no module provides" {
	"$MODULES_SH" unload "$MODULE_DIR" modkfunc_peer
	kfcheck run "$BPF_OBJS/multi_module.bpf.o"
	assert_failure 1
	message extern_not_found
	grep -qE -- "$MSG_TEXT" <<<"${stderr_lines[0]}" || fail "no libbpf reason in: $stderr"
	assert_count 1 reject by=libbpf
	[[ $stderr == *"kfcheck: no loaded module provides modkfunc_peer_whoami: is its module loaded?"* ]] ||
		fail "no diagnosis in: $stderr"
	assert_progs_unchanged
}

# A kit whose headers lack BTF tooling builds the real thing: the module
# against the packaged headers (kmod-nobtf). Elsewhere the BTF is stripped
# from the modkfunc_peer under test.
peer_without_btf() {
	local built=$MODKFUNC_BUILD/kmod-nobtf/module/modkfunc_peer.ko ko
	NOBTF_KO=$BATS_TEST_TMPDIR/nobtf/modkfunc_peer.ko
	mkdir -p "${NOBTF_KO%/*}"
	if [ -f "$built" ]; then
		cp "$built" "$NOBTF_KO"
	else
		ko=$("$MODULES_SH" path "$MODULE_DIR" modkfunc_peer) && elf_of "$ko" &&
			objcopy --remove-section=.BTF --remove-section=.BTF.base "$ELF" "$NOBTF_KO" ||
			fail "cannot strip the BTF from $ko" || return
	fi
	! objdump -h "$NOBTF_KO" | grep -q ' \.BTF ' || fail "$NOBTF_KO has a .BTF section"
	"$MODULES_SH" unload "$MODULE_DIR" modkfunc_peer
	insmod "$NOBTF_KO"
	[ ! -e /sys/kernel/btf/modkfunc_peer ]
}

@test "kfcheck names a module built without a BTF vmlinux, and the fix, in one line" {
	peer_without_btf
	kfcheck run "$BPF_OBJS/multi_module.bpf.o"
	assert_failure 1
	assert_equal "${stderr_lines[1]}" "kfcheck: modkfunc_peer has no BTF, so libbpf cannot see modkfunc_peer_whoami: it was built without a BTF vmlinux; see scripts/kdir-btf-fix.sh"
	assert_progs_unchanged
}

@test "make check names a module built without a BTF vmlinux, and the fix, before running anything" {
	peer_without_btf
	run_separate "$BATS_TEST_DIRNAME/../run-suite.sh" "$MODKFUNC_BUILD"
	assert_failure 1
	assert_output ""
	assert_equal "$stderr" "make check: modkfunc_peer has no BTF: it was built without a BTF vmlinux; see scripts/kdir-btf-fix.sh"
}

@test "kfcheck refuses a program name the object does not have" {
	kfcheck run "$BPF_OBJS/scalar.bpf.o" no_such_prog
	assert_failure 1
	assert_equal "$stderr" "kfcheck: $BPF_OBJS/scalar.bpf.o has no program 'no_such_prog'"
}

@test "kfcheck with no command prints its usage and exits 2" {
	kfcheck
	assert_failure 2
	[[ $stderr == "usage: kfcheck"* ]] || fail "no usage in: $stderr"
}

@test "kfcheck names an unknown command in one line and exits 2" {
	kfcheck frob "$BPF_OBJS/scalar.bpf.o"
	assert_failure 2
	assert_equal "$stderr" "kfcheck: unknown command 'frob'"
	assert_output ""
}

@test "kfcheck progs refuses an argument in one line and exits 2" {
	kfcheck progs "$BPF_OBJS/scalar.bpf.o"
	assert_failure 2
	assert_equal "$stderr" "kfcheck: progs takes no arguments"
	assert_output ""
}

@test "kfcheck btf-param needs exactly one suffix, and says so in one line" {
	kfcheck btf-param
	assert_failure 2
	assert_equal "$stderr" "kfcheck: btf-param needs one SUFFIX"
}

@test "kfcheck btf-param names a vmlinux function argument with the suffix, and nothing for a suffix no argument has" {
	kfcheck btf-param buf
	assert_success
	assert_output --regexp '^\{"event":"btf_param","name":"[A-Za-z0-9_]+buf"\}$'
	kfcheck btf-param __modkfunc_no_such_suffix
	assert_success
	assert_output ""
}

@test "kfcheck refuses a 33rd --set in one line and exits 2" {
	local sets=() i
	for i in $(seq 33); do
		sets+=(--set "scalar_a=$i")
	done
	kfcheck run "${sets[@]}" "$BPF_OBJS/scalar.bpf.o"
	assert_failure 2
	assert_equal "$stderr" "kfcheck: at most 32 --set options"
	assert_output ""
}

@test "kfcheck rejects an --attach that is not PROG=TARGET_OBJ:FUNC with exit 2 and one line" {
	kfcheck load --attach ext_peer=dispatcher.bpf.o "$BPF_OBJS/freplace.bpf.o"
	assert_failure 2
	assert_output ''
	assert_equal "$stderr" "kfcheck: --attach wants PROG=TARGET_OBJ:FUNC, not 'ext_peer=dispatcher.bpf.o'"
}

@test "kfcheck rejects --attach and --during where they mean nothing, with exit 2 and one line" {
	local ext=ext_peer=$BPF_OBJS/dispatcher.bpf.o:slot1
	kfcheck list --attach "$ext" "$BPF_OBJS/freplace.bpf.o"
	assert_failure 2
	assert_equal "$stderr" "kfcheck: --attach is for load and run, not list"
	kfcheck load --during true "$BPF_OBJS/scalar.bpf.o"
	assert_failure 2
	assert_equal "$stderr" "kfcheck: --during is for run through libbpf, not load"
	kfcheck run --loader lskel --during true "$BPF_OBJS/scalar.bpf.o"
	assert_failure 2
	assert_equal "$stderr" "kfcheck: --during is for run through libbpf, not run --loader lskel"
	kfcheck load --attach "$ext" --attach "$ext" "$BPF_OBJS/freplace.bpf.o"
	assert_failure 2
	assert_equal "$stderr" "kfcheck: --attach names ext_peer twice: an extension replaces one function"
}

@test "kfcheck refuses an --attach naming a program that is missing, not an extension, not selected, or a function the target lacks" {
	local obj=$BPF_OBJS/freplace.bpf.o disp=$BPF_OBJS/dispatcher.bpf.o
	kfcheck load --attach "ext_none=$disp:slot1" "$obj"
	assert_failure 1
	assert_equal "$stderr" "kfcheck: $obj has no program 'ext_none'"
	kfcheck load --attach "scalar_syscall=$disp:slot1" "$BPF_OBJS/scalar.bpf.o" scalar_syscall
	assert_failure 1
	assert_equal "$stderr" "kfcheck: $BPF_OBJS/scalar.bpf.o: --attach is for freplace programs, and scalar_syscall is not one"
	kfcheck load --attach "ext_both=$disp:slot2" "$obj" ext_peer
	assert_failure 1
	assert_equal "$stderr" "kfcheck: $obj: --attach names ext_both, which is not among the programs to load"
	kfcheck load --attach "ext_peer=$disp:slot9" "$obj" ext_peer
	assert_failure 1
	assert_equal "$stderr" "kfcheck: $disp: its BTF has no function slot9 for ext_peer to replace"
	assert_no_leak
}

@test "kfcheck externs needs one object with BTF, and says so in one line" {
	kfcheck externs
	assert_failure 2
	assert_equal "$stderr" "kfcheck: externs needs one OBJECT"
	kfcheck externs "$KFCHECK"
	assert_failure 1
	assert_output ''
	assert_equal "$stderr" "kfcheck: $KFCHECK: has no .BTF section"
}

# make fuzz found these two: libbpf's own btf__parse_elf() crashed on the
# first, and bpf_object__open() never returns on the second.
@test "an object whose .BTF section holds no data is refused in one line, not a crash" {
	local obj=$TESTS_DIR/../fuzz-regressions/btf-section-nobits cmd
	for cmd in externs list; do
		kfcheck "$cmd" "$obj"
		assert_failure 1
		assert_output ''
		assert_equal "$stderr" "kfcheck: $obj: its .BTF section holds no data"
	done
}

@test "an object whose BTF has a type that refers back to itself is refused in one line, where libbpf would never return" {
	# A committed input, not a build: its type ids are fixed. Type 95 is a
	# CONST of itself.
	local obj=$TESTS_DIR/../fuzz-regressions/btf-modifier-cycle cmd
	for cmd in externs list load; do
		kfcheck "$cmd" "$obj"
		assert_failure 1
		assert_output ''
		assert_equal "$stderr" "kfcheck: $obj: its BTF is corrupt: type [95] refers back to itself"
	done
	assert_no_leak
}

@test "an object whose struct_ops variable is larger than its section is refused in one line, before libbpf allocates its size" {
	# ops.bpf.o with struct modkfunc_ops's size made 4294967048: libbpf
	# would allocate that before finding it does not fit.
	local obj=$TESTS_DIR/../fuzz-regressions/struct-ops-size-huge cmd
	for cmd in externs list load; do
		kfcheck "$cmd" "$obj"
		assert_failure 1
		assert_output ''
		assert_equal "$stderr" "kfcheck: $obj: its BTF is corrupt: struct_ops variable ops_impl does not fit in its section .struct_ops (8 bytes)"
	done
	assert_no_leak
}

@test "kfcheck refuses an --attach target object that holds more than one program" {
	kfcheck load --attach "ext_peer=$BPF_OBJS/subprog.bpf.o:slot1" "$BPF_OBJS/freplace.bpf.o" ext_peer
	assert_failure 1
	assert_output ''
	assert_equal "$stderr" "kfcheck: $BPF_OBJS/subprog.bpf.o: an --attach target object must hold one program, not 2"
}

@test "kfcheck rejects --before-load where it means nothing, with exit 2 and one line" {
	kfcheck reload --before-load true "$BPF_OBJS/lifetime.bpf.o" hold_kfunc
	assert_failure 2
	assert_equal "$stderr" "kfcheck: --before-load is for load and run through libbpf, not reload"
	kfcheck load --loader lskel --before-load true "$BPF_OBJS/lifetime.bpf.o"
	assert_failure 2
	assert_equal "$stderr" "kfcheck: --before-load is for load and run through libbpf, not load --loader lskel"
}

@test "kfcheck unload needs one module, and says in one line why the kernel refused one that is not loaded" {
	kfcheck unload
	assert_failure 2
	assert_equal "$stderr" "kfcheck: unload needs one MODULE"
	kfcheck unload modkfunc_no_such_module
	assert_failure 1
	assert_equal "$stderr" "kfcheck: the kernel refused to unload modkfunc_no_such_module: ENOENT (No such file or directory)"
	assert_count 1 unload module=modkfunc_no_such_module refcnt=-1 accepted=false error=ENOENT
}
