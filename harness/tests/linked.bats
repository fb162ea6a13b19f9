#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# Static linking: module kfuncs called from an object that bpftool gen
# object linked from three inputs (bpf_progs/linked_*.bpf.c), and the
# linker's refusals. The kit's own bpftool links, in the test, so that what
# the linker does is what is tested.

setup() {
	load helpers
	require_module modkfunc_peer
	reset_counters
}

# assert_link_refused FEATURE: the link failed with the linker's message
# that messages.tsv gives for FEATURE.
assert_link_refused() {
	message "$1"
	assert_equal "$MSG_BY" linker
	assert_failure
	grep -qE -- "$MSG_TEXT" <<<"$stderr" || fail "expected /$MSG_TEXT/, the linker said: $stderr"
}

# linked_object: LINKED becomes the linked object, and SHARED says whether
# it is the one whose libraries share a kfunc extern. Where the linker
# refuses that, the peer library calls modkfunc_peer alone.
linked_object() {
	local peer=linked_lib_peer shared=0
	has link_shared_kfunc_extern || shared=$?
	case $shared in
	0) SHARED=1 ;;
	1) SHARED='' peer=linked_lib_peer_only ;;
	*) fail "cannot tell whether bpftool links a shared kfunc extern" ;;
	esac
	run_separate link_objects linked.o linked_main linked_lib_modkfunc "$peer"
	assert_success
	LINKED=$BATS_TEST_TMPDIR/linked.o
}

# lib_peer_ids COOKIE: what linked_lib_peer's function returns.
lib_peer_ids() {
	local peer
	peer=$(whoami_value "$MODKFUNC_PEER_IDENTITY" "$1")
	if [ -n "$SHARED" ]; then
		echo $((peer & 0xffffffff00000000 | MODKFUNC_IDENTITY))
	else
		echo "$peer"
	fi
}

@test "a kfunc extern that two inputs declare, weak in one and strong in the other, is linked into one strong extern, or the linker refuses with its message" {
	run_separate link_objects shared.o linked_main linked_lib_modkfunc linked_lib_peer
	local shared=0
	has link_shared_kfunc_extern || shared=$?
	case $shared in
	0) assert_success ;;
	1) assert_link_refused link_shared_kfunc_extern && return ;;
	*) fail "cannot tell whether bpftool links a shared kfunc extern" ;;
	esac
	kfcheck externs "$BATS_TEST_TMPDIR/shared.o"
	assert_success
	assert_count 1 btf_extern name=modkfunc_whoami
	assert_count 1 btf_extern name=modkfunc_whoami kind=func datasec=.ksyms bind=global
}

@test "every kfunc extern of the linked object is in its BTF once, as a FUNC with extern linkage in .ksyms" {
	linked_object
	kfcheck externs "$LINKED"
	assert_success
	local name
	for name in "$VMLINUX_ACQUIRE" modkfunc_missing modkfunc_peer_whoami \
		modkfunc_scalar_add modkfunc_whoami; do
		assert_count 1 btf_extern "name=$name"
		assert_count 1 btf_extern "name=$name" kind=func datasec=.ksyms
	done
	assert_count 1 btf_extern name=modkfunc_missing bind=weak
	assert_count 6 btf_extern
	assert_count 6 btf_extern kind=func datasec=.ksyms
}

@test "the linked object gives each module one fd_array slot for all its programs, in the order of the sorted extern names" {
	linked_object
	kfcheck load "$LINKED" linked_calls linked_reverse
	assert_success
	assert_views_agree
	# modkfunc_peer_whoami sorts before modkfunc's kfuncs: slot 1.
	assert_equal "$(count kfunc_call btf=modkfunc_peer)" "$(count kfunc_call btf=modkfunc_peer off=1)"
	assert_equal "$(count kfunc_call btf=modkfunc)" "$(count kfunc_call btf=modkfunc off=2)"
	assert_equal "$(count kfunc_call btf=vmlinux)" "$(count kfunc_call btf=vmlinux off=0)"
	local prog
	for prog in linked_calls linked_reverse; do
		assert_count 1 kfunc_call "prog=$prog" btf=modkfunc func=modkfunc_scalar_add
		assert_count 1 kfunc_call "prog=$prog" btf=modkfunc_peer func=modkfunc_peer_whoami
	done
	assert_calls modkfunc_whoami modkfunc $((SHARED ? 4 : 2))
	assert_calls modkfunc_peer_whoami modkfunc_peer 2
	assert_calls "$VMLINUX_ACQUIRE" vmlinux 1
}

@test "the linked object's programs reach each module through the library functions, and the modules count each call" {
	linked_object
	kfcheck run --set lk_cookie=0x51 "$LINKED" linked_calls linked_reverse
	assert_success
	local modk
	modk=$(($(whoami_value "$MODKFUNC_IDENTITY" 0x51) + 1))
	assert_global lk_modkfunc "$modk"
	assert_global lk_peer "$(lib_peer_ids 0x51)"
	assert_global lk_vmlinux "$VMLINUX_PAIR_VALUE"
	modk=$(($(whoami_value "$MODKFUNC_IDENTITY" 0x52) + 1))
	assert_global lk_reverse "$(($(lib_peer_ids 0x52) ^ modk))"
	assert_calls_of modkfunc_whoami $((SHARED ? 4 : 2))
	assert_calls_of modkfunc_scalar_add 2
	assert_calls_of modkfunc_peer_whoami 2
}

@test "a weak kfunc that no module has leaves its call unreachable in a linked object, as in an unlinked one" {
	linked_object
	kfcheck run "$LINKED" linked_weak
	assert_success
	assert_global lk_weak 99
	assert_weak_call_dropped
}

@test "a kfunc extern weak in one input and strong in the other is strong once linked: libbpf refuses the linked object for a kfunc no module has" {
	kfcheck run "$BPF_OBJS/linked_weak_half.bpf.o"
	assert_success
	assert_global half_res 99
	requires link_shared_kfunc_extern
	run_separate link_objects halves.o linked_weak_half linked_strong_half
	assert_success
	kfcheck externs "$BATS_TEST_TMPDIR/halves.o"
	assert_count 1 btf_extern name=modkfunc_missing bind=global
	kfcheck load "$BATS_TEST_TMPDIR/halves.o"
	assert_failure 1
	assert_rejected_with extern_not_found
}

@test "the linker refuses two strong definitions of one global function, naming the function and the input" {
	run_separate link_objects dup.o linked_lib_modkfunc link_refused_dup
	assert_link_refused link_duplicate_definition
	# bpftool leaves what it wrote so far: a make rule must delete it.
	[ -e "$BATS_TEST_TMPDIR/dup.o" ] || fail "bpftool no longer leaves a partial output file behind"
}

@test "the linker refuses a kfunc extern that two inputs declare with different prototypes" {
	run_separate link_objects proto.o linked_lib_modkfunc link_refused_proto
	assert_link_refused link_extern_proto
}
