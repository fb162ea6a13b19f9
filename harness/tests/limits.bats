#!/usr/bin/env bats
# shellcheck disable=SC2154 # bats sets output, stderr and status
# Kernel limits for module kfuncs, through libbpf (kfcheck) and through a
# light skeleton (gen_loader). The programs and 258 modules come from
# scripts/gen-limits.sh; loading the modules is timed and reported.

# A light skeleton resolves each kfunc in the kernel, whose lookup (before
# 7.x) scans every loaded module BTF, with vmlinux's types, until it finds
# it: the one-kfunc modules are loaded only for the tests that need them,
# which run last. The 256-kfunc set's tests need modkfunc_gen_many, and
# modkfunc_gen_000 for the 257th kfunc.
setup_file() {
	load helpers
	! have_generated || "$MODULES_SH" load "$MODKFUNC_BUILD/gen/kmod" modkfunc_gen_many modkfunc_gen_000
}

# load_single_kfunc_modules: loads the rest of the 257 one-kfunc modules,
# once, and reports how long that took.
load_single_kfunc_modules() {
	local start=$EPOCHREALTIME
	[ ! -d /sys/module/modkfunc_gen_001 ] || return 0
	"$MODULES_SH" load-all "$GEN/kmod"
	printf '# loaded %d more generated modules in %.1f s\n' \
		"$(find "$GEN/kmod" -name 'modkfunc_gen_[0-9]*.ko' ! -name modkfunc_gen_000.ko | wc -l)" \
		"$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')" >&3
}

teardown_file() {
	load helpers
	! have_generated || "$MODULES_SH" unload-all "$MODKFUNC_BUILD/gen/kmod"
}

setup() {
	load helpers
	require_generated
	GEN=$MODKFUNC_BUILD/gen
	leak_baseline
}

# lskel NAME: runs the light-skeleton loader of limit program NAME.
lskel() {
	run_separate "$GEN/lskel_$1"
}

# min_max: the least and the greatest of the numbers on standard input.
min_max() {
	local n min='' max=''
	while read -r n; do
		[ -n "$min" ] && ((n >= min)) || min=$n
		[ -n "$max" ] && ((n <= max)) || max=$n
	done
	echo "$min $max"
}

# assert_own_modules: each kfunc call in $output resolved in the module
# its kfunc is named for: modkfunc_gen_NNN_id in modkfunc_gen_NNN.
assert_own_modules() {
	local line name IFS=$'\n'
	scan print kfunc_call
	[ "$SCAN_N" -gt 0 ] || fail "no kfunc_call records" || return
	for line in $SCAN_OUT; do
		field_value "$line" resolved || return
		name=$FIELD
		field_value "$line" resolved_module || return
		[ "$name" = "${FIELD}_id" ] || fail "$name resolved in $FIELD: $line" || return
	done
}

# assert_offs N FIRST LAST: the kfunc calls in $output use N distinct
# fd_array slots, from FIRST to LAST.
assert_offs() {
	local min max
	read -r min max < <(values kfunc_call off | min_max)
	assert_equal "$(distinct kfunc_call off) $min $max" "$1 $2 $3"
}

@test "a module registering 257 kfuncs for one program type is refused at insmod with E2BIG" {
	requires kfunc_set_cap
	run insmod "$GEN/toomany/modkfunc_gen_toomany.ko"
	assert_failure
	assert_output --partial "Argument list too long"
	[ ! -d /sys/module/modkfunc_gen_toomany ]
}

@test "a program calling 256 distinct kfuncs of one module loads, shares one slot and reaches each" {
	kfcheck run "$GEN/bpf/distinct_256.bpf.o"
	assert_success
	assert_views_agree
	assert_count 256 kfunc_call btf=modkfunc_gen_many
	assert_equal "$(distinct kfunc_call func)" 256
	assert_offs 1 1 1
	# 0 + 1 + ... + 255
	assert_equal "$(values run retval)" 32640
	assert_no_leak
}

@test "a program calling 257 distinct kfuncs is refused as too many kernel function calls" {
	kfcheck run "$GEN/bpf/distinct_257.bpf.o"
	assert_failure 1
	assert_rejected_with too_many_kfuncs
	assert_no_leak
}

@test "the light skeleton gives each of 256 distinct kfuncs of one module its own fd_array slot from 64" {
	lskel distinct_256
	assert_success
	assert_offs 256 64 319
	assert_count 256 kfunc_call resolved_module=modkfunc_gen_many
	assert_equal "$(values run retval)" 32640
	assert_no_leak
}

# gen_loader gives each kfunc its own slot, so on 6.12 its 257 slots hit the
# module BTF limit first; 7.3 counts the kfuncs first.
@test "the light skeleton of 257 distinct kfuncs in one module is refused at the kernel's limit" {
	lskel distinct_257
	assert_failure 1
	assert_rejected_with too_many_module_btfs
	assert_no_leak
}

@test "a program calling one kfunc in each of 256 modules loads, with off 1 to 256" {
	load_single_kfunc_modules
	kfcheck run "$GEN/bpf/modules_256.bpf.o"
	assert_success
	assert_views_agree
	assert_offs 256 1 256
	assert_own_modules
	assert_equal "$(values run retval)" 32640
	assert_no_leak
}

# From 7.3 (first seen) the verifier counts kfuncs before module BTFs, so
# 257 modules, which need 257 kfuncs, hit the kfunc limit first.
@test "a program calling one kfunc in each of 257 modules is refused at the kernel's limit" {
	load_single_kfunc_modules
	kfcheck run "$GEN/bpf/modules_257.bpf.o"
	assert_failure 1
	assert_rejected_with too_many_module_btfs
	assert_no_leak
}

@test "the light skeleton of one kfunc in each of 256 modules loads, with slots 64 to 319" {
	load_single_kfunc_modules
	lskel modules_256
	assert_success
	assert_offs 256 64 319
	assert_own_modules
	assert_equal "$(distinct kfunc_call resolved_module)" 256
	assert_equal "$(values run retval)" 32640
	assert_no_leak
}

@test "the light skeleton of one kfunc in each of 257 modules is refused at the kernel's limit" {
	load_single_kfunc_modules
	lskel modules_257
	assert_failure 1
	assert_rejected_with too_many_module_btfs
	assert_no_leak
}
