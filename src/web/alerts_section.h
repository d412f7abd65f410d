/* The dashboard's list of alerts and praise (docs/web.md, "The
 * dashboard"; views/alerts.h). */
#ifndef COMPGAP_WEB_ALERTS_SECTION_H
#define COMPGAP_WEB_ALERTS_SECTION_H

#include <stddef.h>

#include "views/alerts.h"
#include "web/page.h"

/* Writes the alerts of l (the first max of them, and how many more) as
 * one list of what needs attention: the agent (a link to their page),
 * auto-failed with the critical areas or praise with the score, the
 * evaluation and its date. */
void web_alerts_list(struct page *p, const struct alert_list *l, size_t max);

/* For a caller who sees no team (an employee): their own alerts and
 * praise of the last 30 days, in a read transaction of st of its own, as
 * a section; nothing when there are none or the caller is linked to no
 * person. A store that fails leaves the section out. */
void web_alerts_own(struct page *p, struct store *st);

#endif
