// SPDX-License-Identifier: GPL-2.0
/*
 * modkfunc: a kfunc provider whose only job is to be called from BPF, so
 * that a test can prove each call reached this module and this function.
 * Each family below exercises one rule the verifier enforces for module
 * kfuncs; debugfs counts every call (see provider.h).
 */
#include <linux/bpf.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "compat.h"
#include "modkfunc_abi.h"
#include "provider.h"

/*
 * Every kfunc, once: X(kfunc, flags). The lists make the counters, whose
 * debugfs "calls" file follows this order, and the BTF id sets below.
 * Adding a kfunc takes a line here, its body and its prototype in
 * modkfunc_abi.h.
 */
#define MODKFUNC_COMMON_KFUNCS(X)					\
	X(modkfunc_scalar_add, 0)					\
	X(modkfunc_whoami, 0)						\
	X(modkfunc_same_name, 0)					\
	X(modkfunc_mem_sum, 0)						\
	X(modkfunc_const_scale, 0)					\
	X(modkfunc_obj_acquire, KF_ACQUIRE | KF_RET_NULL)		\
	X(modkfunc_obj_release, KF_RELEASE)				\
	X(modkfunc_obj_tag, KF_TRUSTED_ARGS)				\
	X(modkfunc_obj_tag_or, 0)					\
	X(modkfunc_sleepable_yield, KF_SLEEPABLE)			\
	X(modkfunc_destructive_noop, KF_DESTRUCTIVE)			\
	X(modkfunc_opt_sum, 0)						\
	X(modkfunc_ign_is_set, 0)					\
	X(modkfunc_dynptr_fill, 0)					\
	MODKFUNC_STR_KFUNCS(X)						\
	MODKFUNC_RCU_KFUNCS(X)						\
	MODKFUNC_ITER_KFUNCS(X)

/* The RCU kfuncs, where the kernel has what each needs (compat.h). */
#ifdef MODKFUNC_NO_RCU
#define MODKFUNC_RCU_ARG_KFUNCS(X)
#else
#define MODKFUNC_RCU_ARG_KFUNCS(X)					\
	X(modkfunc_task_tgid, KF_RCU)
#endif
#ifdef MODKFUNC_NO_RCU_RESULT
#define MODKFUNC_RCU_RESULT_KFUNCS(X)
#else
#define MODKFUNC_RCU_RESULT_KFUNCS(X)					\
	X(modkfunc_rcu_obj, KF_RCU_PROTECTED | KF_RET_NULL)		\
	X(modkfunc_obj_tag_rcu, KF_RCU)
#endif
#define MODKFUNC_RCU_KFUNCS(X) MODKFUNC_RCU_ARG_KFUNCS(X) MODKFUNC_RCU_RESULT_KFUNCS(X)

/* The constant-string kfunc, where the verifier knows __str (compat.h). */
#ifdef MODKFUNC_NO_CONST_STR
#define MODKFUNC_STR_KFUNCS(X)
#else
#define MODKFUNC_STR_KFUNCS(X)						\
	X(modkfunc_str_len, 0)
#endif

/* The open-coded iterator's kfuncs, where the kernel has iterators. */
#ifdef MODKFUNC_NO_ITER
#define MODKFUNC_ITER_KFUNCS(X)
#else
#define MODKFUNC_ITER_KFUNCS(X)						\
	X(bpf_iter_modkfunc_range_new, KF_ITER_NEW)			\
	X(bpf_iter_modkfunc_range_next, KF_ITER_NEXT | KF_RET_NULL)	\
	X(bpf_iter_modkfunc_range_destroy, KF_ITER_DESTROY)
#endif

/* For tc and XDP only. */
#define MODKFUNC_PKT_KFUNCS(X)						\
	X(modkfunc_pkt_tag, 0)

/*
 * For tracing programs only, and of those only the one attach point the
 * set's filter allows, where the kernel has set filters (compat.h).
 */
#ifdef MODKFUNC_NO_SET_FILTER
#define MODKFUNC_TRACED_KFUNCS(X)
#else
#define MODKFUNC_TRACED_KFUNCS(X)					\
	X(modkfunc_fentry_only, 0)
#endif

