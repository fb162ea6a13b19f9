#!/usr/bin/env bash
# In a kit's guest (make bench): runs kfbench's two benchmarks on the
# kit's build and writes their tables to BUILD/bench/: calls.tsv, and
# load.tsv, whose modules series loads the generated one-kfunc modules
# step by step, so that each point runs with as many module BTFs as it
# calls. Nothing stays loaded.
# Usage: guest-bench.sh BUILD
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: guest-bench.sh BUILD" >&2; exit 2; }
build=$1 out=$1/bench
top=$(cd "$(dirname "$0")/.." && pwd)
modules=$top/scripts/modules.sh
gen_kmod=$build/gen/kmod
read -ra points < <("$top/scripts/gen-limits.sh" points)
mkdir -p "$out"
uname -r >"$out/kernel"

gen_names() {
	local i
	for ((i = 0; i < $1; i++)); do printf 'modkfunc_gen_%03d\n' "$i"; done
}

# Whatever fails, the modules go: a guest is not left holding them.
cleanup() {
	"$modules" unload "$build/kmod/module" || true
	"$modules" unload "$gen_kmod" || true
}
trap cleanup EXIT

echo "bench: call cost"
"$modules" load "$build/kmod/module" modkfunc
"$build/kfbench" calls "$build/bpf/bench_calls.bpf.o" >"$out/calls.tsv"
"$modules" unload "$build/kmod/module"

echo "bench: load latency against kfuncs in one module"
"$modules" load "$gen_kmod" modkfunc_gen_many
"$build/kfbench" load "$build/gen/bpf" "${points[@]/#/distinct_}" >"$out/load.tsv"
"$modules" unload "$gen_kmod" modkfunc_gen_many

echo "bench: load latency against modules"
for n in "${points[@]}"; do
	mapfile -t names < <(gen_names "$n")
	"$modules" load "$gen_kmod" "${names[@]}"
	# The header is in the file already.
	"$build/kfbench" load "$build/gen/bpf" "modules_$n" | sed '1,2d' >>"$out/load.tsv"
done
cat "$out/calls.tsv" "$out/load.tsv"
