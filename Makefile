# httptutor — build, run, test, install.  `make V=1` shows commands.
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/httptutor
MANDIR  ?= $(PREFIX)/share/man/man1

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion \
           -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral -Wundef
PKGS    := ncursesw sqlite3 md4c yaml-0.1 jansson
# Debian packages: RUN_DEBS build and run the program (`make deps`, called by
# `make`/`make run` when one is missing); TEST_DEBS are what the tests drive it
# with (`make deps-check`, called by `make check`).  Each has a reason in the README.
RUN_DEBS  := gcc libc6-dev pkg-config libncurses-dev libsqlite3-dev libmd4c-dev libyaml-dev libjansson-dev libxxhash-dev \
             libmicrohttpd-dev libcurl4-gnutls-dev libsodium-dev
TEST_DEBS := libcmocka-dev tmux python3 python3-yaml sqlite3 python3-pyte chromium curl openssl procps
# The Debian packages of $(1) that are not installed ("dpkg -s" also
# succeeds for a package removed with its configuration files left).
MISSING_DEBS = for p in $(1); do \
                 [ "$$(dpkg-query -W -f='$${db:Status-Status}' $$p 2>/dev/null)" = installed ] || echo $$p; done

Q := $(if $(V),,@)
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.3.0)

# Missing packages are installed before anything else is built (Debian; on
# other systems the libraries must already be there for pkg-config).
HAVE_DEPS := $(shell if command -v dpkg >/dev/null 2>&1; then \
               [ -z "$$($(call MISSING_DEBS,$(RUN_DEBS)))" ] && echo yes; \
             else pkg-config --exists $(PKGS) 2>/dev/null && echo yes; fi)
HAVE_TEST_DEPS := $(shell if command -v dpkg >/dev/null 2>&1; then \
               [ -z "$$($(call MISSING_DEBS,$(TEST_DEBS)))" ] && echo yes; \
             else pkg-config --exists cmocka 2>/dev/null && echo yes; fi)

# The class server's libraries: headers at build time, opened with dlopen
# when first used (netlib.c; linked in, they slowed every start).
NET_PKGS := libmicrohttpd libcurl libsodium
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) $(NET_PKGS) 2>/dev/null)
# The libraries Debian also ships as archives are linked into the binary:
# loading five shared libraries took longer than drawing the home screen
# (make bench).  A library upgrade (apt) relinks on the next `make`, since
# the binary depends on the archives.  LINK=shared loads them at run time.
LINK ?= static
ARCHIVE_PKGS := ncursesw sqlite3 yaml-0.1 jansson
ARCHIVE_LIBS  = $(shell pkg-config --libs-only-l $(ARCHIVE_PKGS) 2>/dev/null)
ARCHIVES      = $(foreach l,$(patsubst -l%,%,$(ARCHIVE_LIBS)),$(firstword $(wildcard \
                  $(addsuffix /lib$(l).a,$(shell pkg-config --variable=libdir $(ARCHIVE_PKGS) 2>/dev/null)))))
ifeq ($(LINK),shared)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ARCHIVES   =
else
PKG_LIBS   = $(shell pkg-config --libs-only-L $(PKGS) 2>/dev/null) -Wl,-Bstatic $(ARCHIVE_LIBS) \
             -Wl,-Bdynamic $(shell pkg-config --libs md4c 2>/dev/null) -lm
endif
ALL_CFLAGS = $(WARN) -D_DEFAULT_SOURCE -D_XOPEN_SOURCE_EXTENDED \
             $(PKG_CFLAGS) -Isrc -Ibuild -DHTTPTUTOR_VERSION='"$(VERSION)"' \
             -DHTTPTUTOR_DATADIR='"$(DATADIR)"' $(CFLAGS)

