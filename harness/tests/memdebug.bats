#!/usr/bin/env bats
# The VM runner boots every guest with the memory debugging its kernel was
# built with (scripts/vm.sh), so that a kfunc's use-after-free or double
# free shows as a splat and fails the run. This checks the kernel took it.

setup() {
	load helpers
	read -r CMDLINE </proc/cmdline
	[[ $CMDLINE == *modkfunc_memdebug=* ]] || skip "not booted by the VM runner, which turns memory debugging on"
	[[ $CMDLINE != *modkfunc_memdebug=0* ]] || skip "booted with VM_MEMDEBUG=0, without memory debugging"
}

@test "SLUB checks, red-zones, poisons and tracks the owner of every kmalloc object" {
	local flag
	for flag in sanity_checks red_zone poison store_user; do
		assert_equal "$flag=$(</sys/kernel/slab/kmalloc-64/"$flag")" "$flag=1"
	done
}

@test "KFENCE samples allocations, where the kernel has it" {
	[ -d /sys/module/kfence ] || skip "this kernel is built without CONFIG_KFENCE"
	local interval
	interval=$(</sys/module/kfence/parameters/sample_interval)
	[ "$interval" -gt 0 ] || fail "KFENCE's sample interval is $interval: it samples nothing"
}
