#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# kfcheck --loader lskel: the object loaded as a light skeleton, by the
# loader program libbpf's gen_loader makes of it at run time. There is no
# sent view: what stands in for it is what the loader wrote into its data
# (loader_call, loader_ksym, loader_slots). The resolved view keeps the off
# each call was given, and gen_loader's fd_array slots are its own: maps
# in 0..63, kfunc BTFs from 64, one slot per distinct kfunc.

setup() {
	load helpers
	reset_counters
	leak_baseline
}

# assert_lskel_records: every record of $output says it came from the
# light skeleton.
assert_lskel_records() {
	local line
	split_output
	for line in "${RECORDS[@]}"; do
		[[ $line == *'"loader":"lskel"'* ]] || fail "a record without the loader: $line" || return
	done
}

@test "every program type runs under the light skeleton with its globals set, and each record names the loader" {
	kfcheck run --loader lskel --set scalar_a=1000 --set scalar_b=23 "$BPF_OBJS/scalar.bpf.o"
	assert_success
	assert_count 1 views sent=false resolved=true behaved=true
	assert_count 5 run ok=true loader=lskel
	assert_results scalar 1023 "${ALL_TYPES[@]}"
	assert_count 5 kfunc_call resolved=modkfunc_scalar_add resolved_module=modkfunc
	assert_calls_of modkfunc_scalar_add 5
	assert_lskel_records
	assert_no_leak
}

# One run of multi_module: what the kernel kept, and what the loader wrote.
@test "under the light skeleton, maps fill slots from 0, vmlinux kfuncs keep off 0 and take slots that hold no fd, and each distinct module kfunc gets its own slot from 64" {
	require_module modkfunc_peer
	kfcheck run --loader lskel --set mm_cookie=0x4242 "$BPF_OBJS/multi_module.bpf.o"
	assert_success
	assert_count 2 kfunc_call off=0 resolved_module=vmlinux
	local offs off
	offs=$(values kfunc_call off resolved_module!=vmlinux)
	for off in $offs; do
		((off >= 64)) || fail "a module kfunc at off $off, below gen_loader's 64"
	done
	# libbpf gives modkfunc's two kfuncs one slot; gen_loader one each.
	assert_equal "$(distinct kfunc_call off resolved_module!=vmlinux)" 3
	# What the loader wrote is what the kernel kept.
	assert_equal "$(values loader_call off | sort -n | xargs)" "$(values kfunc_call off | sort -n | xargs)"
	assert_count 1 loader_slots
	# The program's maps: .data (mm_cookie) and .bss.
	assert_count 1 loader_slots map_slots="0 1"
	# The two vmlinux kfuncs come first in the program and take slots 64
	# and 65, which keep no fd: their calls have off 0.
	assert_count 1 loader_slots kfunc_slots="66 67 68"
	assert_equal "$(values kfunc_call off resolved_module!=vmlinux | sort -nu | xargs)" "66 67 68"
	assert_global mm_modkfunc $((MODKFUNC_IDENTITY << 32 | 0x4242))
	assert_global mm_peer $((MODKFUNC_PEER_IDENTITY << 32 | 0x4242))
	assert_global mm_vmlinux "$VMLINUX_PAIR_VALUE"
	assert_no_leak
}

@test "under the light skeleton, a typed vmlinux ksym is written with BTF fd 0 and a missing weak one as a plain load of 0" {
	kfcheck run --loader lskel "$BPF_OBJS/ksym_variants.bpf.o"
	assert_success
	assert_count 1 loader_ksym prog=vmlinux_percpu btf_id=true btf_fd=0
	assert_count 1 loader_ksym prog=weak_var btf_id=false imm=0 btf_fd=0
	assert_global ksym_rq_cpu "$(global ksym_this_cpu)"
	assert_global ksym_weak_addr 0
	assert_no_leak
}

@test "under the light skeleton, modkfunc's typed per-CPU ksym is written with a module BTF fd and reads this CPU's calls" {
	kfcheck run --loader lskel --set percpu_a=100 --set percpu_b=5 "$BPF_OBJS/percpu_ksym.bpf.o"
	assert_success
	assert_count 1 loader_ksym btf_id=true btf_fd!=0
	assert_global percpu_calls_delta 1
	assert_global percpu_last_value 105
	assert_no_leak
}