B := build
SRCS := $(wildcard src/*.c)
OBJS := $(patsubst src/%.c,$(B)/%.o,$(SRCS)) $(B)/migrations.o
LIB_OBJS := $(filter-out $(B)/main.o,$(OBJS))

.PHONY: all run check unit screen cli asan install uninstall clean deps deps-check deps-auto deps-check-auto check-build mutate bench fuzz

all: $(if $(HAVE_DEPS),,deps-auto) httptutor

httptutor: $(OBJS) $(ARCHIVES)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(OBJS) $(PKG_LIBS) $(LDFLAGS)

$(B)/%.o: src/%.c $(wildcard src/*.h) | $(B)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -c -o $@ $<

# db/NNN_*.sql are embedded so the binary carries its own schema history.
$(B)/migrations.c: $(sort $(wildcard db/*.sql)) | $(B)
	@echo "  GEN     $@"
	$(Q){ echo '/* generated from the db folder by make; do not edit */'; \
	  echo '#include "db.h"'; \
	  echo 'const struct db_migration db_migrations[] = {'; \
	  for f in $(sort $(wildcard db/*.sql)); do \
	    printf '  { "%s",\n' "$$(basename $$f)"; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$$/\\n"/' $$f; \
	    echo '  },'; \
	  done; \
	  echo '};'; \
	  echo 'const int db_migration_count = (int)(sizeof db_migrations / sizeof db_migrations[0]);'; \
	} > $@

# A migration is one string; C99 only promises 4095 bytes, but every
# compiler that builds this takes far more.
$(B)/migrations.o: $(B)/migrations.c src/db.h
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(B):
	$(Q)mkdir -p $(B)

-include $(wildcard $(B)/*.d)

run: all
	./httptutor

# ---- tests ---------------------------------------------------------------
UNIT := text markdown content quiz store keyseq out contrast snapshot exam ascii i18n api derived qview
UNIT_BINS := $(patsubst %,$(B)/test_%,$(UNIT))

# Each unit test links only the modules it tests, so one module can be built
# and tested while another is being written.
# The content loader's modules (content.c and the steps it calls).
CONTENT    := content diag loader yamlread codesload scenload chapload contrastload packcheck packhash packhash_avx2 model glossload termcheck
T_text     := text
T_markdown := markdown text
T_content  := $(CONTENT) markdown text
T_quiz     := quiz $(CONTENT) markdown text
# The store: the dispatch in front, the SQLite backend, the class server's
# backend (client, queue, JSON) and what they use.
STORE      := store store_api store_exam store_confusion store_mine store_tally store_remote client \
              pending wire \
              paper netlib out clock db migrations i18n
T_store    := $(STORE) quiz $(CONTENT) markdown text
T_snapshot := snapshot packcache $(CONTENT) markdown text
T_keyseq   := keyseq
T_qview    := qview
T_ascii    := text
T_i18n     := i18n keys $(STORE) quiz $(CONTENT) markdown text
T_out      := out text
T_contrast := contrast classmix $(STORE) quiz $(CONTENT) markdown text
T_exam     := examhide examrun $(STORE) quiz $(CONTENT) markdown text
# The class server's API with what it calls; netlib opens libsodium for tokens.
T_api      := api api_learner api_exam grade store_serve $(STORE) quiz \
              $(CONTENT) markdown text
T_derived  := store_check $(STORE) quiz $(CONTENT) markdown text
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka 2>/dev/null)

.SECONDEXPANSION:
$(B)/test_%: tests/unit/test_%.c $$(addprefix $(B)/,$$(addsuffix .o,$$(T_$$*)))
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(filter %.o,$^) \
	  $(PKG_LIBS) $(CMOCKA_LIBS) $(LDFLAGS)

# Test packages are installed before the unit tests are built (they need cmocka).
check: $(if $(HAVE_TEST_DEPS),,deps-check-auto) all
	$(Q)$(MAKE) --no-print-directory $(UNIT_BINS)
	$(Q)bash tests/run.sh

# What make check runs, built but not run (tests/mutate.py rebuilds with it).
check-build: all $(UNIT_BINS)

unit: all $(UNIT_BINS)
	$(Q)bash tests/run.sh unit

asan:
	$(MAKE) clean
	$(MAKE) check CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined"
	$(MAKE) clean

bench: all
	$(Q)bash tests/bench.sh

# Plant each bug in tests/mutants/ and see the tests catch it (not part of
# check; MUTANTS="name …" runs some, MUTATE_JOBS=2 runs two at a time).
mutate: all
	$(Q)python3 tests/mutate.py $(MUTANTS)

# libFuzzer harnesses (tests/fuzz/*.c, clang): markdown, text, the content
# loader, the plain-mode input parser, output escaping, a damaged compiled
# pack, the escape-sequence parser and the class server's API; each runs
# FUZZ_SECONDS; exits non-zero on a crash.
FUZZ_SECONDS ?= 60
fuzz:
	$(Q)FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run.sh

# ---- install -------------------------------------------------------------
install: httptutor
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 0755 httptutor $(DESTDIR)$(BINDIR)/httptutor
	cp -R content/. $(DESTDIR)$(DATADIR)/
	install -m 0644 src/httptutor.1 $(DESTDIR)$(MANDIR)/httptutor.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/httptutor $(DESTDIR)$(MANDIR)/httptutor.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(B) httptutor

# ---- dependencies ----------------------------------------------------------
# `make deps` installs the missing packages the program needs; `make deps-check`
# adds what the tests need.  all/run call the first, check the second.
deps: DEBS = $(RUN_DEBS)
deps-check: DEBS = $(RUN_DEBS) $(TEST_DEBS)
deps deps-check:
	@missing=$$($(call MISSING_DEBS,$(DEBS)) | tr '\n' ' '); \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "all dependencies present"; fi

deps-auto:
	$(Q)$(MAKE) --no-print-directory deps

deps-check-auto:
	$(Q)$(MAKE) --no-print-directory deps-check
