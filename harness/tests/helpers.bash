# shellcheck shell=bash
# Loaded by every test file: assertions, where the built tree is, the
# module ABI's constants, and the helpers by job: kfcheck's JSON
# (json.bash), the kernel's state (kernel.bash), and what a test expects
# of the system: messages and skips (expect.bash).
# shellcheck disable=SC2034 # the paths are for the test files
# run --separate-stderr keeps kfcheck's JSON (stdout) apart from its errors.
bats_require_minimum_version 1.5.0
# Files of the suite are found beside this one, also from tests that the
# build generated elsewhere.
TESTS_DIR=${BASH_SOURCE[0]%/*}
load "$TESTS_DIR/assertions"
load "$TESTS_DIR/json"
load "$TESTS_DIR/expect"

: "${MODKFUNC_BUILD:?run the suite through 'make check'}"
load "$TESTS_DIR/kernel"
KFCHECK=$MODKFUNC_BUILD/kfcheck
BPF_OBJS=$MODKFUNC_BUILD/bpf
MESSAGES=$TESTS_DIR/messages.tsv
NEEDS=$TESTS_DIR/needs.tsv
MODULES_SH=$TESTS_DIR/../../scripts/modules.sh
MODULE_DIR=$MODKFUNC_BUILD/kmod/module

# MODKFUNC_IDENTITY and MODKFUNC_PEER_IDENTITY, the high 32 bits of what
# modkfunc_whoami() and modkfunc_peer_whoami() return, from the ABI header.
# shellcheck source=/dev/null
. "$MODKFUNC_BUILD/tests/abi.bash"

ALL_TYPES=(syscall tc xdp fentry tp_btf)

# kfcheck ARGS...: runs kfcheck with JSON in $output, errors in $stderr.
kfcheck() {
	run --separate-stderr "$KFCHECK" "$@"
}
