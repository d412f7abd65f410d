/* The client's address behind a reverse proxy. Behind nginx or HAProxy
 * every request comes from the proxy's address, which would make the
 * login throttle (per address) slow every user down for one attacker's
 * guesses, and the audit log name the proxy instead of the client. When
 * the peer is a proxy the server was told to trust (serve --trusted-proxy),
 * the client is the last address of X-Forwarded-For: the one that proxy
 * appended. Earlier entries came from the client and prove nothing. */
#ifndef COMPGAP_HTTP_PROXY_H
#define COMPGAP_HTTP_PROXY_H

#include <stdbool.h>

#include "util/arena.h"

/* Whether trusted (a comma-separated list of IPv4 and IPv6 addresses) is
 * well formed; when not, names the bad entry in msg. */
bool proxy_list_valid(const char *trusted, char *msg, size_t msgsz);

/* The client's address: peer itself unless peer is in trusted and
 * forwarded (the X-Forwarded-For header) ends in a valid IP address, which
 * is then copied into a. Never NULL when peer is not. */
const char *proxy_client_address(const char *peer, const char *forwarded, const char *trusted,
				 struct arena *a);

#endif
