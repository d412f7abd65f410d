/* stub */
#include "web/pages.h"
#include "web/page.h"

int handle_coaching_page(struct http_ctx *cx) { return page_error(cx, 404, NULL); }
int handle_coaching_new_page(struct http_ctx *cx) { return page_error(cx, 404, NULL); }
int handle_coaching_post(struct http_ctx *cx) { return page_error(cx, 404, NULL); }
