/* The webhooks' backoff and URLs (core/webhook.h). */
#include "core/webhook.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int64_t webhook_backoff(int attempts)
{
	int64_t d = WEBHOOK_FIRST_DELAY;

	for (int i = 1; i < attempts && d < WEBHOOK_MAX_DELAY; i++)
		d *= 2;
	return d < WEBHOOK_MAX_DELAY ? d : WEBHOOK_MAX_DELAY;
}

bool webhook_gives_up(int attempts)
{
	return attempts >= WEBHOOK_ATTEMPTS_MAX;
}

/* The length of the scheme and "://" of url, 0 when it is neither http
 * nor https. */
static size_t scheme_len(const char *url)
{
	if (strncasecmp(url, "http://", 7) == 0)
		return 7;
	if (strncasecmp(url, "https://", 8) == 0)
		return 8;
	return 0;
}

const char *webhook_url_refused(const char *url)
{
	size_t s, host;

	if (url == NULL || url[0] == '\0')
		return "give the endpoint's URL";
	if (strlen(url) > WEBHOOK_URL_MAX)
		return "a URL has at most 2000 characters";
	for (const unsigned char *p = (const unsigned char *)url; *p != '\0'; p++)
		if (*p <= ' ' || *p == 0x7f)
			return "a URL has no spaces or control characters";
	s = scheme_len(url);
	if (s == 0)
		return "only http:// and https:// URLs are allowed";
	host = strcspn(url + s, "/?#");
	if (host == 0)
		return "the URL names no host";
	if (memchr(url + s, '@', host) != NULL)
		return "a URL with a user name or password is not allowed";
	if (url[s] == ':')
		return "the URL names no host";
	return NULL;
}

void webhook_url_shown(const char *url, char *out, size_t outsz)
{
	size_t s = scheme_len(url), host = strcspn(url + s, "/?#");
	bool rest = url[s + host] != '\0' && strcmp(url + s + host, "/") != 0;
	int n;

	if (host > 255)
		host = 255;
	n = snprintf(out, outsz, "%.*s%s", (int)(s + host), url, rest ? "/\u2026" : "");
	(void)n;    /* cut when too long: still NUL-terminated */
}