#define MODKFUNC_KFUNCS(X)						\
	MODKFUNC_COMMON_KFUNCS(X) MODKFUNC_PKT_KFUNCS(X) MODKFUNC_TRACED_KFUNCS(X)

/*
 * Not counted: the benchmarks time the call itself, and a counter is a
 * locked increment that would be timed with it. In the common set.
 */
#define MODKFUNC_UNCOUNTED_KFUNCS(X)					\
	X(modkfunc_nop, 0)

/*
 * Counted, in no set: BPF may not call it. The kernel does, for an object
 * a map still holds as a kptr when the map or the field lets it go.
 */
#define MODKFUNC_DTORS(X)						\
	X(modkfunc_obj_dtor, 0)

#define MODKFUNC_COUNTED(X) MODKFUNC_KFUNCS(X) MODKFUNC_DTORS(X)

MKF_COUNTERS(mkf, MODKFUNC_COUNTED);

/*
 * The same value as MODKFUNC_IDENTITY, as a symbol for BPF to read
 * through a typeless ksym: libbpf finds its address in /proc/kallsyms,
 * not in BTF.
 */
const u64 modkfunc_identity = MODKFUNC_IDENTITY;

/* Not static: pahole encodes only global per-CPU variables as BTF VARs. */
DEFINE_PER_CPU(struct modkfunc_pcpu_stats, modkfunc_pcpu_stats);

#ifndef MODKFUNC_NO_RCU_RESULT
/*
 * The object modkfunc_rcu_obj() returns. It is published once and never
 * replaced, but a module that replaced it would free the old one after a
 * grace period, and the verifier holds programs to exactly that: no use
 * outside the read section the pointer came from.
 */
static struct modkfunc_obj mkf_rcu_published = { .tag = MODKFUNC_RCU_TAG };
static struct modkfunc_obj __rcu *mkf_rcu_obj = RCU_INITIALIZER(&mkf_rcu_published);
#endif

static u64 mkf_account(unsigned int idx, u64 value)
{
	mkf_count(&mkf, idx);
	this_cpu_inc(modkfunc_pcpu_stats.calls);
	this_cpu_write(modkfunc_pcpu_stats.last_value, value);
	return value;
}

/* What the kfuncs that name their module return: "modk", then @cookie. */
static u64 mkf_identify(u64 cookie)
{
	return (u64)MODKFUNC_IDENTITY << 32 | (u32)cookie;
}

/*
 * make modules MODKFUNC_FAULT=uaf|double-free builds a module broken on
 * purpose, for the runner's own tests (scripts/tests/vm-runner.bats): they
 * prove that memory debugging catches a kfunc that writes to an object it
 * freed, or frees it twice, and that the run then fails. The compiler
 * must not see the bug, or it would warn, or drop the write.
 */
static void mkf_obj_free(struct modkfunc_obj *obj)
{
	kfree(obj);
#if defined(MODKFUNC_FAULT_UAF)
	OPTIMIZER_HIDE_VAR(obj);
	WRITE_ONCE(obj->tag, 0);
#elif defined(MODKFUNC_FAULT_DOUBLE_FREE)
	OPTIMIZER_HIDE_VAR(obj);
	kfree(obj);
#endif
}

__bpf_kfunc_start_defs();

/**
 * modkfunc_scalar_add() - add two scalars
 * @a: first addend
 * @b: second addend
 *
 * Verifier: both arguments are scalars, so any value is accepted and no
 * pointer may be passed. In the common set: every program type may call it.
 *
 * Return: @a + @b, wrapping at 64 bits.
 */
__bpf_kfunc u64 modkfunc_scalar_add(u64 a, u32 b)
{
	return mkf_account(MKF_modkfunc_scalar_add, a + b);
}

/**
 * modkfunc_whoami() - name the module that answered
 * @cookie: echoed back, so a call site can be told from another
 *
 * Verifier: a scalar argument. modkfunc_peer has modkfunc_peer_whoami()
 * with the same signature; a call resolved to the wrong module returns
 * the other module's identity.
 *
 * Return: "modk" (0x6d6f646b) in the high 32 bits, the low 32 bits of
 * @cookie in the low 32 bits.
 */
