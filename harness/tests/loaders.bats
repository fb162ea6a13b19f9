#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# Every positive object under both loaders: libbpf, then the light
# skeleton (kfcheck --loader lskel), each from counters reset, must behave
# alike: the same runs, globals, resolved calls and module counters. The
# other files assert what libbpf's behaviour is, so this asserts the
# light skeleton's too. The sent view is libbpf's alone (see
# lskel_loader.bats).

setup() {
	load helpers
	leak_baseline
}

# behaviour: BEHAVED becomes $output's behaved and resolved views without
# what depends on the loader or the process: each run's outcome, each
# global but kfcheck_tgid, each call's target in order, then the modules'
# counters and live objects.
behaviour() {
	local line key out=''
	split_output
	for line in "${RECORDS[@]}"; do
		case $line in
		'{"event":"run"'*)
			out+=run
			for key in prog ok errno retval runs ctx_out; do
				field_value "$line" "$key" - && out+=" $key=$FIELD"
			done
			;;
		'{"event":"global","name":"kfcheck_tgid"'*) continue ;;
		# A call the verifier dropped as dead is in libbpf's sent view only.
		'{"event":"kfunc_call"'*'"resolved":""'*) continue ;;
		'{"event":"global"'* | '{"event":"kfunc_call"'*)
			out+=${line%%,*}
			# libbpf's records name a program as the kernel does, in
			# 15 characters (BPF_OBJ_NAME_LEN).
			field_value "$line" prog - && out+=" prog=${FIELD:0:15}"
			for key in name value resolved resolved_module; do
				field_value "$line" "$key" - && out+=" $key=$FIELD"
			done
			;;
		*) continue ;;
		esac
		out+=$'\n'
	done
	IFS= read -r -d '' line <"$DEBUGFS/modkfunc/calls" || :
	out+=$line
	IFS= read -r -d '' line <"$DEBUGFS/modkfunc_peer/calls" || :
	out+=$line
	BEHAVED=$out$(live_objects)
}

# same_under_both OBJECT ARGS...: kfcheck run ARGS OBJECT under each
# loader behaves alike, runs something, and leaves nothing behind. With
# PROGS set, only the programs it names run.
same_under_both() {
	local obj=$BPF_OBJS/$1.bpf.o libbpf progs
	shift
	read -ra progs <<<"${PROGS:-}"
	reset_counters
	kfcheck run "$@" "$obj" "${progs[@]}"
	assert_success || return
	behaviour
	libbpf=$BEHAVED
	reset_counters
	kfcheck run --loader lskel "$@" "$obj" "${progs[@]}"
	assert_success || return
	assert_count 1 views sent=false || return
	behaviour
	assert_equal "$BEHAVED" "$libbpf" || return
	[[ $libbpf == *'run prog='*' ok=true'* ]] || fail "nothing ran: $libbpf" || return
	assert_no_leak
}

@test "scalar arguments behave the same under the light skeleton as under libbpf" {
	same_under_both scalar --set scalar_a=1000 --set scalar_b=23
}

@test "memory arguments and __k constants behave the same under the light skeleton" {
	same_under_both mem
}

@test "acquired and released objects behave the same under the light skeleton" {
	same_under_both object --set object_tag=77
}

@test "the failed-acquire NULL branch behaves the same under the light skeleton" {
	same_under_both object --set object_tag=0
}

@test "__nullable arguments behave the same under the light skeleton" {
	requires nullable_arg
	same_under_both nullable --set nullable_fallback=4 --set nullable_tag=2
}

@test "the module's open-coded iterator behaves the same under the light skeleton" {
	requires iter_kfuncs
	same_under_both iter --set iter_first=2 --set iter_step=5 --set iter_count=6
}

@test "an object moved into a map's kptr field and out again behaves the same under the light skeleton" {
	requires kptr_field
	same_under_both kptr --set kptr_tag=3
}

@test "a kfunc behind its set's filter behaves the same under the light skeleton" {
	requires kfunc_set_filter
	same_under_both filter --set filter_value=9
}

@test "a left-out __opt buffer behaves the same under the light skeleton" {
	requires opt_arg
	same_under_both opt --set opt_size=7
}

@test "__ign arguments behave the same under the light skeleton" {
	requires ign_arg
	same_under_both ign --set ign_number=0
}

@test "__str arguments behave the same under the light skeleton" {
	requires const_str_arg
	same_under_both str
}

@test "an RCU pointer for a KF_RCU argument behaves the same under the light skeleton" {
	requires rcu_kfunc_arg
	same_under_both rcu
}

@test "a KF_RCU_PROTECTED result behaves the same under the light skeleton" {
	requires rcu_result
	same_under_both rcu_result
}

@test "the packet-only set behaves the same under the light skeleton" {
	same_under_both packet --set packet_value=20
}

@test "a sleepable kfunc behaves the same under the light skeleton" {
	same_under_both sleepable --set sleepable_value=99
}

@test "a destructive kfunc behaves the same under the light skeleton" {
	same_under_both destructive --set destructive_value=31
}

@test "257 calls to one kfunc behave the same under the light skeleton" {
	same_under_both many_calls --set many_seed=5000
}

@test "vmlinux, modkfunc and modkfunc_peer kfuncs in one program behave the same under the light skeleton" {
	require_module modkfunc_peer
	same_under_both multi_module --set mm_cookie=0x4242
}

@test "the reverse-order three-module program behaves the same under the light skeleton" {
	require_module modkfunc_peer
	same_under_both multi_module_reverse --set mmr_cookie=7
}

@test "a weak kfunc modkfunc has behaves the same under the light skeleton" {
	requires ksym_exists_kfunc
	same_under_both weak_present --set weak_value=10
}

@test "a weak kfunc no module has leaves its call dead under the light skeleton too" {
	same_under_both weak_missing
}

@test "the typed per-CPU ksym reads the same under the light skeleton" {
	same_under_both percpu_ksym --set percpu_a=100 --set percpu_b=5
}

@test "a typed vmlinux ksym and a missing weak one read the same under the light skeleton" {
	same_under_both ksym_variants
}

@test "a kfunc name two modules export, and calls of one module per program, behave the same under the light skeleton" {
	require_module modkfunc_peer
	# vmlinux_name after same_name meets a light-skeleton bug of libbpf
	# before 1.5 (lskel_loader.bats); name_lookup.bats runs it alone.
	PROGS="same_name calls_peer calls_modkfunc" same_under_both name_lookup
}

@test "a typeless ksym reads the same under the light skeleton" {
	same_under_both typeless_ksym
}

@test "programs given a context and packets behave the same under the light skeleton" {
	same_under_both run_inputs --ctx sum_args=280000000000000002000000000000000000000000000000 \
		--data tcp_dport=ipv4-tcp --data udp6_dport=ipv6-udp \
		--ctx skb_mark=000000000000000007000000
}

@test "kfunc calls in subprograms behave the same under the light skeleton" {
	require_module modkfunc_peer
	same_under_both subprog
}
