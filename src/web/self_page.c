/* placeholder, replaced below */
#include "web/page.h"
#include "web/pages.h"
int handle_self_page(struct http_ctx *cx) { return page_error(cx, 404, NULL); }
int handle_self_post(struct http_ctx *cx) { return page_error(cx, 404, NULL); }