__bpf_kfunc u64 modkfunc_whoami(u64 cookie)
{
	return mkf_account(MKF_modkfunc_whoami, mkf_identify(cookie));
}

/**
 * modkfunc_same_name() - a kfunc name that modkfunc_twin exports too
 * @cookie: echoed back, so a call site can be told from another
 *
 * Verifier: a scalar argument. With modkfunc_twin loaded, two module BTFs
 * have a kfunc of this name and prototype, and the name alone does not say
 * which module a call reaches: libbpf, and the kernel's lookup for a light
 * skeleton, take the module BTF with the lowest id, the one loaded first.
 *
 * Return: as modkfunc_whoami().
 */
__bpf_kfunc u64 modkfunc_same_name(u64 cookie)
{
	return mkf_account(MKF_modkfunc_same_name, mkf_identify(cookie));
}

/**
 * modkfunc_mem_sum() - sum the bytes of a buffer
 * @buf: the bytes
 * @buf__sz: how many; the __sz suffix pairs it with @buf
 *
 * Verifier: @buf must point to memory the program may read, at least
 * @buf__sz bytes of it, and @buf__sz must be bounded; an access beyond the
 * buffer is rejected at load time.
 *
 * Return: the sum of the bytes.
 */
__bpf_kfunc u64 modkfunc_mem_sum(const u8 *buf, u32 buf__sz)
{
	u64 sum = 0;
	u32 i;

	for (i = 0; i < buf__sz; i++)
		sum += buf[i];
	return mkf_account(MKF_modkfunc_mem_sum, sum);
}

/**
 * modkfunc_const_scale() - multiply by a load-time constant
 * @value: the value
 * @factor__k: the factor; the __k suffix makes it a constant
 *
 * Verifier: @factor__k must be a known constant at the call site; a value
 * computed at run time is rejected.
 *
 * Return: @value * @factor__k.
 */
__bpf_kfunc u64 modkfunc_const_scale(u64 value, u32 factor__k)
{
	return mkf_account(MKF_modkfunc_const_scale, value * factor__k);
}

/**
 * modkfunc_obj_acquire() - acquire a new object
 * @tag: stored in the object; 0 makes the call fail
 *
 * Verifier (KF_ACQUIRE | KF_RET_NULL): the result must be checked for
 * NULL before use, and on every path before the program exits each
 * non-NULL result must reach modkfunc_obj_release() or be moved into a
 * map's kptr field with bpf_kptr_xchg().
 *
 * Return: the object, or NULL if @tag is 0 or memory is short.
 */
__bpf_kfunc struct modkfunc_obj *modkfunc_obj_acquire(u64 tag)
{
	struct modkfunc_obj *obj = NULL;

	if (tag)
		obj = kmalloc(sizeof(*obj), GFP_ATOMIC);
	if (obj) {
		obj->tag = tag;
		atomic64_inc(&mkf.live);
	}
	mkf_account(MKF_modkfunc_obj_acquire, tag);
	return obj;
}

/**
 * modkfunc_obj_release() - release an acquired object
 * @obj: an object from modkfunc_obj_acquire()
 *
 * Verifier (KF_RELEASE): @obj must be an acquired reference the program
 * still holds; releasing anything else, or twice, is rejected.
 */
__bpf_kfunc void modkfunc_obj_release(struct modkfunc_obj *obj)
{
	mkf_account(MKF_modkfunc_obj_release, obj->tag);
	atomic64_dec(&mkf.live);
	mkf_obj_free(obj);
}

/**
 * modkfunc_obj_dtor() - free an object that a map held as a kptr
 * @obj: the object, which the map owned
 *
 * Not for BPF: it is in no kfunc set. register_btf_id_dtor_kfuncs() makes
 * it the destructor of struct modkfunc_obj, which is what lets a map
 * value hold one in a referenced kptr field (__kptr; __kptr_ref before
 * 6.4): without a destructor the map cannot be created. The kernel calls
 * it for the object left in such a field when the map is freed, or when
 * an update or delete overwrites the field.
 */
__bpf_kfunc void modkfunc_obj_dtor(struct modkfunc_obj *obj)
{
	mkf_account(MKF_modkfunc_obj_dtor, obj->tag);
	atomic64_dec(&mkf.live);
	mkf_obj_free(obj);
}
CFI_NOSEAL(modkfunc_obj_dtor);

