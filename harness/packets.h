/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The packets kfcheck run can give a tc or XDP program by name, so that a
 * program that parses headers needs no hex from its user. Each is a whole
 * Ethernet frame with valid IP and transport checksums:
 *   ipv4-tcp  192.0.2.1:49152 -> 198.51.100.2:8080, TCP SYN, no payload
 *   ipv6-udp  [2001:db8::1]:40000 -> [2001:db8::2]:9000, payload "kfck"
 */
#ifndef KFCHECK_PACKETS_H
#define KFCHECK_PACKETS_H

#include <stddef.h>

struct packet {
	const char *name;
	const unsigned char *bytes;
	size_t len;
};

/* The preset called @name, or NULL. */
const struct packet *packet_preset(const char *name);

/* The presets' names, separated by ", ", for messages and usage. */
const char *packet_preset_names(void);

#endif
