/* The words every page needs (the navigation, the names of the method's
 * figures, the buttons), marked for translation in one list so that the
 * catalogues hold them before the pages that use them are written, and
 * so that the catalogue check (tests/cli/test_i18n_catalogue.sh), which
 * refuses an entry that no source file marks, keeps them. A page uses
 * them as any other text: tr(l, "Dashboard"), trn(l, "%lu person",
 * "%lu people", n). */
#ifndef COMPGAP_I18N_COMMON_TEXTS_H
#define COMPGAP_I18N_COMMON_TEXTS_H

#include <stddef.h>

/* One marked text: msgid with its context (NULL for none) and, for a
 * text with a count, its English plural (NULL for none). */
struct common_text {
	const char *context;
	const char *msgid;
	const char *plural;
};

extern const struct common_text i18n_common_texts[];
extern const size_t i18n_common_texts_count;

#endif