/**
 * modkfunc_obj_tag() - read an object's tag
 * @obj: a trusted object
 *
 * Verifier (KF_TRUSTED_ARGS; the default from 7.0): @obj must be a
 * trusted pointer, such as an acquired reference; NULL or a pointer
 * walked from another object is rejected.
 *
 * Return: the tag @obj was acquired with.
 */
__bpf_kfunc u64 modkfunc_obj_tag(struct modkfunc_obj *obj)
{
	return mkf_account(MKF_modkfunc_obj_tag, obj->tag);
}

/**
 * modkfunc_obj_tag_or() - read an object's tag, if there is an object
 * @obj__nullable: an object, or NULL; the __nullable suffix allows NULL
 * @fallback: returned when @obj__nullable is NULL
 *
 * Verifier: @obj__nullable may be a literal NULL or a trusted object.
 *
 * Return: the object's tag, or @fallback.
 */
__bpf_kfunc u64 modkfunc_obj_tag_or(struct modkfunc_obj *obj__nullable,
				    u64 fallback)
{
	return mkf_account(MKF_modkfunc_obj_tag_or,
			   obj__nullable ? obj__nullable->tag : fallback);
}

/**
 * modkfunc_sleepable_yield() - a kfunc that may sleep
 * @value: returned unchanged
 *
 * Verifier (KF_SLEEPABLE): only a sleepable program (syscall, or a .s
 * section such as fentry.s) may call it.
 *
 * Return: @value.
 */
__bpf_kfunc u64 modkfunc_sleepable_yield(u64 value)
{
	might_sleep();
	cond_resched();
	return mkf_account(MKF_modkfunc_sleepable_yield, value);
}

/**
 * modkfunc_destructive_noop() - a kfunc flagged destructive, that is not
 * @value: returned unchanged
 *
 * Verifier (KF_DESTRUCTIVE): the loader must hold CAP_SYS_BOOT, or the
 * load fails with EACCES. It does nothing harmful, so tests may call it.
 *
 * Return: @value.
 */
__bpf_kfunc u64 modkfunc_destructive_noop(u64 value)
{
	return mkf_account(MKF_modkfunc_destructive_noop, value);
}

/**
 * modkfunc_opt_sum() - sum the bytes of a buffer the program may leave out
 * @buf: the bytes, or NULL; named buf__opt, or buf__nullable from 7.0
 *	(compat.h), the suffix that allows NULL
 * @buf__sz: how many bytes @buf holds
 *
 * Verifier (__opt, 6.4; __nullable, 7.0): a NULL @buf is accepted
 * whatever @buf__sz says; any other pointer must reach @buf__sz readable
 * and writable bytes, as for a plain __sz pair. A verifier that does not
 * know the suffix refuses NULL. The kfunc must check for NULL itself.
 *
 * Return: the sum of the bytes, or @buf__sz when @buf is NULL.
 */
__bpf_kfunc u64 modkfunc_opt_sum(const u8 *MODKFUNC_NULLABLE_BUF(buf), u32 buf__sz)
{
	const u8 *buf = MODKFUNC_NULLABLE_BUF(buf);
	u64 sum = 0;
	u32 i;

	if (!buf)
		return mkf_account(MKF_modkfunc_opt_sum, buf__sz);
	for (i = 0; i < buf__sz; i++)
		sum += buf[i];
	return mkf_account(MKF_modkfunc_opt_sum, sum);
}

/**
 * modkfunc_ign_is_set() - whether the program passed a non-NULL hint
 * @hint__ign: anything; the __ign suffix makes the verifier skip it
 *
 * Verifier (__ign, 6.2): @hint__ign is not checked at all, so a number, a
 * stack or context pointer and NULL are all accepted, where a checked
 * pointer argument refuses a number. The kfunc must therefore never
 * dereference it; this one only tests it against NULL.
 *
 * Return: 1 if @hint__ign is not NULL, else 0.
 */
__bpf_kfunc u64 modkfunc_ign_is_set(const void *hint__ign)
{
	return mkf_account(MKF_modkfunc_ign_is_set, hint__ign != NULL);
}