# gen_loader's kfunc slots are the program's: each program's start at 64
# again. Before libbpf 1.5 a vmlinux kfunc's slot was not written, so it
# kept the BTF fd an earlier program's module kfunc had put there, which
# the loader had closed; closing it again after the next load closes that
# program's own fd, which the kernel gave the same number.
@test "a light skeleton loads a vmlinux kfunc's program after a module kfunc's with its fd intact from libbpf 1.5, and loses that fd before" {
	local fixed=0
	has lskel_vmlinux_slot_zeroed || fixed=$?
	kfcheck run --loader lskel "$BPF_OBJS/name_lookup.bpf.o" same_name vmlinux_name
	case $fixed in
	0)
		assert_success
		assert_count 1 run prog=vmlinux_name ok=true
		assert_global nl_vmlinux "$VMLINUX_PAIR_VALUE"
		;;
	1)
		assert_failure 1
		[[ $stderr == *"kfcheck: vmlinux_name: the light skeleton's loader handed back fd "*", which does not hold the program"* ]] ||
			fail "no word of the lost fd: $stderr"
		assert_count 1 run prog=vmlinux_name ok=false
		;;
	*) fail "cannot tell which libbpf this is" ;;
	esac
	assert_count 1 run prog=same_name ok=true
	assert_no_leak
}

@test "under the light skeleton, 257 calls to one kfunc reuse the first call's slot" {
	kfcheck run --loader lskel --set many_seed=5000 "$BPF_OBJS/many_calls.bpf.o"
	assert_success
	assert_equal "$(count kfunc_call resolved=modkfunc_scalar_add) $(distinct kfunc_call off)" "257 1"
	assert_equal "$(count loader_call) $(distinct loader_call off)" "257 1"
	local slot
	slot=$(values kfunc_call off | head -1)
	assert_count 1 loader_slots kfunc_slots="$slot"
	((slot >= 64)) || fail "the slot is below 64: $output"
	assert_global many_res 5257
	assert_calls_of modkfunc_scalar_add 257
}

@test "a strong kfunc that no BTF has fails the light skeleton's loader in one line, and leaves nothing loaded" {
	kfcheck run --loader lskel "$BPF_OBJS/negative_unresolved.bpf.o" strong_missing
	assert_failure 1
	assert_equal "$stderr" "kfcheck: $BPF_OBJS/negative_unresolved.bpf.o: the light skeleton's loader failed to load the object: ENOENT (No such file or directory): a kfunc or ksym it needs is in no loaded BTF; is its module loaded?"
	assert_count 1 reject by=kernel error=ENOENT loader=lskel
	assert_no_leak
}

@test "a loader that found one kfunc of a program before failing on a missing one leaves no BTF fd open" {
	kfcheck run --loader lskel "$BPF_OBJS/negative_unresolved.bpf.o" present_then_missing
	assert_failure 1
	assert_equal "${#stderr_lines[@]} ${stderr_lines[0]}" "1 kfcheck: $BPF_OBJS/negative_unresolved.bpf.o: the light skeleton's loader failed to load the object: ENOENT (No such file or directory): a kfunc or ksym it needs is in no loaded BTF; is its module loaded?"
	assert_no_leak
}

@test "run inputs reach programs the light skeleton loaded: a context, a preset packet and their results" {
	kfcheck run --loader lskel --ctx sum_args=280000000000000002000000000000000000000000000000 \
		--data tcp_dport=ipv4-tcp "$BPF_OBJS/run_inputs.bpf.o" sum_args tcp_dport
	assert_success
	assert_count 1 run prog=sum_args ok=true retval=42 ctx_out=280000000000000002000000000000002a00000000000000
	assert_count 1 run prog=tcp_dport ok=true retval=8080
	assert_calls_of modkfunc_scalar_add 2
	assert_no_leak
}

@test "kfcheck --loader names the two loaders it has, and lskel only for load and run" {
	kfcheck run --loader bpftool "$BPF_OBJS/scalar.bpf.o"
	assert_failure 2
	assert_equal "$stderr" "kfcheck: --loader is libbpf or lskel, not 'bpftool'"
	kfcheck reload --loader lskel "$BPF_OBJS/scalar.bpf.o" scalar_syscall
	assert_failure 2
	assert_equal "$stderr" "kfcheck: --loader lskel is for load and run, not reload"
}
