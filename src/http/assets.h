/* The static assets compiled into the binary: the files of assets/,
 * turned into C at build time by tools/embed_assets.sh (the generated
 * file lives in the build directory and is never committed), and served
 * by GET /assets/{name} to anyone, signed in or not. docs/api.md
 * "Static assets" describes the answers. */
#ifndef COMPGAP_HTTP_ASSETS_H
#define COMPGAP_HTTP_ASSETS_H

#include <stdbool.h>
#include <stddef.h>

/* One file of assets/. */
struct asset {
	const char *name;                /* "app.css": the file's name, the last
					  * segment of its path */
	const char *content_type;        /* from its extension */
	const char *etag;                /* "\"<16 hex digits of its SHA-256>\"",
					  * quotes included, as the header has it */
	const unsigned char *data;       /* its bytes (followed by a NUL) */
	size_t size;                     /* bytes of data, the NUL not counted */
};

/* The generated table (tools/embed_assets.sh), in the order of the
 * file names. */
extern const struct asset assets[];
extern const size_t assets_count;

/* The asset called name, or NULL: the name is compared whole, so that no
 * path (no "..", no "/") can reach anything but a built-in file. */
const struct asset *asset_find(const char *name);

/* Whether the If-None-Match header value matches etag (RFC 9110 13.1.2:
 * "*", or a comma-separated list of tags compared weakly, "W/" ignored).
 * NULL or malformed: false. */
bool asset_etag_matches(const char *if_none_match, const char *etag);

#endif
