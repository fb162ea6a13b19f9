#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# kfcheck run's inputs: a context (--ctx), a packet (--data, or a preset
# by name) and a repeat count (--repeat), and each program's own status.
# The ports are those of the presets (see harness/packets.h).

setup() {
	load helpers
	OBJ=$BPF_OBJS/run_inputs.bpf.o
	# a = 40, b = 2, sum = 0: sum_args_ctx of bpf_progs/run_inputs.bpf.c
	SUM_CTX=$(le_hex 8 40)$(le_hex 8 2)$(le_hex 8 0)
	reset_counters
	leak_baseline
}

# le_hex N VALUE: VALUE as N little-endian bytes, in hex.
le_hex() {
	local i out=''
	for ((i = 0; i < $1; i++)); do
		printf -v out '%s%02x' "$out" $((($2 >> (8 * i)) & 0xff))
	done
	echo "$out"
}

# assert_run PROG COND...: PROG has one run record, meeting every COND.
assert_run() {
	local prog=$1
	shift
	assert_count 1 run "prog=$prog" "$@"
}

@test "a syscall program sums the struct given with --ctx, and its context comes back with the sum" {
	kfcheck run --ctx "sum_args=$SUM_CTX" "$OBJ" sum_args
	assert_success
	assert_run sum_args ok=true errno=0 retval=42 runs=1
	assert_equal "$(values run ctx_out prog=sum_args)" "$(le_hex 8 40)$(le_hex 8 2)$(le_hex 8 42)"
	assert_views_agree
	assert_calls_of modkfunc_scalar_add 1
	assert_no_leak
}

@test "a context read from a file with --ctx PROG=@FILE is the same as one given in hex" {
	local file=$BATS_TEST_TMPDIR/ctx.bin i bytes=''
	for ((i = 0; i < ${#SUM_CTX}; i += 2)); do
		bytes+="\\x${SUM_CTX:i:2}"
	done
	printf '%b' "$bytes" >"$file"
	kfcheck run --ctx "sum_args=@$file" "$OBJ" sum_args
	assert_success
	assert_run sum_args ok=true retval=42
}

@test "a syscall program given a shorter context than it reads is refused in one line naming the size it needs" {
	kfcheck run --ctx "sum_args=$(le_hex 8 40)" "$OBJ" sum_args
	assert_failure 1
	assert_run sum_args ok=false errno=22 error=EINVAL runs=0
	assert_equal "${stderr_lines[0]}" "kfcheck: sum_args: run refused: its context is 8 bytes, and the program reads up to byte 24 of it (the kernel's max_ctx_offset); give it --ctx sum_args=@FILE or HEX of 24 bytes or more"
	# The search for the size never ran the program.
	assert_calls_of modkfunc_scalar_add 0
	assert_no_leak
}

@test "a tc program returns the TCP destination port of the ipv4-tcp preset, which has valid checksums" {
	kfcheck run --data tcp_dport=ipv4-tcp "$OBJ" tcp_dport
	assert_success
	assert_run tcp_dport ok=true retval=8080
	assert_views_agree
	assert_calls_of modkfunc_scalar_add 1
}

@test "an XDP program returns the UDP destination port of the ipv6-udp preset" {
	kfcheck run --data udp6_dport=ipv6-udp "$OBJ" udp6_dport
	assert_success
	assert_run udp6_dport ok=true retval=9000
	assert_calls_of modkfunc_scalar_add 1
}

@test "a tc program given an __sk_buff with --ctx reads its mark, and the kernel gives the new mark back" {
	kfcheck run --ctx "skb_mark=$(le_hex 8 0)$(le_hex 4 7)" "$OBJ" skb_mark
	assert_success
	assert_run skb_mark ok=true retval=8
	local out
	out=$(values run ctx_out prog=skb_mark)
	# mark is the third __u32 of struct __sk_buff
	assert_equal "${out:16:8}" "$(le_hex 4 8)"
	assert_calls_of modkfunc_scalar_add 1
}

@test "--repeat runs a tc program N times in the kernel, which times it, and a syscall program N times" {
	kfcheck run --repeat 5 --data tcp_dport=ipv4-tcp --ctx "sum_args=$SUM_CTX" "$OBJ" tcp_dport sum_args
	assert_success
	assert_run tcp_dport ok=true retval=8080 runs=5
	assert_run sum_args ok=true retval=42 runs=5
	[[ $(values run duration_ns prog=tcp_dport) =~ ^[0-9]+$ ]] || fail "tcp_dport has no duration: $output"
	# Every run starts from the context given, not the last run's.
	assert_equal "$(values run ctx_out prog=sum_args)" "$(le_hex 8 40)$(le_hex 8 2)$(le_hex 8 42)"
	assert_calls_of modkfunc_scalar_add 10
	assert_no_leak
}

@test "an object with a failing and a passing program reports each one's status and names the failed one" {
	kfcheck run --data tcp_dport=ipv4-tcp "$OBJ" sum_args tcp_dport
	assert_failure 1
	assert_run sum_args ok=false error=EINVAL
	assert_run tcp_dport ok=true retval=8080
	assert_equal "${stderr_lines[-1]}" "kfcheck: 1 of 2 programs failed to run: sum_args"
	assert_calls_of modkfunc_scalar_add 1
	assert_no_leak
}

@test "kfcheck run --human shows a failed program as one line among the others" {
	run_separate "$KFCHECK" --human run --data tcp_dport=ipv4-tcp "$OBJ" sum_args tcp_dport
	assert_failure 1
	assert_line "run sum_args (syscall, test_run): failed: EINVAL"
	assert_line --regexp '^run tcp_dport \(sched_cls, test_run\): retval 8080, [0-9]+ ns each$'
}

@test "bad run inputs are refused in one line each, before anything loads" {
	local args want
	while IFS='|' read -r args want; do
		# shellcheck disable=SC2086 # ARGS are words
		kfcheck run $args "$OBJ"
		assert_failure 2
		assert_equal "${#stderr_lines[@]} ${stderr_lines[0]:-}" "1 $want"
	done <<-EOF
		--ctx nosuch=00|kfcheck: --ctx nosuch: $OBJ has no program 'nosuch'
		--data sum_args=ipv4-tcp|kfcheck: --data sum_args: a syscall program takes no packet; give it --ctx
		--data tcp_dport=ipv5|kfcheck: --data tcp_dport: 'ipv5' is neither @FILE, a preset (ipv4-tcp, ipv6-udp) nor hex bytes
		--ctx sum_args=0|kfcheck: --ctx sum_args: '0' is neither @FILE nor hex bytes
		--ctx sum_args|kfcheck: --ctx wants PROG=@FILE, PROG=HEX, not 'sum_args'
		--repeat 0|kfcheck: --repeat wants a count from 1 to 1000000000, not '0'
	EOF
	kfcheck load --repeat 2 "$OBJ"
	assert_failure 2
	assert_equal "$stderr" "kfcheck: --ctx, --data and --repeat are for run, not load"
	assert_calls_of modkfunc_scalar_add 0
	assert_no_leak
}
