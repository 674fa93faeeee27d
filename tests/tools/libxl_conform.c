/* libvirt 9.0.0's tests/libxlxml2domconfigtest.c, the xenconv way: each
 * case's domain XML through our reader, libvirt's post-parse defaults and
 * the libxl bridge; libxl_domain_config_to_json of the result compared
 * with the expected JSON after libxl's own round trip
 * (libxl_domain_config_from_json, then _to_json), as that test does.
 *
 * The environment is the one the test sets up (testutilsxen.c, libxlmock.c):
 * host CPU core2duo (vmx, no svm), nested_hvm=1 in the driver config,
 * libxl_get_physinfo reporting 6 NUMA nodes, shadow memory 1234 KiB, VNC
 * ports allocated from 5900.  The *-legacy-nest cases are libvirt's
 * expectations for a libxl without LIBXL_HAVE_BUILDINFO_NESTED_HVM, from
 * before libxl_get_physinfo was mocked (0 nodes): they run with
 * nested_hvm in b_info.u.hvm and 0 host nodes.
 *
 * libxl_ctx_alloc needs privcmd and xenstore, which a build machine lacks;
 * like libvirt's libxlmock.c this program defines xc_interface_open,
 * xs_open and their closes, so libxl's own from/to JSON get a ctx that
 * never talks to a hypervisor (symbols of the executable come first).
 *
 * Usage: libxl_conform DIR NAME...   prints "ok NAME" or "FAIL NAME" and
 * the first differing lines, then "libxlxml2domconfig: N passed, M failed";
 * exit 0 when all passed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/model.h"
#include "../../common/settings.h"
#include "../../common/source.h"
#include "../../converters/defaults.h"
#include "../../converters/libxl_bridge.h"
#include "../../formats/xml/xml.h"

/* ---- the hypervisor-free ctx (libvirt: libxlmock.c) ------------------ */
/* xenctrl.h and xenstore.h need GNU C; their handles are opaque anyway */
typedef struct xc_interface_core xc_interface;
struct xs_handle;
xc_interface *xc_interface_open(xentoollog_logger *logger,
                                xentoollog_logger *dombuild_logger, unsigned flags);
xc_interface *xc_interface_open(xentoollog_logger *logger,
                                xentoollog_logger *dombuild_logger, unsigned flags)
{
    (void)logger, (void)dombuild_logger, (void)flags;
    return (xc_interface *)0x1;
}
int xc_interface_close(xc_interface *xch);
int xc_interface_close(xc_interface *xch)
{
    (void)xch;
    return 0;
}
struct xs_handle *xs_open(unsigned long flags);
struct xs_handle *xs_open(unsigned long flags)
{
    (void)flags;
    return (struct xs_handle *)0x1;
}
void xs_close(struct xs_handle *xsh);
void xs_close(struct xs_handle *xsh)
{
    (void)xsh;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *s = NULL;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        s = malloc((size_t)n + 1);
        if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
            free(s);
            s = NULL;
        } else if (s) {
            s[n] = '\0';
        }
    }
    fclose(f);
    return s;
}

/* the first differing line of actual and expected */
static void show_diff(const char *actual, const char *expect)
{
    size_t i = 0, start = 0;
    unsigned line = 1;
    while (actual[i] && actual[i] == expect[i]) {
        if (actual[i] == '\n') {
            line++;
            start = i + 1;
        }
        i++;
    }
    fprintf(stderr, "  first difference at line %u:\n  expected: %.*s\n  actual:   %.*s\n",
            line, (int)strcspn(expect + start, "\n"), expect + start,
            (int)strcspn(actual + start, "\n"), actual + start);
}

static int run_case(libxl_ctx *ctx, const char *dir, const char *name)
{
    char xml[4096], json[4096];
    struct xc_source src = {0};
    struct xc_domain dom;
    struct xc_diags d = {0};
    struct xc_settings set;
    struct xc_libxl_host host = {
        .nr_nodes = 6, .vmx = true, .svm = false, .nested_hvm = true,
        .fixed_shadow = true, .shadow_memkb = 1234, .vnc_port = 5900,
    };
    libxl_domain_config actual, expect;
    char *actual_json = NULL, *expect_text = NULL, *expect_json = NULL, *ours = NULL;
    int ok = 0;

    if (strstr(name, "-legacy-nest")) {
        host.legacy_nested_hvm = true;
        host.nr_nodes = 0;
    }
    snprintf(xml, sizeof xml, "%s/%s.xml", dir, name);
    snprintf(json, sizeof json, "%s/%s.json", dir, name);
    xc_settings_init(&set);
    xc_domain_init(&dom);
    libxl_domain_config_init(&actual);
    libxl_domain_config_init(&expect);
    if (xc_source_load(&src, xml, &d) < 0)
        goto out;
    d.file = src.name;
    if (xc_format_xml.read(&src, &set, &dom, &d) < 0 || d.nerrors ||
        xc_defaults_apply(&dom, &set, XC_ORIGIN_XML, &d) < 0 || d.nerrors ||
        xc_libxl_build_host(&dom, &set, &host, NULL, &actual, &d) < 0 || d.nerrors)
        goto out;
    if (!(actual_json = libxl_domain_config_to_json(ctx, &actual)) ||
        !(ours = xc_libxl_json(&actual))) {
        fprintf(stderr, "%s: no JSON for the built config\n", name);
        goto out;
    }
    if (strcmp(ours, actual_json) != 0) {
        fprintf(stderr, "%s: xc_libxl_json differs from libxl_domain_config_to_json\n", name);
        goto out;
    }
    if (!(expect_text = slurp(json)) ||
        libxl_domain_config_from_json(ctx, &expect, expect_text) != 0 ||
        !(expect_json = libxl_domain_config_to_json(ctx, &expect))) {
        fprintf(stderr, "%s: cannot read %s through libxl\n", name, json);
        goto out;
    }
    if (strcmp(expect_json, actual_json) != 0) {
        show_diff(actual_json, expect_json);
        goto out;
    }
    ok = 1;
out:
    xc_diags_print(&d, stderr);
    printf("%s %s\n", ok ? "ok" : "FAIL", name);
    free(actual_json);
    free(expect_text);
    free(expect_json);
    free(ours);
    libxl_domain_config_dispose(&actual);
    libxl_domain_config_dispose(&expect);
    xc_diags_free(&d);
    xc_domain_free(&dom);
    xc_source_free(&src);
    xc_settings_free(&set);
    return ok;
}

int main(int argc, char **argv)
{
    xentoollog_logger *log;
    libxl_ctx *ctx = NULL;
    int passed = 0, failed = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: libxl_conform DIR NAME...\n");
        return 2;
    }
    log = (xentoollog_logger *)xtl_createlogger_stdiostream(stderr, XTL_ERROR, 0);
    if (!log || libxl_ctx_alloc(&ctx, LIBXL_VERSION, 0, log) != 0) {
        fprintf(stderr, "libxl_conform: no libxl ctx\n");
        return 1;
    }
    for (int i = 2; i < argc; i++) {
        if (run_case(ctx, argv[1], argv[i]))
            passed++;
        else
            failed++;
    }
    printf("libxlxml2domconfig: %d passed, %d failed\n", passed, failed);
    libxl_ctx_free(ctx);
    xtl_logger_destroy(log);
    return failed ? 1 : 0;
}
