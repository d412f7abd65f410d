# compgap — see README.md. `make demo` builds and shows the demo
# organisation; `make test` runs every test.

CC      ?= cc
BUILD   ?= build
CFLAGS  ?= -O2
PQ_CFLAGS ?= -I/usr/include/postgresql
ALL_CFLAGS = $(CFLAGS) -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -Isrc $(PQ_CFLAGS)
# libpq, libmicrohttpd, libxlsxwriter and libcurl (the webhooks) are not
# linked but loaded with dlopen when first needed (src/util/dynlib.h); their
# -dev packages (tools/deps.sh) give the headers that check every call.
LDLIBS = -lsqlite3 -ljansson -lsodium -lm -ldl -lpthread
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SECONDS ?= 30

LIB_SRC  = $(filter-out src/cli/main.c,$(wildcard src/*/*.c))
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/assets_data.o
# The static files served at /assets/ (src/http/assets.h), compiled in.
ASSETS   = $(sort $(wildcard assets/*))
# The translations (src/i18n/catalogues.h), checked and compiled in.
CATALOGUES = $(sort $(wildcard po/*.po))
LIB_OBJ += $(BUILD)/gen/po_data.o
PO_SRC   = src/i18n/po.c src/i18n/po_plural.c src/util/arena.c src/util/array.c \
	   src/util/buf.c src/util/err.c src/util/utf8.c
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all demo test check check-build unit cli sanitize sanitize-build fuzz fuzz-build bench deps deps-test clean install uninstall e2e

all: deps $(BUILD)/compgap compgap

compgap: $(BUILD)/compgap
	cp $< $@

deps:
	@tools/deps.sh build

deps-test:
	@tools/deps.sh test

$(BUILD)/%.o: %.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# assets/ as C, in the build directory (never committed); the directory
# is a prerequisite too, so that removing a file rebuilds it.
$(BUILD)/gen/assets_data.c: tools/embed_assets.sh assets $(ASSETS)
	@mkdir -p $(dir $@)
	tools/embed_assets.sh $(ASSETS) > $@.tmp
	mv $@.tmp $@

$(BUILD)/gen/assets_data.o: $(BUILD)/gen/assets_data.c src/http/assets.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# po/*.po as C, after the reader of the server has accepted each of them
# (a malformed catalogue stops the build with its file and line).
$(BUILD)/po_check: tools/po_check.c $(PO_SRC) src/i18n/po.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ tools/po_check.c $(PO_SRC)

$(BUILD)/gen/po_data.c: tools/embed_assets.sh $(BUILD)/po_check po $(CATALOGUES)
	@mkdir -p $(dir $@)
	$(BUILD)/po_check $(CATALOGUES)
	tools/embed_assets.sh --po $(CATALOGUES) > $@.tmp
	mv $@.tmp $@

$(BUILD)/gen/po_data.o: $(BUILD)/gen/po_data.c src/i18n/catalogues.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/compgap: $(BUILD)/src/cli/main.o $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(LIB_OBJ) $(LDLIBS) -lpq -lcmocka

# The demo: a fresh database with the demo organisation and a user of
# every role, its summary, and the server on DEMO_PORT until Ctrl-C.
DEMO_PORT ?= 8080
demo: all
	rm -f demo.db demo.db-wal demo.db-shm
	./compgap demo --users --db demo.db
	./compgap gaps --team kcc-online --as-of 2026-10-31 --db demo.db
	./compgap report --team kcc --as-of 2026-10-31 -o demo-report.html --db demo.db
	@echo
	@echo "Open http://127.0.0.1:$(DEMO_PORT)/ and sign in as admin, hr, manager, coach or"
	@echo "employee, password lindeborg-demo. Ctrl-C stops the server."
	./compgap serve --listen 127.0.0.1:$(DEMO_PORT) --db demo.db

# Every test: unit and command-line tests on SQLite and PostgreSQL, the
# browser tests, all of them again under AddressSanitizer and
# UndefinedBehaviorSanitizer, then the fuzzers (tests/run.sh).
test: deps-test
	@tests/run.sh

# The server with a fake authenticator, for tests/cli/test_serve*.sh.
$(BUILD)/tests/fake_serve: tests/api/fake_serve.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

# What the suite of one build directory needs, and the suite
# (tests/run-suite.sh; TEST_JOBS=N test files at a time).
check-build: $(BUILD)/compgap $(UNIT_BIN) $(BUILD)/tests/fake_serve

check: check-build
	@tests/run-suite.sh $(BUILD)

# The browser tests alone (tests/e2e/run.sh; `make test` runs them too).
e2e: $(BUILD)/compgap
	@COMPGAP=$(BUILD)/compgap tests/e2e/run.sh

sanitize:
	$(MAKE) BUILD=build/san CFLAGS="-O1 -g $(SANFLAGS)" check

sanitize-build:
	$(MAKE) BUILD=build/san CFLAGS="-O1 -g $(SANFLAGS)" check-build

$(BUILD)/fuzz_csv: tests/fuzz/fuzz_csv.c src/io/csv.c src/util/array.c src/util/buf.c src/util/utf8.c
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -Isrc -fsanitize=fuzzer,address,undefined -o $@ $^

$(BUILD)/fuzz_history: tests/fuzz/fuzz_history.c src/core/history.c src/core/estimate.c src/core/settings.c src/util/buf.c
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -Isrc -fsanitize=fuzzer,address,undefined -o $@ $^ -lm

# The body parser, instrumented, linked with the rest of the program as
# built (it reaches the library's texts, and through them the store).
FUZZ_PARSE_SRC = src/io/entities_parse.c src/store/star_parts.c
$(BUILD)/fuzz_json_patch: tests/fuzz/fuzz_json_patch.c $(FUZZ_PARSE_SRC) \
		$(filter-out $(FUZZ_PARSE_SRC:%.c=$(BUILD)/%.o),$(LIB_OBJ))
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -Isrc $(PQ_CFLAGS) -D_POSIX_C_SOURCE=200809L \
		-fsanitize=fuzzer,address,undefined -o $@ $^ $(LDLIBS)

$(BUILD)/fuzz_router: tests/fuzz/fuzz_router.c src/http/router.c src/util/arena.c src/util/utf8.c
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -Isrc -fsanitize=fuzzer,address,undefined -o $@ $^

$(BUILD)/fuzz_po: tests/fuzz/fuzz_po.c $(PO_SRC)
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -Isrc -D_POSIX_C_SOURCE=200809L -fsanitize=fuzzer,address,undefined -o $@ $^

$(BUILD)/fuzz_multipart: tests/fuzz/fuzz_multipart.c src/http/multipart.c src/util/arena.c src/util/buf.c src/util/utf8.c
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -Isrc -fsanitize=fuzzer,address,undefined -o $@ $^

$(BUILD)/fuzz_form: tests/fuzz/fuzz_form.c src/http/form.c src/util/arena.c src/util/buf.c src/util/utf8.c
	@mkdir -p $(dir $@)
	clang -std=c11 -g -O1 -Isrc -fsanitize=fuzzer,address,undefined -o $@ $^

# Each fuzzer for FUZZ_SECONDS, its corpus in the build directory (kept
# from run to run) and the seeds of tests/fuzz/; `make -j2 fuzz` runs two
# at a time (tests/run.sh does, with -Otarget to keep each one's output
# together).
FUZZERS = csv history json_patch router po form multipart
fuzz-args-csv        = -max_len=4096 $(BUILD)/fuzz-corpus tests/fuzz/corpus
fuzz-args-history    = -max_len=4096 $(BUILD)/fuzz-history-corpus
fuzz-args-json_patch = -max_len=4096 $(BUILD)/fuzz-json-corpus tests/fuzz/corpus-json
fuzz-args-router     = -max_len=1024 $(BUILD)/fuzz-router-corpus tests/fuzz/router-corpus
fuzz-args-po         = -max_len=4096 $(BUILD)/fuzz-po-corpus tests/fuzz/po-corpus
fuzz-args-form       = -max_len=1024 $(BUILD)/fuzz-form-corpus
fuzz-args-multipart  = -max_len=2048 $(BUILD)/fuzz-multipart-corpus

fuzz-build: deps-test $(FUZZERS:%=$(BUILD)/fuzz_%)

fuzz: $(FUZZERS:%=fuzz-run-%)

.PHONY: $(FUZZERS:%=fuzz-run-%)
$(FUZZERS:%=fuzz-run-%): fuzz-run-%: fuzz-build
	@mkdir -p $(word 2,$(fuzz-args-$*))
	$(BUILD)/fuzz_$* -max_total_time=$(FUZZ_SECONDS) $(if $(FUZZ_ARTIFACTS),-artifact_prefix=$(FUZZ_ARTIFACTS)$*-) $(fuzz-args-$*)

bench: all
	bench/import_evidence.sh

# Installs the program and its manual page: `make install` (as root) puts
# them under /usr/local; PREFIX=DIR elsewhere, DESTDIR=DIR for packaging.
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man

install: $(BUILD)/compgap
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/compgap $(DESTDIR)$(BINDIR)/compgap
	install -m 644 docs/compgap.1 $(DESTDIR)$(MANDIR)/man1/compgap.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/compgap $(DESTDIR)$(MANDIR)/man1/compgap.1

clean:
	rm -rf build compgap
