# xenconv — GNU make.  `make demo` and `make check` are the quick start.
# Every source under common/, formats/ and converters/ is picked up by
# wildcard, so a new format folder needs no edit here.

BUILD   ?= build
CC      ?= gcc
PKGS     = expat libconfig xlutil xenlight yajl xentoollog
# libxml2 (lint's schema check) is dlopen'ed on first use, not linked: it
# pulls in ICU and libstdc++, ~1.3 ms of every process (docs/performance.md)
DL_PKGS  = libxml-2.0
CFLAGS  ?= -O2 -g
XC_CFLAGS = -std=c11 -Wall -Wextra -Werror -Wshadow -Wformat=2 \
            -Wstrict-prototypes -Wmissing-prototypes -fno-common \
            -D_POSIX_C_SOURCE=200809L $(shell pkg-config --cflags $(PKGS) $(DL_PKGS) 2>/dev/null)
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lexpat -lconfig -lxlutil -lxenlight -lyajl -lxentoollog)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck)

ifeq ($(SAN),1)
CFLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

LIB_SRC  = $(sort $(wildcard common/*.c formats/*.c formats/*/*.c converters/*.c))
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC = $(sort $(wildcard tests/tools/*.c))
TOOL_BIN = $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)

XENCONV  = $(BUILD)/xenconv

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built with FUZZ=1 in their own
# tree: clang, the library instrumented for coverage, ASan and UBSan.
FUZZ_BUILD   ?= build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_RUNS    ?= 0
FUZZ_SRC  = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN  = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/%)
ifeq ($(FUZZ),1)
CC       = clang
CFLAGS   = -O1 -g -fno-omit-frame-pointer \
           -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
endif

.PHONY: all deps demo check unit golden property asan valgrind conformance \
        bench clean tools fuzz fuzz-harnesses lib example man install \
        uninstall install-test xen-integration
all: $(XENCONV) lib

deps:
	@sh scripts/install-deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(XC_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libxenconv.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(XENCONV): $(BUILD)/bin/xenconv.o $(BUILD)/libxenconv.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# ---- libxenconv: shared library, example, man page, install ---------------
# (docs/HACKING.md, "Packaging").  The version is include/xenconv.h's.
VERSION   := $(shell sed -n 's/^\#define XENCONV_VERSION "\(.*\)"/\1/p' include/xenconv.h)
SOVERSION  = 0
SONAME     = libxenconv.so.$(SOVERSION)
SHLIB      = $(BUILD)/libxenconv.so.$(VERSION)
PIC_OBJ    = $(LIB_SRC:%.c=$(BUILD)/pic/%.o)
EXAMPLE    = $(BUILD)/examples/convert_one
# What --version says the binary was built with.
XEN_VERSIONS = -DXC_LIBXENLIGHT_VERSION='"$(shell pkg-config --modversion xenlight 2>/dev/null || echo unknown)"' \
               -DXC_LIBXLUTIL_VERSION='"$(shell pkg-config --modversion xlutil 2>/dev/null || echo unknown)"'
$(BUILD)/bin/xenconv.o: XC_CFLAGS += $(XEN_VERSIONS)

# Position-independent objects in their own tree; only the xenconv_*
# functions of include/xenconv.h are exported (converters/libxenconv.map).
$(BUILD)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(XC_CFLAGS) $(CFLAGS) -fPIC -MMD -MP -c $< -o $@

$(SHLIB): $(PIC_OBJ) converters/libxenconv.map
	$(CC) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,-z,defs \
	    -Wl,--version-script=converters/libxenconv.map -o $@ $(PIC_OBJ) $(LIBS)
	ln -sf libxenconv.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libxenconv.so

lib: $(BUILD)/libxenconv.a $(SHLIB)

# The example sees include/ only: it uses nothing but the public header.
# One copy linked statically, one against the shared library.
EXAMPLE_CFLAGS = -std=c11 -Wall -Wextra -Werror -pedantic -Wmissing-prototypes
$(EXAMPLE): examples/convert_one.c include/xenconv.h $(BUILD)/libxenconv.a
	@mkdir -p $(dir $@)
	$(CC) $(EXAMPLE_CFLAGS) $(CFLAGS) $(LDFLAGS) -Iinclude -o $@ $< \
	    $(BUILD)/libxenconv.a $(LIBS)
$(EXAMPLE)-shared: examples/convert_one.c include/xenconv.h $(SHLIB)
	@mkdir -p $(dir $@)
	$(CC) $(EXAMPLE_CFLAGS) $(CFLAGS) $(LDFLAGS) -Iinclude -o $@ $< \
	    -L$(BUILD) -lxenconv

example: $(XENCONV) $(EXAMPLE) $(EXAMPLE)-shared
	@sh tests/example.sh $(XENCONV) $(EXAMPLE) $(EXAMPLE)-shared $(SHLIB)

# xenconv(1) is generated from docs/xenconv.1.md (go-md2man, Debian
# package go-md2man); scripts/md2man.sh adds the title line.
$(BUILD)/xenconv.1: docs/xenconv.1.md scripts/md2man.sh include/xenconv.h
	@mkdir -p $(dir $@)
	sh scripts/md2man.sh $(VERSION) docs/xenconv.1.md $@

man: $(BUILD)/xenconv.1

PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
LIBDIR      ?= $(PREFIX)/lib
INCLUDEDIR  ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
MANDIR      ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
DOCDIR      ?= $(PREFIX)/share/doc/xenconv
INSTALL     ?= install
# Exactly what install writes; uninstall removes these and nothing else.
INSTALLED = $(BINDIR)/xenconv $(LIBDIR)/libxenconv.a \
            $(LIBDIR)/libxenconv.so.$(VERSION) $(LIBDIR)/$(SONAME) \
            $(LIBDIR)/libxenconv.so $(INCLUDEDIR)/xenconv.h \
            $(PKGCONFIGDIR)/xenconv.pc $(MANDIR)/man1/xenconv.1 \
            $(BASHCOMPDIR)/xenconv $(DOCDIR)/xenconv.conf.sample

install: $(XENCONV) lib man
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(DOCDIR)
	$(INSTALL) -m 755 $(XENCONV) $(DESTDIR)$(BINDIR)/xenconv
	$(INSTALL) -m 644 $(BUILD)/libxenconv.a $(DESTDIR)$(LIBDIR)/libxenconv.a
	$(INSTALL) -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/libxenconv.so.$(VERSION)
	ln -sf libxenconv.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libxenconv.so
	$(INSTALL) -m 644 include/xenconv.h $(DESTDIR)$(INCLUDEDIR)/xenconv.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@REQUIRES@|$(PKGS)|' scripts/xenconv.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/xenconv.pc
	$(INSTALL) -m 644 $(BUILD)/xenconv.1 $(DESTDIR)$(MANDIR)/man1/xenconv.1
	$(INSTALL) -m 644 scripts/xenconv.bash-completion $(DESTDIR)$(BASHCOMPDIR)/xenconv
	$(INSTALL) -m 644 xenconv.conf.sample $(DESTDIR)$(DOCDIR)/xenconv.conf.sample

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

# Install into a temporary DESTDIR, build the example against the
# installed xenconv.pc, run it, uninstall, check nothing is left.
install-test: $(XENCONV) lib man
	@sh tests/install.sh $(BUILD)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libxenconv.a
	@mkdir -p $(dir $@)
	$(CC) $(XC_CFLAGS) $(CFLAGS) $(LDFLAGS) -I. -o $@ $^ $(LIBS) $(CHECK_LIBS)

$(BUILD)/tools/%: tests/tools/%.c $(BUILD)/libxenconv.a
	@mkdir -p $(dir $@)
	$(CC) $(XC_CFLAGS) $(CFLAGS) $(LDFLAGS) -I. -o $@ $^ $(LIBS)

tools: $(TOOL_BIN)

# libxlutil built from Xen's source with the harnesses' sanitizers, linked
# ahead of Debian's uninstrumented one (scripts/fetch-xen-util.sh).
XLU_DIR ?= .conformance/xen-util
XLU_SRC  = libxlu_cfg.c libxlu_cfg_l.c libxlu_cfg_y.c libxlu_disk.c \
           libxlu_disk_l.c libxlu_pci.c libxlu_vif.c
XLU_OBJ  = $(XLU_SRC:%.c=$(BUILD)/xlu/%.o)
$(BUILD)/xlu/%.o: $(XLU_DIR)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -D_GNU_SOURCE -w -I$(XLU_DIR) -c $< -o $@

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(BUILD)/libxenconv.a $(XLU_OBJ)
	$(CC) $(XC_CFLAGS) $(CFLAGS) -fsanitize=fuzzer -I. -o $@ $< $(BUILD)/libxenconv.a $(XLU_OBJ) $(LIBS)

fuzz-harnesses: $(FUZZ_BIN)

# The same harnesses without libFuzzer (a main() that feeds them files:
# tests/fuzz/replay_main.c), to replay testdata/fuzz/NAME/ in make golden,
# so under ASan+UBSan in make asan too (tests/fuzz/replay.sh).
REPLAY_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz-replay/%)
$(BUILD)/fuzz-replay/%: tests/fuzz/%.c tests/fuzz/replay_main.c $(wildcard tests/fuzz/*.h) $(BUILD)/libxenconv.a
	@mkdir -p $(dir $@)
	$(CC) $(XC_CFLAGS) $(CFLAGS) $(LDFLAGS) -I. -o $@ $< tests/fuzz/replay_main.c $(BUILD)/libxenconv.a $(LIBS)

demo: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(XENCONV)

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

golden: $(XENCONV) tools $(REPLAY_BIN)
	@sh tests/golden.sh $(XENCONV) $(BUILD)/tools
	@sh tests/fuzz/replay.sh $(BUILD)
	@sh tests/hostile.sh $(XENCONV)
	@sh tests/cli.sh $(XENCONV)
	@sh tests/convert.sh $(XENCONV)
	@sh tests/sxpr_stress.sh $(XENCONV)
	@sh tests/lint.sh $(XENCONV)
	@sh tests/migrate.sh $(XENCONV) $(BUILD)/tools
	@sh tests/validate.sh $(XENCONV)
	@sh tests/launch.sh $(XENCONV)

property: $(XENCONV)
	@sh tests/property.sh $(XENCONV)

# Every test again, built with ASan+UBSan in a separate tree (conformance
# too, once `make conformance` has fetched libvirt's vectors, and the sxpr
# vectors when ../shared/reference/sxpr is there).  A sanitizer
# report exits with its own status, so no test can mistake it for a
# diagnosed bad input.
export ASAN_OPTIONS = exitcode=86:detect_leaks=1
export UBSAN_OPTIONS = halt_on_error=1:print_stacktrace=1:exitcode=87
asan:
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 unit golden property example
	@if [ -f .conformance/libvirt-9.0.0/tests/xlconfigtest.c ]; then \
	    sh tests/conformance/run.sh build/asan/xenconv; fi
	@if [ -f tests/conformance/sxpr.sh ] && \
	    [ -f "$${XENCONV_SXPR_DIR:-../shared/reference/sxpr}/CASES.txt" ]; then \
	    sh tests/conformance/sxpr.sh build/asan/xenconv; fi
	@if [ -f .conformance/libvirt-9.0.0/tests/libxlxml2domconfigtest.c ]; then \
	    $(MAKE) --no-print-directory BUILD=build/asan SAN=1 build/asan/tools/libxl_conform && \
	    sh tests/conformance/libxl.sh build/asan/tools; fi

# Unit suites too (CK_FORK=no: Check's forked children hide errors from
# valgrind); any error or leak fails.
valgrind: $(XENCONV) tools $(UNIT_BIN) $(REPLAY_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== valgrind $$t"; \
	    CK_FORK=no valgrind -q --error-exitcode=99 --leak-check=full \
	        --show-leak-kinds=all --errors-for-leak-kinds=all $$t; done
	@VALGRIND=1 sh tests/golden.sh $(XENCONV) $(BUILD)/tools
	@VALGRIND=1 sh tests/fuzz/replay.sh $(BUILD)
	@VALGRIND=1 sh tests/convert.sh $(XENCONV)
	@VALGRIND=1 sh tests/sxpr_stress.sh $(XENCONV)
	@VALGRIND=1 sh tests/lint.sh $(XENCONV)
	@VALGRIND=1 sh tests/migrate.sh $(XENCONV) $(BUILD)/tools
	@VALGRIND=1 sh tests/validate.sh $(XENCONV)
	@VALGRIND=1 sh tests/launch.sh $(XENCONV)

check: deps
	@$(MAKE) --no-print-directory all unit golden property example install-test
	@$(MAKE) --no-print-directory asan
	@echo "make check: all tests passed"

conformance: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/fetch-libvirt.sh
	@sh tests/conformance/run.sh $(XENCONV)
	@sh tests/conformance/sxpr.sh $(XENCONV)
	@$(MAKE) --no-print-directory $(BUILD)/tools/libxl_conform
	@sh tests/conformance/libxl.sh $(BUILD)/tools

# Every harness for FUZZ_SECONDS (default 60) each; fails on any crash,
# leak, undefined behaviour or timeout.  See docs/HACKING.md, "Fuzzing".
fuzz:
	@sh scripts/install-deps.sh fuzz
	@XENCONV_XEN_DIR=$(abspath $(XLU_DIR)) sh scripts/fetch-xen-util.sh
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) FUZZ=1 fuzz-harnesses
	@sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_RUNS)

# Debian's Xen 4.17 and a Debian dom0 booted in qemu (TCG), `xenconv launch`
# of tiny PV guests inside (docs/xen-integration.md); log in
# build/xen-integration/.  Installs its Debian packages when missing.
xen-integration: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/xen-integration.sh $(XENCONV)

bench: deps
	@$(MAKE) --no-print-directory all tools
	@sh tests/bench.sh $(XENCONV) $(BUILD)/tools

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(PIC_OBJ:.o=.d) $(BUILD)/bin/xenconv.d
