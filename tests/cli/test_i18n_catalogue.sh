#!/bin/sh
# The translation catalogues against the source (docs/i18n.md): every text
# marked in src/ (tr, trn, trc, N_, and common_texts.c's NC_ and NP_) has a
# translation that is neither empty nor fuzzy in each po/*.po; no entry of
# a .po is unused (an obsolete "#~" entry, which msgmerge keeps for the
# translator's memory, is reported and allowed); msgfmt --check
# --check-format accepts each file. The check is first shown to find each
# fault in a small catalogue made here, then run on the real ones.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$HERE/../.." && pwd)

if ! command -v xgettext > /dev/null || ! command -v msgcmp > /dev/null; then
	not_ok "gettext is installed" "tools/deps.sh test installs Debian's gettext"
	done_testing
	exit 0
fi

# quote FILE LINE: the msgctxt and msgid lines of the entry that holds
# line LINE (entries are separated by blank lines), so that a message
# names its text.
quote() {
	awk -v want="$2" '
		/^[ \t]*$/ { if (NR > want) exit; entry = ""; next }
		/^(#, fuzzy|msgctxt |msgid )/ { entry = entry (entry == "" ? "" : " ") $0 }
		NR >= want && /^msgstr/ { exit }
		END { print entry }' "$1"
}

# catalogue_check SRCDIR PODIR: writes the faults to $WORK/faults and the
# obsolete entries to $WORK/obsolete; fails when there is a fault.
catalogue_check() {
	: > "$WORK/faults"
	: > "$WORK/obsolete"
	"$ROOT/tools/po-update.sh" --pot "$WORK/check.pot" "$1" 2> "$WORK/xgettext.err" ||
		echo "xgettext failed: $(cat "$WORK/xgettext.err")" >> "$WORK/faults"
	for po in "$2"/*.po; do
		name=${po##*/}
		# Marked but missing, untranslated or fuzzy in the catalogue.
		msgcmp "$po" "$WORK/check.pot" 2>&1 | grep -v ': warning: \|found [0-9]* fatal' |
			while IFS=: read -r file line message; do
				message=$(printf '%s' "${message# }" | sed "s|$po|$name|")
				echo "$name: $message: $(quote "$file" "$line")"
			done >> "$WORK/faults"
		# In the catalogue but marked nowhere.
		msgcmp --use-untranslated "$WORK/check.pot" "$po" 2>&1 |
			grep -v ': warning: \|found [0-9]* fatal' |
			while IFS=: read -r file line message; do
				echo "$name: not marked in the source (unused): $(quote "$file" "$line")"
			done >> "$WORK/faults"
		msgfmt --check --check-format -o /dev/null "$po" 2>&1 | sed "s|^|$name: msgfmt: |" \
			>> "$WORK/faults"
		msgattrib --only-obsolete "$po" | grep '^#~ msgid' | sed "s|^|$name: obsolete: |" \
			>> "$WORK/obsolete"
	done
	[ ! -s "$WORK/faults" ]
}

# expect_fault NAME TEXT: the last check reported a fault containing TEXT.
expect_fault() {
	if grep -qF -- "$2" "$WORK/faults"; then ok "$1"; else
		not_ok "$1" "no fault: $2" "faults: $(cat "$WORK/faults")"
	fi
}

# A small source and catalogue with one fault of each kind.
mkdir -p fixture/src fixture/po
cat > fixture/src/page.c << 'EOF'
void page(int l, unsigned long n)
{
	tr(l, "Hello");
	trn(l, "%lu cat", "%lu cats", n);
	trc(l, "door", "Open");
	tr(l, "Fuzzy one");
	tr(l, "Empty one");
	tr(l, "Missing one");
}
EOF
cat > fixture/po/nl.po << 'EOF'
msgid ""
msgstr ""
"Project-Id-Version: fixture\n"
"PO-Revision-Date: 2026-12-01 12:00+0100\n"
"Last-Translator: T <t@example.org>\n"
"Language-Team: Dutch <t@example.org>\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Language: nl\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Hello"
msgstr "Hallo"

#, c-format
msgid "%lu cat"
msgid_plural "%lu cats"
msgstr[0] "%lu kat"
msgstr[1] "%s katten"

