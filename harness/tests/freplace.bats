#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# An XDP dispatcher (bpf_progs/dispatcher.bpf.c) whose slots freplace
# programs (bpf_progs/freplace.bpf.c) replace: each extension is its own
# BPF_PROG_LOAD, with its own fd_array, aimed at the dispatcher.

setup() {
	load helpers
	require_module modkfunc_peer
	reset_counters
	leak_baseline
	DISPATCHER=$BPF_OBJS/dispatcher.bpf.o
	EXTENSIONS=(--attach "ext_modkfunc=$DISPATCHER:slot0" --attach "ext_peer=$DISPATCHER:slot1"
		--attach "ext_both=$DISPATCHER:slot2")
	EXT_PROGS=(ext_modkfunc ext_peer ext_both)
}

teardown() {
	[ -d /sys/module/modkfunc_peer ] || "$MODULES_SH" load "$MODULE_DIR"
}

@test "each freplace program is its own load aimed at the dispatcher's slot, with its own fd_array and off values" {
	kfcheck load "${EXTENSIONS[@]}" "$BPF_OBJS/freplace.bpf.o" "${EXT_PROGS[@]}"
	assert_success
	assert_views_agree
	assert_count 1 attach_target prog=ext_modkfunc target_prog=dispatcher target_func=slot0
	assert_count 1 attach_target prog=ext_peer target_prog=dispatcher target_func=slot1
	assert_count 1 attach_target prog=ext_both target_prog=dispatcher target_func=slot2
	assert_equal "$(values attach_target target_prog_id | sort -u | wc -l)" 1
	# One object, so one fd_array layout: modkfunc_peer_whoami sorts first.
	assert_count 1 kfunc_call prog=ext_modkfunc off=2 btf=modkfunc func=modkfunc_whoami
	assert_count 1 kfunc_call prog=ext_peer off=1 btf=modkfunc_peer func=modkfunc_peer_whoami
	assert_count 1 kfunc_call prog=ext_both off=2 btf=modkfunc func=modkfunc_whoami
	assert_count 1 kfunc_call prog=ext_both off=1 btf=modkfunc_peer func=modkfunc_peer_whoami
	assert_calls modkfunc_whoami modkfunc 2
	assert_calls modkfunc_peer_whoami modkfunc_peer 2
	assert_count 4 kfunc_call
	assert_no_leak
}

@test "a run of the dispatcher passes through every replaced slot, and each slot answers with its own module's identity" {
	kfcheck run "${EXTENSIONS[@]}" "$BPF_OBJS/freplace.bpf.o" "${EXT_PROGS[@]}"
	assert_success
	assert_count 1 run prog=dispatcher ok=true retval=2
	local s0 s1 s2
	s0=$(whoami_value "$MODKFUNC_IDENTITY" 1)
	s1=$(whoami_value "$MODKFUNC_PEER_IDENTITY" 2)
	s2=$(whoami_value "$MODKFUNC_IDENTITY" "$MODKFUNC_PEER_IDENTITY")
	assert_global disp_slot0 "$s0"
	assert_global disp_slot1 "$s1"
	assert_global disp_slot2 "$s2"
	assert_global disp_combined $((s0 ^ s1 ^ s2))
	assert_calls_of modkfunc_whoami 2
	assert_calls_of modkfunc_peer_whoami 2
	assert_no_leak
}

@test "the dispatcher alone returns every slot's stub value" {
	kfcheck run "$DISPATCHER"
	assert_success
	assert_global disp_slot0 $((0xe0e0))
	assert_global disp_slot1 $((0xe0e0))
	assert_global disp_slot2 $((0xe0e0))
}

@test "rmmod of modkfunc_peer is refused while attached freplace programs hold its kfunc, and succeeds once their links and programs are closed" {
	kfcheck run "${EXTENSIONS[@]}" \
		--during "cat /sys/module/modkfunc_peer/refcnt && $KFCHECK progs && rmmod modkfunc_peer" \
		"$BPF_OBJS/freplace.bpf.o" "${EXT_PROGS[@]}"
	assert_success
	assert_count 1 during status=1
	[[ $stderr == *"Module modkfunc_peer is in use"* ]] || fail "rmmod did not say it was in use: $stderr"
	# ext_peer and ext_both each hold one reference.
	assert_equal "${stderr%%$'\n'*}" $((BASE_PEER_REFCNT + 2))
	local held links
	held=$(grep -c '"event":"loaded_link"' <<<"$stderr")
	links=$(grep -o 'link:' <<<"$BASE_PROGS" | wc -l)
	assert_equal "$held" $((links + 3))
	assert_no_leak
	run_separate rmmod modkfunc_peer
	assert_success
}

@test "kfcheck refuses an freplace program without an --attach target in one line" {
	kfcheck load "$BPF_OBJS/freplace.bpf.o" ext_peer
	assert_failure 1
	assert_equal "$stderr" "kfcheck: $BPF_OBJS/freplace.bpf.o: ext_peer is an freplace program: give its target with --attach ext_peer=TARGET_OBJ:FUNC"
	assert_no_leak
}

@test "a light skeleton cannot load an freplace program, and kfcheck says why in one line" {
	kfcheck load --loader lskel --attach "ext_peer=$DISPATCHER:slot1" "$BPF_OBJS/freplace.bpf.o" ext_peer
	assert_failure 1
	[[ $stderr == *"kfcheck: $BPF_OBJS/freplace.bpf.o: a light skeleton cannot load freplace program ext_peer: libbpf's gen_loader sends its attach_btf_id without the target's fd (attach_prog_fd), so the kernel looks for the target in vmlinux"* ]] ||
		fail "no line saying why: $stderr"
	assert_rejected_with lskel_freplace_target
	assert_no_leak
}

@test "an extension may call a kfunc of modkfunc's tc and XDP set when its target is an XDP program" {
	kfcheck run --attach "ext_pkt=$DISPATCHER:slot0" "$BPF_OBJS/freplace.bpf.o" ext_pkt
	assert_success
	assert_views_agree
	assert_calls modkfunc_pkt_tag modkfunc 1
	assert_global disp_slot0 11
	assert_global disp_slot1 $((0xe0e0))
	assert_calls_of modkfunc_pkt_tag 1
}

@test "the verifier refuses that kfunc to an extension whose target is a syscall program" {
	kfcheck load --attach "ext_pkt_syscall=$BPF_OBJS/syscall_slot.bpf.o:sys_slot" \
		"$BPF_OBJS/freplace.bpf.o" ext_pkt_syscall
	assert_failure 1
	assert_rejected_with kfunc_not_allowed_for_type
	assert_no_leak
}
