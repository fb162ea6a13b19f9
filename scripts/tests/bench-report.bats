#!/usr/bin/env bats
# bench-report.sh turns kfbench's tables into markdown and plots, for one
# kit and for kits side by side; the tables here are made up.

setup() {
	load ../../harness/tests/assertions
	REPORT=$BATS_TEST_DIRNAME/../bench-report.sh
}

# kit_tables KIT RATIO: a kit's bench directory, as make bench leaves it,
# whose module/vmlinux median is RATIO.
kit_tables() {
	local dir=$BATS_TEST_TMPDIR/$1/bench n loader
	mkdir -p "$dir"
	echo "7.3.4-test" >"$dir/kernel"
	echo "tcg (no /dev/kvm)" >"$dir/accel"
	printf '%s\n' '# kfbench calls' $'kind\tcallee\tcalls\tmin\tmedian\tmax' \
		$'baseline\t-\t0\t65.00\t84.00\t188.00' \
		$'helper\tbpf_get_numa_node_id\t64\t32.67\t33.02\t33.05' \
		$'vmlinux\tbpf_preempt_disable[vmlinux]+bpf_preempt_enable[vmlinux]\t64\t39.23\t40.03\t70.03' \
		$'module\tmodkfunc_nop[modkfunc]\t64\t31.75\t33.11\t33.31' \
		"$(printf 'ratio\tmodule/vmlinux\t-\t0.476\t%s\t0.827' "$2")" >"$dir/calls.tsv"
	{
		printf '%s\n' '# kfbench load' $'series\tkfuncs\tmodule_btfs\tloader\truns\tmin\tmedian\tmax'
		for n in 1 16 256; do
			for loader in libbpf lskel; do
				printf 'distinct\t%s\t6\t%s\t5\t%s.0\t%s.5\t%s.9\n' "$n" "$loader" "$n" "$n" "$n"
				printf 'modules\t%s\t%s\t%s\t5\t%s.0\t%s.5\t%s.9\n' "$n" $((n + 5)) "$loader" "$n" "$n" "$n"
			done
		done
	} >"$dir/load.tsv"
	KIT_DIR=$dir
}

@test "a kit's tables become markdown with the module/vmlinux ratio, and both plots are drawn" {
	kit_tables trixie-7 0.809
	run "$REPORT" kit "$KIT_DIR"
	assert_success
	assert_line "### trixie-7 (7.3.4-test)"
	assert_line "| module/vmlinux ratio | | 0.809 | 0.476 | 0.827 |"
	assert_line "| module: modkfunc_nop[modkfunc] | 64 | 33.11 | 31.75 | 33.31 |"
	assert_line "| modules | 256 | 261 | 256.5 (256.0–256.9, 5 runs) | 256.5 (256.0–256.9, 5 runs) |"
	assert_equal "$(cat "$KIT_DIR/bench.md")" "$output"
	for plot in load-kfuncs load-modules; do
		grep -q '<svg' "$KIT_DIR/$plot.svg" || fail "$plot.svg is not an SVG"
	done
}

@test "the matrix puts every kit in one table and one plot" {
	kit_tables bookworm 0.990
	local first=$KIT_DIR
	kit_tables trixie-7 0.809
	run "$REPORT" matrix "$BATS_TEST_TMPDIR/matrix" "$first" "$KIT_DIR"
	assert_success
	assert_line "| bookworm (7.3.4-test) | tcg (no /dev/kvm) | 33.11 | 40.03 | 33.02 | 0.990 | 256.5 / 256.5 | 256.5 / 256.5 |"
	assert_line --partial "| trixie-7 (7.3.4-test) | tcg (no /dev/kvm) | 33.11 | 40.03 | 33.02 | 0.809 |"
	run grep -o '<g id="gnuplot_plot_[0-9]*" ><title>[^<]*' "$BATS_TEST_TMPDIR/matrix/load-modules.svg"
	assert_equal "${#lines[@]}" 4
	assert_line --partial "<title>bookworm (7.3.4-test) lskel"
	assert_line --partial "<title>trixie-7 (7.3.4-test) libbpf"
}

@test "a missing table is named in one line, with the command that makes it" {
	kit_tables trixie-7 0.809
	rm "$KIT_DIR/load.tsv"
	run "$REPORT" kit "$KIT_DIR"
	assert_failure
	assert_output "bench-report: $KIT_DIR/load.tsv is missing: run make bench KIT=trixie-7 first"
}