msgctxt "door"
msgid "Open"
msgstr "Open"

#, fuzzy
msgid "Fuzzy one"
msgstr "Vaag"

msgid "Empty one"
msgstr ""

msgid "Unused one"
msgstr "Ongebruikt"

msgctxt "window"
msgid "Open"
msgstr "Open"

#~ msgid "Old one"
#~ msgstr "Oud"
EOF
if catalogue_check "$WORK/fixture/src" "$WORK/fixture/po"; then
	not_ok "the check fails on the faulty catalogue" "faults: none"
else
	ok "the check fails on the faulty catalogue"
fi
expect_fault "a fuzzy entry is a fault" 'needs to be reviewed by the translator: #, fuzzy msgid "Fuzzy one"'
expect_fault "an empty translation is a fault" 'untranslated: msgid "Empty one"'
expect_fault "a marked text without an entry is a fault" 'used but not defined in nl.po: msgid "Missing one"'
expect_fault "an unused entry is a fault" 'unused): msgid "Unused one"'
expect_fault "an unused entry in a context is a fault" 'unused): msgctxt "window" msgid "Open"'
expect_fault "msgfmt's format check is run" "nl.po: msgfmt:"
if grep -q 'msgid "Hello"\|"door"' "$WORK/faults"; then
	not_ok "a good entry is no fault" "$(cat "$WORK/faults")"
else
	ok "a good entry is no fault"
fi
if grep -qF 'nl.po: obsolete: #~ msgid "Old one"' "$WORK/obsolete"; then
	ok "an obsolete entry is reported"
else
	not_ok "an obsolete entry is reported" "$(cat "$WORK/obsolete")"
fi

# The same catalogue put right passes.
sed -n '1,12p' fixture/po/nl.po > fixture/nl.tmp
cat >> fixture/nl.tmp << 'EOF'
msgid "Hello"
msgstr "Hallo"

#, c-format
msgid "%lu cat"
msgid_plural "%lu cats"
msgstr[0] "%lu kat"
msgstr[1] "%lu katten"

msgctxt "door"
msgid "Open"
msgstr "Open"

msgid "Fuzzy one"
msgstr "Vaag"

msgid "Empty one"
msgstr "Leeg"

msgid "Missing one"
msgstr "Ontbrak"
EOF
mv fixture/nl.tmp fixture/po/nl.po
if catalogue_check "$WORK/fixture/src" "$WORK/fixture/po"; then
	ok "the check passes once the faults are put right"
else
	not_ok "the check passes once the faults are put right" "$(cat "$WORK/faults")"
fi

# The build refuses a malformed catalogue with its file and line
# (tools/po_check.c, the server's own reader).
po_check=$(dirname "${COMPGAP_REAL:-$COMPGAP}")/po_check
sed -n '1,12p' fixture/po/nl.po > fixture/bad.po
printf 'msgid "Hello"\nmsgstr "Hallo\n' >> fixture/bad.po
"$po_check" fixture/po/nl.po fixture/bad.po > "$WORK/out" 2> "$WORK/err"
STATUS=$?
expect_status "po_check refuses a malformed catalogue" 65
expect_err "po_check names the file and line" "po_check: fixture/bad.po:14: a string without its closing double quote"
"$po_check" fixture/po/nl.po > "$WORK/out" 2> "$WORK/err"
STATUS=$?
expect_status "po_check accepts a good one" 0

# The real catalogues.
count=$(ls "$ROOT"/po/*.po | wc -l)
if [ "$count" -ge 2 ]; then ok "po/ holds the catalogues ($count)"; else
	not_ok "po/ holds the catalogues" "found $count"
fi
if catalogue_check "$ROOT/src" "$ROOT/po"; then
	ok "every marked text is translated in every catalogue, and every entry is used"
else
	not_ok "every marked text is translated in every catalogue, and every entry is used" \
		"$(head -n 40 "$WORK/faults")" \
		"(tools/po-update.sh brings the catalogues up to date; docs/i18n.md)"
fi
while read -r line; do
	echo "# warning: $line"
done < "$WORK/obsolete"
done_testing