/**
 * modkfunc_dynptr_fill() - what a module cannot do with __uninit
 * @ptr__uninit: a dynptr on the program's stack, for the kfunc to set up
 *
 * Verifier (__uninit, 6.4): refused, on every kernel tested. The verifier
 * honours __uninit only for a dynptr, and gives the new dynptr a type that
 * it knows only for the kernel's own constructors, matched by BTF id
 * (bpf_dynptr_from_skb() and the like); for any other kfunc
 * mark_stack_slots_dynptr() finds none and refuses the call with EINVAL,
 * printing nothing. So a module cannot construct a dynptr, and the kfunc,
 * there to show that, never runs; if it did it would leave @ptr__uninit
 * alone.
 *
 * Return: 0.
 */
__bpf_kfunc u64 modkfunc_dynptr_fill(struct bpf_dynptr *ptr__uninit)
{
	return mkf_account(MKF_modkfunc_dynptr_fill, 0);
}

#ifndef MODKFUNC_NO_CONST_STR
/**
 * modkfunc_str_len() - the length of a string fixed at load time
 * @name__str: the string; the __str suffix makes it a constant string
 *
 * Verifier (__str, 6.8): @name__str must point, at a constant offset,
 * into a read-only map such as the program's .rodata, which is frozen
 * before the load, and the string must end inside the map value; so the
 * kfunc may read it up to its NUL. A string in writable memory (.data, a
 * map the program may update, the stack) is refused.
 *
 * Return: the string's length.
 */
__bpf_kfunc u64 modkfunc_str_len(const char *name__str)
{
	return mkf_account(MKF_modkfunc_str_len, strlen(name__str));
}
#endif

#ifndef MODKFUNC_NO_RCU
/**
 * modkfunc_task_tgid() - the thread group of a task the program reached
 * @task: a trusted task, or one read under RCU
 *
 * Verifier (KF_RCU): besides a trusted pointer, @task may be an RCU
 * pointer: a field the verifier knows to be RCU-protected (such as
 * task->group_leader), read inside bpf_rcu_read_lock() or anywhere in a
 * program that cannot sleep. Read in a sleepable program outside a read
 * section, the same field is an untrusted pointer, and refused.
 *
 * Return: @task's tgid.
 */
__bpf_kfunc u64 modkfunc_task_tgid(struct task_struct *task)
{
	return mkf_account(MKF_modkfunc_task_tgid, task->tgid);
}
#endif

#ifndef MODKFUNC_NO_RCU_RESULT
/**
 * modkfunc_rcu_obj() - the object modkfunc publishes under RCU
 *
 * Verifier (KF_RCU_PROTECTED | KF_RET_NULL, 6.18): the call must be inside
 * an RCU read section (bpf_rcu_read_lock(), or a program that cannot
 * sleep); the result is an RCU pointer that may be NULL, valid until the
 * section ends. After bpf_rcu_read_unlock() it is untrusted, and a kfunc
 * that needs a trusted argument refuses it.
 *
 * Return: the published object, whose tag is MODKFUNC_RCU_TAG.
 */
__bpf_kfunc struct modkfunc_obj *modkfunc_rcu_obj(void)
{
	struct modkfunc_obj *obj = rcu_dereference(mkf_rcu_obj);

	mkf_account(MKF_modkfunc_rcu_obj, obj->tag);
	return obj;
}

/**
 * modkfunc_obj_tag_rcu() - read the tag of an object the program may only
 * borrow
 * @obj: a trusted object, or an RCU pointer to one
 *
 * Verifier (KF_RCU): unlike modkfunc_obj_tag(), which takes trusted
 * pointers only and refuses an RCU pointer even inside its read section,
 * @obj may be what modkfunc_rcu_obj() returned, while the section lasts;
 * after bpf_rcu_read_unlock() the pointer is untrusted and refused.
 *
 * Return: @obj's tag.
 */
__bpf_kfunc u64 modkfunc_obj_tag_rcu(struct modkfunc_obj *obj)
{
	return mkf_account(MKF_modkfunc_obj_tag_rcu, obj->tag);
}
#endif

