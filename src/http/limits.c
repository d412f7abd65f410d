#include "http/limits.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#define LIMIT(field) offsetof(struct server_limits, field)

const struct limit_info limits_info[] = {
	{ "--json-body-max", LIMIT(json_body_max), 1048576, 1024, 1073741824ULL,
	  "bytes of a JSON request body (413 beyond)" },
	{ "--csv-body-max", LIMIT(csv_body_max), 67108864, 1024, 17179869184ULL,
	  "bytes of a CSV upload (413 beyond)" },
	{ "--header-max", LIMIT(header_max), 32768, 4096, 1048576,
	  "bytes of the request line and headers of one request" },
	{ "--per-address", LIMIT(per_address), 32, 1, 100000,
	  "connections at once from one client address" },
	{ "--max-connections", LIMIT(connections_max), 1024, 1, 100000,
	  "connections at once in all" },
	{ "--timeout", LIMIT(timeout), 30, 1, 3600,
	  "seconds a connection may stay idle before it is closed (slow clients)" },
	{ "--threads", LIMIT(threads), 0, 0, 1024,
	  "worker threads, each with its own database connection (0: one per core)" },
	{ "--drain-timeout", LIMIT(drain_timeout), 30, 0, 3600,
	  "seconds a shutdown waits for the requests in flight" },
	{ "--audit-flush-ms", LIMIT(audit_flush_ms), 100, 0, 10000,
	  "milliseconds between writes of the audit entries of reads (0: each before its answer)" },
};

const size_t limits_count = sizeof limits_info / sizeof limits_info[0];

static unsigned long long *field(struct server_limits *l, const struct limit_info *info)
{
	return (unsigned long long *)((char *)l + info->offset);
}

void limits_default(struct server_limits *l)
{
	for (size_t i = 0; i < limits_count; i++)
		*field(l, &limits_info[i]) = limits_info[i].def;
}

int limits_set(struct server_limits *l, const struct limit_info *info, const char *text,
	       char *msg, size_t msgsz)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(text, &end, 10);
	if (text[0] < '0' || text[0] > '9' || *end != '\0' || errno != 0 || v < info->min ||
	    v > info->max) {
		(void)snprintf(msg, msgsz, "%s takes a whole number from %llu to %llu, not '%s'",
			       info->option, info->min, info->max, text);
		return -1;
	}
	*field(l, info) = v;
	return 0;
}
