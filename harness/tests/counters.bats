#!/usr/bin/env bats
# modkfunc's debugfs: a call count per kfunc, the live objects, a reset.

setup() {
	load helpers
}

# want_if FEATURE KFUNC...: adds the kfuncs to want if the system has
# FEATURE, which the module defines them for.
want_if() {
	local verdict=0
	has "$1" || verdict=$?
	case $verdict in
	0) want+=("${@:2}") ;;
	1) ;;
	*) fail "cannot tell whether the system has $1" ;;
	esac
}

@test "modkfunc's debugfs lists a call count for each kfunc and its destructor, in modkfunc.c's order, and a live-object count" {
	# Every kfunc but modkfunc_nop, those that need a kernel feature where
	# the kernel has it, then the destructor.
	local want=(modkfunc_scalar_add modkfunc_whoami modkfunc_same_name modkfunc_mem_sum
		modkfunc_const_scale modkfunc_obj_acquire modkfunc_obj_release modkfunc_obj_tag
		modkfunc_obj_tag_or modkfunc_sleepable_yield modkfunc_destructive_noop
		modkfunc_opt_sum modkfunc_ign_is_set modkfunc_dynptr_fill)
	want_if const_str_arg modkfunc_str_len
	want_if rcu_kfunc_arg modkfunc_task_tgid
	want_if rcu_result modkfunc_rcu_obj modkfunc_obj_tag_rcu
	want_if iter_kfuncs bpf_iter_modkfunc_range_new bpf_iter_modkfunc_range_next \
		bpf_iter_modkfunc_range_destroy
	want+=(modkfunc_pkt_tag)
	want_if kfunc_set_filter modkfunc_fentry_only
	want+=(modkfunc_obj_dtor)
	run cat /sys/kernel/debug/modkfunc/calls
	assert_success
	refute_line --regexp '^[^ ]+ [^0-9]'
	assert_equal "$(cut -d' ' -f1 <<<"$output")" "$(printf '%s\n' "${want[@]}")"
	run cat /sys/kernel/debug/modkfunc/live
	assert_output --regexp '^[0-9]+$'
}

@test "writing modkfunc's reset file zeroes every call count" {
	kfcheck run "$BPF_OBJS/scalar.bpf.o"
	assert_success
	[ "$(calls_of modkfunc_scalar_add)" -gt 0 ]
	reset_counters
	run awk '$2 != 0' /sys/kernel/debug/modkfunc/calls
	assert_output ""
}
