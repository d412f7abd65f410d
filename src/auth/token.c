/* Random tokens (sessions, CSRF, API) and their hashes. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "auth/auth_int.h"

enum {
	B64_LEN = 43     /* unpadded base64url of 32 bytes */
};

_Static_assert(sizeof AUTH_API_TOKEN_PREFIX - 1 + B64_LEN < AUTH_TOKEN_MAX, "room for a token");

int auth_token_new(const char *prefix, char out[AUTH_TOKEN_MAX])
{
	unsigned char raw[AUTH_TOKEN_BYTES];
	char b64[B64_LEN + 2];
	size_t plen = strlen(prefix);

	if (auth_sodium_ready() < 0 || plen + B64_LEN >= AUTH_TOKEN_MAX)
		return -1;
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(b64, sizeof b64, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
	memcpy(out, prefix, plen);
	memcpy(out + plen, b64, B64_LEN + 1);
	sodium_memzero(b64, sizeof b64);
	return 0;
}

int auth_token_well_formed(const char *token, const char *prefix)
{
	size_t plen = strlen(prefix);

	if (token == NULL || strncmp(token, prefix, plen) != 0 || strlen(token) != plen + B64_LEN)
		return 0;
	for (const char *p = token + plen; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return 0;
	return 1;
}

void auth_token_hash(const char *token, char out[AUTH_TOKEN_HASH_HEX])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	(void)auth_sodium_ready();
	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, AUTH_TOKEN_HASH_HEX, h, sizeof h);
}

int auth_equal(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (n != strlen(b))
		return 0;
	return n == 0 || sodium_memcmp(a, b, n) == 0;
}

void auth_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}
