# shellcheck shell=bash
# Loaded by every test file: assertions, and where the built tree is.
# shellcheck disable=SC2034 # the paths are for the test files
bats_load_library bats-support
bats_load_library bats-assert

: "${MODKFUNC_BUILD:?run the suite through 'make check'}"
KFCHECK=$MODKFUNC_BUILD/kfcheck
BPF_OBJS=$MODKFUNC_BUILD/bpf

# json_field JSON FIELD: one field of a kfcheck record.
json_field() {
	jq -er ".$2" <<<"$1"
}
