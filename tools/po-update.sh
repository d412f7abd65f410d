#!/bin/sh
# For translators: extracts every text marked in src/ (tr, trn, trc, N_,
# and common_texts.c's NC_ and NP_) into the template po/compgap.pot and
# merges it into each po/*.po with msgmerge: a new text arrives
# untranslated, a changed one as "fuzzy" (shown in English until a
# translator checks it and removes the flag), a removed one as obsolete
# (#~). Then edit the .po files and run make. Needs Debian's gettext.
#   tools/po-update.sh                     update po/compgap.pot and po/*.po
#   tools/po-update.sh --pot FILE [SRC]    only write the template of the
#                                          sources under SRC (default src)
#                                          to FILE (for the catalogue test)
set -eu
cd "$(dirname "$0")/.."

# extract OUT SRCDIR: the template of the texts marked under SRCDIR.
extract() {
	find "$2" -name '*.c' -o -name '*.h' | LC_ALL=C sort > "$1.files"
	xgettext --from-code=UTF-8 --language=C -k \
		--keyword=tr:2 --keyword=trn:2,3 --keyword=trc:2c,3 \
		--keyword=N_ --keyword=NC_:1c,2 --keyword=NP_:1,2 \
		--add-comments=TRANSLATORS: --package-name=compgap \
		--msgid-bugs-address='the compgap issue tracker (docs/i18n.md)' \
		--files-from="$1.files" -o "$1"
	rm -f "$1.files"
	# xgettext writes nothing when no text is marked.
	[ -f "$1" ] || printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' > "$1"
}

if [ "${1:-}" = --pot ]; then
	[ $# -ge 2 ] || { echo "usage: tools/po-update.sh --pot FILE [SRCDIR]" >&2; exit 64; }
	extract "$2" "${3:-src}"
	exit 0
fi

extract po/compgap.pot src
for po in po/*.po; do
	msgmerge --quiet --update --backup=none "$po" po/compgap.pot
	msgfmt --statistics --check -o /dev/null "$po" 2>&1 | sed "s|^|$po: |"
done