#ifndef MODKFUNC_NO_SET_FILTER
/**
 * modkfunc_fentry_only() - a kfunc for one attach point
 * @value: the input
 *
 * Verifier: it is in modkfunc's tracing set, whose filter,
 * modkfunc_traced_filter(), allows it only to fentry programs attached to
 * bpf_fentry_test1; from any other tracing program, or another program
 * type, the load fails with "calling kernel function modkfunc_fentry_only
 * is not allowed".
 *
 * Return: @value * 3.
 */
__bpf_kfunc u64 modkfunc_fentry_only(u64 value)
{
	return mkf_account(MKF_modkfunc_fentry_only, value * 3);
}
#endif

/**
 * modkfunc_pkt_tag() - a kfunc for packet programs only
 * @value: the input
 *
 * Verifier: it is registered for tc (BPF_PROG_TYPE_SCHED_CLS) and XDP
 * only; from any other program type the load fails with "calling kernel
 * function modkfunc_pkt_tag is not allowed".
 *
 * Return: @value * 2 + 1.
 */
__bpf_kfunc u64 modkfunc_pkt_tag(u64 value)
{
	return mkf_account(MKF_modkfunc_pkt_tag, value * 2 + 1);
}

/**
 * modkfunc_nop() - do nothing
 *
 * Verifier: no arguments and no return value. In the common set. It is
 * the module side of the call-cost benchmark (make bench), measured
 * against vmlinux kfuncs whose bodies are as empty; unlike every other
 * kfunc here, its calls are not counted.
 */
__bpf_kfunc void modkfunc_nop(void)
{
}

#ifndef MODKFUNC_NO_ITER
/*
 * What struct bpf_iter_modkfunc_range holds behind its opaque words: the
 * value _next() last yielded, which the program reads through the pointer
 * _next() returns, the step to the next one, and how many are left.
 */
struct mkf_range {
	u64 value;
	u64 step;
	u32 left;
};

static_assert(sizeof(struct mkf_range) <= sizeof(struct bpf_iter_modkfunc_range));
static_assert(__alignof__(struct mkf_range) <= __alignof__(struct bpf_iter_modkfunc_range));

/**
 * bpf_iter_modkfunc_range_new() - start iterating over an arithmetic range
 * @it: the iterator, on the program's stack
 * @first: the first value yielded
 * @step: added to each value to make the next, wrapping at 64 bits
 * @count: how many values to yield; at most BPF_MAX_LOOPS
 *
 * Verifier (KF_ITER_NEW): @it must be an uninitialized iterator in the
 * program's own stack slots; after the call it is initialized whatever the
 * result, and every path must pass it to bpf_iter_modkfunc_range_destroy()
 * before the program exits, or the load fails with an unreleased
 * reference.
 *
 * Return: 0, or -E2BIG if @count is above BPF_MAX_LOOPS, and then the
 * iterator yields nothing: the verifier cannot bound the loop, so the
 * module must.
 */
__bpf_kfunc int bpf_iter_modkfunc_range_new(struct bpf_iter_modkfunc_range *it,
					    u64 first, u64 step, u32 count)
{
	struct mkf_range *r = (struct mkf_range *)it;

	mkf_account(MKF_bpf_iter_modkfunc_range_new, count);
	r->left = 0;
	if (count > BPF_MAX_LOOPS)
		return -E2BIG;
	r->value = first - step;
	r->step = step;
	r->left = count;
	return 0;
}

/**
 * bpf_iter_modkfunc_range_next() - the next value of the range
 * @it: an iterator bpf_iter_modkfunc_range_new() initialized
 *
 * Verifier (KF_ITER_NEXT | KF_RET_NULL): @it must be initialized and not
 * yet destroyed; the result must be checked for NULL, and the verifier
 * proves the loop around it by checking that the states at this call
 * converge, not by unrolling it. The result points to 8 read-only bytes.
 *
 * Return: a pointer to the next value, or NULL once @count were yielded.
 */
__bpf_kfunc u64 *bpf_iter_modkfunc_range_next(struct bpf_iter_modkfunc_range *it)
{
	struct mkf_range *r = (struct mkf_range *)it;

	if (!r->left) {
		mkf_account(MKF_bpf_iter_modkfunc_range_next, 0);
		return NULL;
	}
	r->left--;
	r->value += r->step;
	mkf_account(MKF_bpf_iter_modkfunc_range_next, r->value);
	return &r->value;
}

