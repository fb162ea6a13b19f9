// SPDX-License-Identifier: GPL-2.0
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "packets.h"

#define ETH_HLEN 14
#define IPV4_HLEN 20
#define IPV6_HLEN 40
#define TCP_HLEN 20
#define UDP_HLEN 8
#define PROTO_TCP 6
#define PROTO_UDP 17

static const unsigned char eth_ipv4[ETH_HLEN] = {
	0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00,
};
static const unsigned char eth_ipv6[ETH_HLEN] = {
	0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01, 0x86, 0xdd,
};

static void put16(unsigned char *p, unsigned int v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

/* The ones' complement sum of @len bytes (RFC 1071), added to @sum. */
static uint32_t sum16(uint32_t sum, const unsigned char *p, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	return sum;
}

static unsigned int fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return ~sum & 0xffff;
}

/*
 * The transport checksum over the pseudo-header (addresses at @addrs, two
 * of @addr_len bytes each) and the @len bytes at @l4.
 */
static unsigned int l4_csum(const unsigned char *addrs, size_t addr_len,
			    unsigned int proto, const unsigned char *l4, size_t len)
{
	uint32_t sum = sum16(0, addrs, 2 * addr_len);

	sum += proto + len;
	return fold(sum16(sum, l4, len));
}

enum { V4_TCP_LEN = ETH_HLEN + IPV4_HLEN + TCP_HLEN };
enum { V6_PAYLOAD = 4, V6_UDP_LEN = ETH_HLEN + IPV6_HLEN + UDP_HLEN + V6_PAYLOAD };

static unsigned char v4_tcp[V4_TCP_LEN];
static unsigned char v6_udp[V6_UDP_LEN];

static void build_ipv4_tcp(unsigned char *f)
{
	static const unsigned char addrs[8] = { 192, 0, 2, 1, 198, 51, 100, 2 };
	unsigned char *ip = f + ETH_HLEN, *tcp = ip + IPV4_HLEN;

	memcpy(f, eth_ipv4, ETH_HLEN);
	ip[0] = 0x45;			/* version 4, 5 words */
	put16(ip + 2, IPV4_HLEN + TCP_HLEN);
	put16(ip + 4, 1);		/* id */
	put16(ip + 6, 0x4000);		/* don't fragment */
	ip[8] = 64;			/* ttl */
	ip[9] = PROTO_TCP;
	memcpy(ip + 12, addrs, sizeof(addrs));
	put16(ip + 10, fold(sum16(0, ip, IPV4_HLEN)));
	put16(tcp, 49152);
	put16(tcp + 2, 8080);
	put16(tcp + 4, 0);
	put16(tcp + 6, 1);		/* seq 1 */
	tcp[12] = 5 << 4;		/* data offset: 5 words */
	tcp[13] = 0x02;			/* SYN */
	put16(tcp + 14, 65535);		/* window */
	put16(tcp + 16, l4_csum(addrs, 4, PROTO_TCP, tcp, TCP_HLEN));
}

static void build_ipv6_udp(unsigned char *f)
{
	static const unsigned char addrs[32] = {
		0x20, 0x01, 0x0d, 0xb8, [15] = 1,
		0x20, 0x01, 0x0d, 0xb8, [31] = 2,
	};
	unsigned char *ip = f + ETH_HLEN, *udp = ip + IPV6_HLEN;
	unsigned int csum;

	memcpy(f, eth_ipv6, ETH_HLEN);
	ip[0] = 0x60;			/* version 6 */
	put16(ip + 4, UDP_HLEN + V6_PAYLOAD);
	ip[6] = PROTO_UDP;
	ip[7] = 64;			/* hop limit */
	memcpy(ip + 8, addrs, sizeof(addrs));
	put16(udp, 40000);
	put16(udp + 2, 9000);
	put16(udp + 4, UDP_HLEN + V6_PAYLOAD);
	memcpy(udp + UDP_HLEN, "kfck", V6_PAYLOAD);
	csum = l4_csum(addrs, 16, PROTO_UDP, udp, UDP_HLEN + V6_PAYLOAD);
	/* UDP sends a computed 0 as all ones; 0 means none. */
	put16(udp + 6, csum ? csum : 0xffff);
}

#define NR_PRESETS 2
static const struct packet presets[NR_PRESETS] = {
	{ "ipv4-tcp", v4_tcp, sizeof(v4_tcp) },
	{ "ipv6-udp", v6_udp, sizeof(v6_udp) },
};

const struct packet *packet_preset(const char *name)
{
	static int built;
	size_t i;

	if (!built) {
		build_ipv4_tcp(v4_tcp);
		build_ipv6_udp(v6_udp);
		built = 1;
	}
	for (i = 0; i < NR_PRESETS; i++)
		if (!strcmp(presets[i].name, name))
			return &presets[i];
	return NULL;
}

const char *packet_preset_names(void)
{
	static char names[64];
	size_t i, len;

	if (names[0])
		return names;
	for (i = 0, len = 0; i < NR_PRESETS && len < sizeof(names); i++)
		len += snprintf(names + len, sizeof(names) - len, "%s%s", i ? ", " : "",
				presets[i].name);
	return names;
}
