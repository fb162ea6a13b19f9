// SPDX-License-Identifier: GPL-2.0
/*
 * Programs that need kfcheck run's inputs: a syscall program that reads
 * and writes its context, tc and XDP programs that parse the packet
 * presets, and a tc program that reads and writes its __sk_buff. Each
 * hands what it read to a modkfunc kfunc, so the run proves the call too.
 */
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include "modkfunc.bpf.h"

#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86dd
#define IPPROTO_TCP_NR 6
#define IPPROTO_UDP_NR 17

/*
 * What a parser returns when the packet is not what it wants; real
 * results are port numbers, above all of these.
 */
enum parse_error {
	NOT_IPV4 = 1,
	BAD_IPV4_HEADER,
	BAD_IPV4_CHECKSUM,
	NOT_TCP,
	NOT_IPV6,
	NOT_UDP,
	BAD_UDP_LENGTH,
};

/*
 * sum_args' context, 24 bytes: the program adds a + b to sum, so a run
 * that did not start from the context given would show in sum.
 */
struct sum_args_ctx {
	__u64 a;
	__u64 b;
	__u64 sum;
};

SEC("syscall")
int sum_args(struct sum_args_ctx *args)
{
	args->sum += modkfunc_scalar_add(args->a, (__u32)args->b);
	return (int)args->sum;
}

/* 0 when the header's checksum, itself included, sums to all ones. */
static __always_inline __u16 ipv4_csum(const struct iphdr *ip)
{
	const __u16 *word = (const __u16 *)ip;
	__u32 sum = 0;
	int i;

#pragma unroll
	for (i = 0; i < (int)sizeof(*ip) / 2; i++)
		sum += word[i];
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

/* The IPv4/TCP packet's destination port, or why there is none. */
SEC("tc")
int tcp_dport(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct tcphdr *tcp = (void *)(ip + 1);

	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return NOT_IPV4;
	if (ip->version != 4 || ip->ihl != 5)
		return BAD_IPV4_HEADER;
	if (ipv4_csum(ip))
		return BAD_IPV4_CHECKSUM;
	if (ip->protocol != IPPROTO_TCP_NR || (void *)(tcp + 1) > end)
		return NOT_TCP;
	return (int)modkfunc_scalar_add(bpf_ntohs(tcp->dest), 0);
}

/* The IPv6/UDP packet's destination port, or why there is none. */
SEC("xdp")
int udp6_dport(struct xdp_md *xdp)
{
	void *data = (void *)(long)xdp->data, *end = (void *)(long)xdp->data_end;
	struct ethhdr *eth = data;
	struct ipv6hdr *ip6 = (void *)(eth + 1);
	struct udphdr *udp = (void *)(ip6 + 1);
	__u32 ulen;

	if ((void *)(ip6 + 1) > end || eth->h_proto != bpf_htons(ETH_P_IPV6))
		return NOT_IPV6;
	if (ip6->nexthdr != IPPROTO_UDP_NR || (void *)(udp + 1) > end)
		return NOT_UDP;
	/*
	 * Masked after the swap, so that the length added to a packet pointer
	 * has bounds the verifier sees: the barrier keeps clang from moving
	 * the mask before the swap, which the verifier cannot follow (clang
	 * 14's code was refused on 6.12 as "math between pkt pointer and
	 * register with unbounded min value").
	 */
	ulen = bpf_ntohs(udp->len);
	barrier_var(ulen);
	ulen &= 0xfff;
	if (udp->len != ip6->payload_len || (void *)udp + ulen != end)
		return BAD_UDP_LENGTH;
	return (int)modkfunc_scalar_add(bpf_ntohs(udp->dest), 0);
}

/* Adds one to the mark of the __sk_buff it is given, and returns it. */
SEC("tc")
int skb_mark(struct __sk_buff *skb)
{
	skb->mark = (__u32)modkfunc_scalar_add(skb->mark, 1);
	return (int)skb->mark;
}

char LICENSE[] SEC("license") = "GPL";
