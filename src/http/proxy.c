#include "http/proxy.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

enum { ADDRESS_MAX = 64 };     /* INET6_ADDRSTRLEN and some */

/* s[0..n) without spaces and tabs around it, into out (NUL-terminated);
 * false when it does not fit. */
static bool trimmed(const char *s, size_t n, char out[ADDRESS_MAX])
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= ADDRESS_MAX)
		return false;
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}

static bool is_ip(const char *s)
{
	unsigned char a[16];

	return inet_pton(AF_INET, s, a) == 1 || inet_pton(AF_INET6, s, a) == 1;
}

/* Whether the comma-separated list holds an entry equal to address, in
 * the form inet_ntop writes it (the peer's). */
static bool listed(const char *list, const char *address)
{
	while (*list != '\0') {
		const char *end = strchr(list, ',');
		size_t n = end != NULL ? (size_t)(end - list) : strlen(list);
		char entry[ADDRESS_MAX];
		unsigned char a[16], b[16];
		int family = strchr(address, ':') != NULL ? AF_INET6 : AF_INET;

		/* Compared as binary addresses: "::1" and "0:0::1" are one. */
		if (trimmed(list, n, entry) && inet_pton(family, entry, a) == 1 &&
		    inet_pton(family, address, b) == 1 &&
		    memcmp(a, b, family == AF_INET6 ? 16 : 4) == 0)
			return true;
		list += n + (end != NULL);
	}
	return false;
}

bool proxy_list_valid(const char *trusted, char *msg, size_t msgsz)
{
	const char *p = trusted;

	for (;;) {
		const char *end = strchr(p, ',');
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
		char entry[ADDRESS_MAX];

		if (!trimmed(p, n, entry) || !is_ip(entry)) {
			(void)snprintf(msg, msgsz,
				       "--trusted-proxy takes IP addresses separated by commas "
				       "(127.0.0.1,::1), not '%.*s'", (int)(n < 64 ? n : 64), p);
			return false;
		}
		if (end == NULL)
			return true;
		p = end + 1;
	}
}

const char *proxy_client_address(const char *peer, const char *forwarded, const char *trusted,
				 struct arena *a)
{
	const char *last;
	char client[ADDRESS_MAX];
	char *copy;

	if (peer == NULL || forwarded == NULL || trusted == NULL || !listed(trusted, peer))
		return peer;
	last = strrchr(forwarded, ',');
	last = last != NULL ? last + 1 : forwarded;
	if (!trimmed(last, strlen(last), client) || !is_ip(client))
		return peer;
	copy = arena_strdup(a, client);
	return copy != NULL ? copy : peer;
}
