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
	assert_calls modkfunc_pkt_tag modkfunc 2
	assert_calls_of modkfunc_pkt_tag 2
}
