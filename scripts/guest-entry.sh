#!/bin/sh
# PID 1 in the guest's real root: runs the job the host wrote, saves its
# status and the kernel log beside it, and powers off. It must never exit,
# as PID 1 exiting panics the kernel.
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /var/tmp
mount -t debugfs debugfs /sys/kernel/debug
mount -t bpf bpf /sys/fs/bpf
# apt logs dpkg's output through a pseudo-terminal.
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts
# bats reads its tests through /dev/fd; without it, it runs none.
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
mkdir -p /tmp/home
# PID 1 waits for the power-off on this pipe: by then 9p is going away, and
# running any binary, even sleep, would fail and make PID 1 exit.
mkfifo /run/hold

export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp/home LANG=C.UTF-8 TERM="${TERM:-linux}"
job=$(sed -n 's/.*modkfunc_job=\([^ ]*\).*/\1/p' /proc/cmdline)
out=$(dirname "$job")

cd /src || exit
setsid -c sh "$job" </dev/console >/dev/console 2>&1
rc=$?

# SLUB reports a write to freed memory when the object is next allocated;
# validating the kmalloc caches, where kfuncs allocate, now also reports
# what no allocation reached. Not every cache: on 7.x, validating
# kmem_cache_node reports its in-use objects' free pointers as corrupt.
if grep -q slub_debug /proc/cmdline; then
	for v in /sys/kernel/slab/kmalloc-*/validate; do echo 1 >"$v"; done 2>/dev/null
fi
dmesg >"$out/dmesg.txt"
echo "$rc" >"$out/status"
sync
echo o >/proc/sysrq-trigger
read -r _ </run/hold
