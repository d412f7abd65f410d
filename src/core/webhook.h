/* Alerts at once and their webhooks (issue 13, item 5;
 * docs/methodology.md, "Alerts", docs/security.md, "Webhooks"): the
 * backoff schedule of a delivery, the URLs an endpoint may have, and how
 * a URL is shown without what it may hide (a chat channel's incoming
 * webhook carries its secret in the path).
 *
 * Pure functions: no I/O, no allocation. */
#ifndef COMPGAP_WEBHOOK_H
#define COMPGAP_WEBHOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	WEBHOOK_FIRST_DELAY = 30,       /* seconds after the first failed attempt */
	WEBHOOK_MAX_DELAY = 3600,       /* the delay doubles up to this */
	WEBHOOK_ATTEMPTS_MAX = 10,      /* attempts before a delivery has failed */
	WEBHOOK_URL_MAX = 2000,         /* bytes of an endpoint's URL */
	WEBHOOK_TIMEOUT = 10,           /* seconds one attempt may take in all */
	WEBHOOK_CONNECT_TIMEOUT = 5     /* ... of which to connect */
};

/* The seconds to wait after the attempts-th failed attempt (attempts >=
 * 1) before the next: 30, 60, 120, ... doubling, at most 3600. */
int64_t webhook_backoff(int attempts);

/* Whether a delivery that has failed attempts times is given up (status
 * failed): attempts >= WEBHOOK_ATTEMPTS_MAX. */
bool webhook_gives_up(int attempts);

/* Checks that url may be an endpoint: http:// or https:// (lower or upper
 * case), a host, at most WEBHOOK_URL_MAX bytes, no spaces or control
 * characters, no user name or password before the host. NULL when it
 * may; else why not, a static English sentence. */
const char *webhook_url_refused(const char *url);

/* The URL as logs and lists show it: its scheme and host (with the port)
 * followed by "/…" when a path or query follows, which is left out, as a
 * chat's webhook keeps its secret there. Always NUL-terminated in
 * out[outsz] (outsz >= 1), cut when too long. */
void webhook_url_shown(const char *url, char *out, size_t outsz);

#endif
