/* libmicrohttpd, loaded with dlopen when `compgap serve` starts, not
 * linked: it pulls in GnuTLS and its helpers, which cost every other
 * command about 3 ms of CPU at start (util/dynlib.h).
 *
 * The server's files include this instead of <microhttpd.h>: it declares
 * the types as the library's header does, and makes each MHD function used
 * here a call through the table that mhd_api_load fills. A function that
 * is used must be in both lists below. */
#ifndef COMPGAP_MHD_API_H
#define COMPGAP_MHD_API_H

#include <microhttpd.h>

#include "util/err.h"

/* X(return type, name, parameters) for every libmicrohttpd function
 * compgap calls. */
#define MHD_API_FUNCTIONS(X) \
	X(struct MHD_Daemon *, MHD_start_daemon, (unsigned int flags, uint16_t port, \
						  MHD_AcceptPolicyCallback apc, void *apc_cls, \
						  MHD_AccessHandlerCallback dh, void *dh_cls, \
						  ...)) \
	X(MHD_socket, MHD_quiesce_daemon, (struct MHD_Daemon *daemon)) \
	X(void, MHD_stop_daemon, (struct MHD_Daemon *daemon)) \
	X(const char *, MHD_lookup_connection_value, (struct MHD_Connection *connection, \
						      enum MHD_ValueKind kind, const char *key)) \
	X(enum MHD_Result, MHD_queue_response, (struct MHD_Connection *connection, \
						unsigned int status_code, \
						struct MHD_Response *response)) \
	X(struct MHD_Response *, MHD_create_response_from_buffer, (size_t size, void *buffer, \
								   enum MHD_ResponseMemoryMode mode)) \
	X(struct MHD_Response *, MHD_create_response_from_fd64, (uint64_t size, int fd)) \
	X(void, MHD_destroy_response, (struct MHD_Response *response)) \
	X(enum MHD_Result, MHD_add_response_header, (struct MHD_Response *response, \
						     const char *header, const char *content)) \
	X(const union MHD_ConnectionInfo *, MHD_get_connection_info, \
	  (struct MHD_Connection *connection, enum MHD_ConnectionInfoType info_type, ...)) \
	X(enum MHD_Result, MHD_is_feature_supported, (enum MHD_FEATURE feature))

#define MHD_API_MEMBER(ret, name, params) ret (*name) params;
struct mhd_api {
	MHD_API_FUNCTIONS(MHD_API_MEMBER)
};
#undef MHD_API_MEMBER

extern struct mhd_api mhd_api;

/* Loads libmicrohttpd (libmicrohttpd.so.12, Debian's libmicrohttpd12)
 * and fills mhd_api, once; later calls return at once. Returns 0, or -1
 * with EX_UNAVAILABLE when the library or one of its functions is
 * missing. */
int mhd_api_load(struct err *err);

#ifndef MHD_API_LOADER
#define MHD_start_daemon (mhd_api.MHD_start_daemon)
#define MHD_quiesce_daemon (mhd_api.MHD_quiesce_daemon)
#define MHD_stop_daemon (mhd_api.MHD_stop_daemon)
#define MHD_lookup_connection_value (mhd_api.MHD_lookup_connection_value)
#define MHD_queue_response (mhd_api.MHD_queue_response)
#define MHD_create_response_from_buffer (mhd_api.MHD_create_response_from_buffer)
#define MHD_create_response_from_fd64 (mhd_api.MHD_create_response_from_fd64)
#define MHD_destroy_response (mhd_api.MHD_destroy_response)
#define MHD_add_response_header (mhd_api.MHD_add_response_header)
#define MHD_get_connection_info (mhd_api.MHD_get_connection_info)
#define MHD_is_feature_supported (mhd_api.MHD_is_feature_supported)
#endif

#endif
