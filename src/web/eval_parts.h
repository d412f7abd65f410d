/* What the pages of evaluations share (web/eval_page.c, eval_form.c,
 * quality_page.c; docs/web.md, "Quality evaluations"): labels of kinds
 * and channels in the reader's language, numbers and dates in the
 * reader's conventions, and people's names. */
#ifndef COMPGAP_WEB_EVAL_PARTS_H
#define COMPGAP_WEB_EVAL_PARTS_H

#include <stdint.h>

#include "core/quality.h"
#include "store/store.h"
#include "web/page.h"

/* The kind ("manager", "self" ...) and the channel ("phone" ...) as the
 * reader says them. */
const char *eval_kind_label(enum lang l, const char *kind);
const char *eval_channel_label(enum lang l, const char *channel);

/* v with decimals in the reader's conventions; "–" for NaN. The text
 * lives in p's request arena. */
const char *eval_num(struct page *p, double v, int decimals);

/* v as a percentage, "91.7 %", or "–". */
const char *eval_pct(struct page *p, double v);

/* A difference in percentage points with its sign: "+25 pp", "−50 pp", "0 pp". */
const char *eval_points(struct page *p, double v);

/* The date days in the short form ("20 Nov 2026"). */
const char *eval_date(struct page *p, int32_t days);

/* The name of person key ("" for NULL), or key when there is none. */
const char *eval_person_name(struct page *p, struct store *st, const char *key);

#endif
