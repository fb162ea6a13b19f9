#!/usr/bin/env bats
# The packet set: registered for tc and XDP only.

setup() {
	load helpers
	reset_counters
}

@test "tc and xdp programs call modkfunc_pkt_tag from the packet-only set" {
	kfcheck run --set packet_value=20 "$BPF_OBJS/packet.bpf.o"
	assert_success
	assert_results packet 41 tc xdp
	assert_views_agree
	assert_equal "$(calls_of modkfunc_pkt_tag)" 2
}

@test "a syscall program calling the packet-only set is rejected by the kernel" {
	leak_baseline
	kfcheck run "$BPF_OBJS/reject_pkt_from_syscall.bpf.o"
	assert_failure 1
	assert_rejected_with kfunc_not_allowed_for_type
	assert_equal "$(calls_of modkfunc_pkt_tag)" 0
	assert_no_leak
}