/**
 * bpf_iter_modkfunc_range_destroy() - end an iteration
 * @it: an iterator bpf_iter_modkfunc_range_new() initialized
 *
 * Verifier (KF_ITER_DESTROY): @it must be initialized; afterwards it is
 * uninitialized again, and passing it to _next() is refused.
 */
__bpf_kfunc void bpf_iter_modkfunc_range_destroy(struct bpf_iter_modkfunc_range *it)
{
	struct mkf_range *r = (struct mkf_range *)it;

	mkf_account(MKF_bpf_iter_modkfunc_range_destroy, r->left);
	r->left = 0;
}
#endif /* MODKFUNC_NO_ITER */

__bpf_kfunc_end_defs();

BTF_KFUNCS_START(modkfunc_common_ids)
MODKFUNC_COMMON_KFUNCS(MKF_BTF_ID)
MODKFUNC_UNCOUNTED_KFUNCS(MKF_BTF_ID)
BTF_KFUNCS_END(modkfunc_common_ids)

/* Without the common hook it must carry the common kfuncs too (compat.h). */
BTF_KFUNCS_START(modkfunc_pkt_ids)
MODKFUNC_PKT_KFUNCS(MKF_BTF_ID)
#ifdef MODKFUNC_NO_COMMON_HOOK
MODKFUNC_COMMON_KFUNCS(MKF_BTF_ID)
MODKFUNC_UNCOUNTED_KFUNCS(MKF_BTF_ID)
#endif
BTF_KFUNCS_END(modkfunc_pkt_ids)

#ifndef MODKFUNC_NO_SET_FILTER
BTF_KFUNCS_START(modkfunc_traced_ids)
MODKFUNC_TRACED_KFUNCS(MKF_BTF_ID)
BTF_KFUNCS_END(modkfunc_traced_ids)

/* The attach point modkfunc_fentry_only() is for. */
#define MODKFUNC_FENTRY_TARGET "bpf_fentry_test1"

/*
 * The verifier asks the filters a module registered for the program's hook
 * about every kfunc of the module it looks up there, and it passes the id
 * in the module's BTF as loaded, which the kernel may have relocated from
 * the ids resolve_btfids wrote into the sets (distilled base BTF, 6.11).
 * So the filter cannot match the id against modkfunc_traced_ids: it
 * decides from the program alone, which works because the tracing hook
 * holds no other kfunc of modkfunc's (the common ones are found under the
 * common hook, whose lookup comes first). It runs once the attach point is
 * known, before the program is checked: 0 allows the call, an error
 * refuses it.
 */
static int modkfunc_traced_filter(const struct bpf_prog *prog, u32 kfunc_id)
{
	const char *target = prog->aux->attach_func_name;

	if (prog->expected_attach_type == BPF_TRACE_FENTRY && target &&
	    !strcmp(target, MODKFUNC_FENTRY_TARGET))
		return 0;
	return -EACCES;
}
#define MODKFUNC_TRACED_SET						\
	{ .owner = THIS_MODULE, .set = &modkfunc_traced_ids,		\
	  .filter = modkfunc_traced_filter }
#else
#define MODKFUNC_TRACED_SET {}
#endif

#include "ops.c"

BTF_ID_LIST(modkfunc_dtor_ids)
BTF_ID(struct, modkfunc_obj)
BTF_ID(func, modkfunc_obj_dtor)

static const struct mkf_provider modkfunc = {
	.name = "modkfunc",
	.counters = &mkf,
	.common = { .owner = THIS_MODULE, .set = &modkfunc_common_ids },
	.pkt = { .owner = THIS_MODULE, .set = &modkfunc_pkt_ids },
	.traced = MODKFUNC_TRACED_SET,
	.dtor_ids = modkfunc_dtor_ids,
	.nr_dtors = 1,
	.init = mkf_ops_register,
};
module_mkf_provider(modkfunc);

MODULE_DESCRIPTION("kfunc provider for testing BPF module kfunc calls");
MODULE_LICENSE("GPL");

/*
 * The provider code goes into this translation unit, not an object of its
 * own, so that the module is one object Kbuild links without "ld -r": see
 * provider.c.
 */
#include "provider.c"
