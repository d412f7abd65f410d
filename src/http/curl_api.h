/* libcurl, loaded with dlopen when a webhook is first delivered, not
 * linked: it pulls in OpenSSL, nghttp2, LDAP and more, which would cost
 * every command at start what only the webhooks' sender needs
 * (util/dynlib.h). Its header comes from Debian's libcurl4-openssl-dev,
 * the library from libcurl4.
 *
 * The sender (http/webhooks.c) includes this instead of <curl/curl.h>. A
 * function that is used must be in both lists below. */
#ifndef COMPGAP_CURL_API_H
#define COMPGAP_CURL_API_H

/* curl's checks of curl_easy_setopt's arguments are macros of the same
 * name, which the table's macros below replace. */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#undef curl_easy_setopt
#undef curl_easy_getinfo

#include "util/err.h"

/* X(return type, name, parameters) for every libcurl function compgap
 * calls. */
#define CURL_API_FUNCTIONS(X) \
	X(CURLcode, curl_global_init, (long flags)) \
	X(CURL *, curl_easy_init, (void)) \
	X(CURLcode, curl_easy_setopt, (CURL *curl, CURLoption option, ...)) \
	X(CURLcode, curl_easy_perform, (CURL *curl)) \
	X(CURLcode, curl_easy_getinfo, (CURL *curl, CURLINFO info, ...)) \
	X(void, curl_easy_cleanup, (CURL *curl)) \
	X(const char *, curl_easy_strerror, (CURLcode code)) \
	X(struct curl_slist *, curl_slist_append, (struct curl_slist *list, const char *data)) \
	X(void, curl_slist_free_all, (struct curl_slist *list))

#define CURL_API_MEMBER(ret, name, params) ret (*name) params;
struct curl_api {
	CURL_API_FUNCTIONS(CURL_API_MEMBER)
};
#undef CURL_API_MEMBER

extern struct curl_api curl_api;

/* Loads libcurl (libcurl.so.4, Debian's libcurl4), fills curl_api and
 * initialises the library, once; later calls return at once. 0, or -1
 * with EX_UNAVAILABLE when the library or one of its functions is
 * missing. */
int curl_api_load(struct err *err);

#ifndef CURL_API_LOADER
#define curl_global_init (curl_api.curl_global_init)
#define curl_easy_init (curl_api.curl_easy_init)
#define curl_easy_setopt (curl_api.curl_easy_setopt)
#define curl_easy_perform (curl_api.curl_easy_perform)
#define curl_easy_getinfo (curl_api.curl_easy_getinfo)
#define curl_easy_cleanup (curl_api.curl_easy_cleanup)
#define curl_easy_strerror (curl_api.curl_easy_strerror)
#define curl_slist_append (curl_api.curl_slist_append)
#define curl_slist_free_all (curl_api.curl_slist_free_all)
#endif

#endif
