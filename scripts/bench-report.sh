#!/usr/bin/env bash
# Turns kfbench's tables (scripts/guest-bench.sh) into markdown and plots.
#   bench-report.sh kit DIR            DIR/{calls,load}.tsv -> DIR/bench.md,
#                                      DIR/load-kfuncs.svg, DIR/load-modules.svg
#   bench-report.sh matrix OUT DIR...  one kit's DIR each -> the same files
#                                      in OUT, with the kits side by side
# The markdown also goes to stdout.
set -euo pipefail

die() { echo "bench-report: $*" >&2; exit 1; }

# label DIR: the kit and kernel a bench directory is from.
label() {
	printf '%s (%s)' "$(basename "$(dirname "$1")")" "$(cat "$1/kernel")"
}

# calls_rows DIR: the call-cost table's rows, with the ratio as a row.
calls_rows() {
	awk -F'\t' '/^#/ || $1 == "kind" { next }
		$1 == "ratio" { printf "| module/vmlinux ratio | | %s | %s | %s |\n", $5, $4, $6; next }
		$1 == "baseline" { printf "| baseline, ns per run | %s | %s | %s | %s |\n", $3, $5, $4, $6; next }
		{ printf "| %s: %s | %s | %s | %s | %s |\n", $1, $2, $3, $5, $4, $6 }' "$1/calls.tsv"
}

# load_rows DIR: each point's libbpf and lskel medians, with min and max.
load_rows() {
	awk -F'\t' '/^#/ || $1 == "series" { next }
		{ key = $1 " " $2; if (!(key in btfs)) order[n++] = key
		  btfs[key] = $3; cell[key, $4] = sprintf("%s (%s–%s, %s runs)", $7, $6, $8, $5) }
		END { for (i = 0; i < n; i++) { split(order[i], k, " ")
			printf "| %s | %s | %s | %s | %s |\n", k[1], k[2], btfs[order[i]],
				cell[order[i], "libbpf"], cell[order[i], "lskel"] } }' "$1/load.tsv"
}

kit_markdown() {
	local dir=$1
	echo "### $(label "$dir")"
	echo
	echo "$(cat "$dir/accel"). One call, ns, less the baseline; min, median and max over rounds."
	echo
	echo "| callee | calls per run | median | min | max |"
	echo "|---|---|---|---|---|"
	calls_rows "$dir"
	echo
	echo "Open and load, ms: median (min–max, runs)."
	echo
	echo "| series | kfuncs called | module BTFs loaded | libbpf | light skeleton |"
	echo "|---|---|---|---|---|"
	load_rows "$dir"
	echo
}

# median DIR KIND: the median ns per call of one call-cost row.
median() {
	awk -F'\t' -v k="$2" '$1 == k { print $5 }' "$1/calls.tsv"
}

# load_median DIR SERIES N LOADER: one load point's median ms.
load_median() {
	awk -F'\t' -v s="$2" -v n="$3" -v l="$4" '$1 == s && $2 == n && $4 == l { print $7 }' "$1/load.tsv"
}

# The kits side by side: one row each.
matrix_markdown() {
	local dir top
	top=$(awk -F'\t' '$1 == "modules" { if ($2 > m) m = $2 } END { print m }' "$1/load.tsv")
	echo "### All kits"
	echo
	echo "Call cost in ns per call (medians); load latency of $top kfuncs in ms (medians)."
	echo
	echo "| kit (kernel) | accel | module kfunc | vmlinux kfunc | helper | module/vmlinux | $top kfuncs, 1 module: libbpf / lskel | $top modules: libbpf / lskel |"
	echo "|---|---|---|---|---|---|---|---|"
	for dir in "$@"; do
		printf '| %s | %s | %s | %s | %s | %s | %s / %s | %s / %s |\n' "$(label "$dir")" \
			"$(cat "$dir/accel")" "$(median "$dir" module)" "$(median "$dir" vmlinux)" \
			"$(median "$dir" helper)" "$(median "$dir" ratio)" \
			"$(load_median "$dir" distinct "$top" libbpf)" "$(load_median "$dir" distinct "$top" lskel)" \
			"$(load_median "$dir" modules "$top" libbpf)" "$(load_median "$dir" modules "$top" lskel)"
	done
	echo
}

# series DIR SERIES LOADER: the plot's points, "N median min max".
series() {
	awk -F'\t' -v s="$2" -v l="$3" '$1 == s && $4 == l { print $2, $7, $6, $8 }' "$1/load.tsv"
}

# plot OUT SERIES XLABEL DIR...: one curve per kit and loader.
plot() {
	local out=$1 what=$2 xlabel=$3 dir loader data cmds=() n=0
	shift 3
	for dir in "$@"; do
		for loader in libbpf lskel; do
			data=$tmp/$n.dat
			series "$dir" "$what" "$loader" >"$data"
			[ -s "$data" ] || continue
			cmds+=("'$data' using 1:2:3:4 with yerrorlines title '$(label "$dir") $loader'")
			n=$((n + 1))
		done
	done
	[ ${#cmds[@]} -gt 0 ] || die "no $what points in $*"
	gnuplot <<-GNUPLOT
		set terminal svg size 900,640 dynamic font 'sans,12'
		set output '$out'
		set title 'Load latency: $xlabel'
		set xlabel '$xlabel'
		set ylabel 'open + load, ms (median, min-max)'
		set logscale xy
		set xtics (1, 16, 64, 128, 256)
		set xrange [0.8:320]
		set key below
		set grid
		plot $(IFS=,; echo "${cmds[*]}")
	GNUPLOT
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case ${1:-}:$# in
kit:2) out=$2; dirs=("$2") ;;
matrix:[3-9] | matrix:[1-9][0-9]) out=$2; dirs=("${@:3}") ;;
*) die "usage: bench-report.sh kit DIR | matrix OUT DIR..." ;;
esac
for dir in "${dirs[@]}"; do
	for f in calls.tsv load.tsv kernel accel; do
		[ -s "$dir/$f" ] || die "$dir/$f is missing: run make bench KIT=$(basename "$(dirname "$dir")") first"
	done
done
mkdir -p "$out"
plot "$out/load-kfuncs.svg" distinct "distinct kfuncs of one module" "${dirs[@]}"
plot "$out/load-modules.svg" modules "modules, one kfunc each" "${dirs[@]}"
{
	echo "## modkfunc benchmarks"
	echo
	echo "Plots: [against kfuncs](load-kfuncs.svg), [against modules](load-modules.svg)."
	echo
	[ "$1" = kit ] || matrix_markdown "${dirs[@]}"
	for dir in "${dirs[@]}"; do kit_markdown "$dir"; done
} | tee "$out/bench.md"
