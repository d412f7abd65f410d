/* libpq, loaded with dlopen when compgap first opens a PostgreSQL
 * database, not linked: loading libpq and what it needs (TLS, Kerberos,
 * LDAP) cost every process about 6 ms of CPU at start, a third of a small
 * command on SQLite (util/dynlib.h; docs/deployment.md, "Start-up").
 *
 * The PostgreSQL files include this instead of <libpq-fe.h>: it declares
 * the types as libpq's header does, and makes each PQ function used here
 * a call through the table that pq_api_load fills. A function that is
 * used must be in both lists below. */
#ifndef COMPGAP_PQ_API_H
#define COMPGAP_PQ_API_H

#include <libpq-fe.h>

#include "util/err.h"

/* X(return type, name, parameters) for every libpq function compgap calls. */
#define PQ_API_FUNCTIONS(X) \
	X(void, PQclear, (PGresult *res)) \
	X(ExecStatusType, PQresultStatus, (const PGresult *res)) \
	X(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num)) \
	X(int, PQgetlength, (const PGresult *res, int tup_num, int field_num)) \
	X(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num)) \
	X(int, PQntuples, (const PGresult *res)) \
	X(int, PQnfields, (const PGresult *res)) \
	X(char *, PQcmdTuples, (PGresult *res)) \
	X(char *, PQcmdStatus, (PGresult *res)) \
	X(char *, PQresultErrorField, (const PGresult *res, int fieldcode)) \
	X(void, PQfinish, (PGconn *conn)) \
	X(PGresult *, PQexec, (PGconn *conn, const char *query)) \
	X(PGresult *, PQexecParams, (PGconn *conn, const char *command, int nParams, \
				     const Oid *paramTypes, const char *const *paramValues, \
				     const int *paramLengths, const int *paramFormats, \
				     int resultFormat)) \
	X(PGresult *, PQprepare, (PGconn *conn, const char *stmtName, const char *query, \
				  int nParams, const Oid *paramTypes)) \
	X(PGresult *, PQexecPrepared, (PGconn *conn, const char *stmtName, int nParams, \
				       const char *const *paramValues, const int *paramLengths, \
				       const int *paramFormats, int resultFormat)) \
	X(PGresult *, PQgetResult, (PGconn *conn)) \
	X(int, PQputCopyData, (PGconn *conn, const char *buffer, int nbytes)) \
	X(int, PQputCopyEnd, (PGconn *conn, const char *errormsg)) \
	X(char *, PQerrorMessage, (const PGconn *conn)) \
	X(ConnStatusType, PQstatus, (const PGconn *conn)) \
	X(PGTransactionStatusType, PQtransactionStatus, (const PGconn *conn)) \
	X(int, PQserverVersion, (const PGconn *conn)) \
	X(const char *, PQparameterStatus, (const PGconn *conn, const char *paramName)) \
	X(char *, PQuser, (const PGconn *conn)) \
	X(char *, PQdb, (const PGconn *conn)) \
	X(char *, PQhost, (const PGconn *conn)) \
	X(char *, PQport, (const PGconn *conn)) \
	X(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *conn, PQnoticeProcessor proc, \
						    void *arg)) \
	X(char *, PQescapeIdentifier, (PGconn *conn, const char *str, size_t len)) \
	X(void, PQfreemem, (void *ptr)) \
	X(PGconn *, PQconnectdbParams, (const char *const *keywords, \
					const char *const *values, int expand_dbname)) \
	X(PQconninfoOption *, PQconndefaults, (void)) \
	X(PQconninfoOption *, PQconninfoParse, (const char *conninfo, char **errmsg)) \
	X(void, PQconninfoFree, (PQconninfoOption *connOptions))

#define PQ_API_MEMBER(ret, name, params) ret (*name) params;
struct pq_api {
	PQ_API_FUNCTIONS(PQ_API_MEMBER)
};
#undef PQ_API_MEMBER

extern struct pq_api pq_api;

/* Loads libpq (libpq.so.5, Debian's libpq5) and fills pq_api, once; later
 * calls return at once. Returns 0, or -1 with EX_UNAVAILABLE when the
 * library or one of its functions is missing. */
int pq_api_load(struct err *err);

#ifndef PQ_API_LOADER
#define PQclear (pq_api.PQclear)
#define PQresultStatus (pq_api.PQresultStatus)
#define PQgetvalue (pq_api.PQgetvalue)
#define PQgetlength (pq_api.PQgetlength)
#define PQgetisnull (pq_api.PQgetisnull)
#define PQntuples (pq_api.PQntuples)
#define PQnfields (pq_api.PQnfields)
#define PQcmdTuples (pq_api.PQcmdTuples)
#define PQcmdStatus (pq_api.PQcmdStatus)
#define PQresultErrorField (pq_api.PQresultErrorField)
#define PQfinish (pq_api.PQfinish)
#define PQexec (pq_api.PQexec)
#define PQexecParams (pq_api.PQexecParams)
#define PQprepare (pq_api.PQprepare)
#define PQexecPrepared (pq_api.PQexecPrepared)
#define PQgetResult (pq_api.PQgetResult)
#define PQputCopyData (pq_api.PQputCopyData)
#define PQputCopyEnd (pq_api.PQputCopyEnd)
#define PQerrorMessage (pq_api.PQerrorMessage)
#define PQstatus (pq_api.PQstatus)
#define PQtransactionStatus (pq_api.PQtransactionStatus)
#define PQserverVersion (pq_api.PQserverVersion)
#define PQparameterStatus (pq_api.PQparameterStatus)
#define PQuser (pq_api.PQuser)
#define PQdb (pq_api.PQdb)
#define PQhost (pq_api.PQhost)
#define PQport (pq_api.PQport)
#define PQsetNoticeProcessor (pq_api.PQsetNoticeProcessor)
#define PQescapeIdentifier (pq_api.PQescapeIdentifier)
#define PQfreemem (pq_api.PQfreemem)
#define PQconnectdbParams (pq_api.PQconnectdbParams)
#define PQconndefaults (pq_api.PQconndefaults)
#define PQconninfoParse (pq_api.PQconninfoParse)
#define PQconninfoFree (pq_api.PQconninfoFree)
#endif

#endif
