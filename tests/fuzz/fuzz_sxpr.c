/* libFuzzer harness: the bytes as a xen-sxpr S-expression, converted to
 * domain XML (xc_convert_source, defaults included); when that succeeds,
 * the XML to xen-sxpr, and when that succeeds too, the sxpr written is
 * read back to XML: the reader, the writer, and the reader on the
 * writer's own output.  Built and run by `make fuzz` (see docs/HACKING.md,
 * "Fuzzing").
 *
 * Built with -DSXPR_FUZZ_STRICT (not by make fuzz: for a hunt by hand),
 * it also aborts when the writer's output does not read back, or when
 * one more round (XML -> sxpr -> XML) changes that XML: the fixpoint
 * tests/property.sh checks (the first round may drop runtime state such
 * as the domain id, and add libxl's PAE default). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/settings.h"
#include "common/source.h"
#include "converters/native.h"
#include "formats/sxpr/sxpr.h"
#include "formats/xml/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* from(text) into *out; 0 or -1. */
static int step(const struct xc_format *from, const struct xc_format *to,
                enum xc_origin origin, const char *name, const char *text,
                size_t len, const struct xc_settings *set, struct xc_buf *out,
                struct xc_diags *d)
{
    struct xc_source src = {0};
    xc_source_from_mem(&src, name, text, len);
    int rc = xc_convert_source(from, to, origin, &src, set, out, d);
    xc_source_free(&src);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct xc_settings set;
    struct xc_diags d = {0};
    struct xc_buf x1 = {0}, s = {0}, x2 = {0};

    xc_settings_init(&set);
    if (step(&xc_format_sxpr, &xc_format_xml, XC_ORIGIN_NATIVE, "fuzz.sxpr",
             (const char *)data, size, &set, &x1, &d) == 0 &&
        step(&xc_format_xml, &xc_format_sxpr, XC_ORIGIN_XML, "fuzz.xml",
             xc_buf_str(&x1), x1.len, &set, &s, &d) == 0) {
        int rc = step(&xc_format_sxpr, &xc_format_xml, XC_ORIGIN_NATIVE,
                      "back.sxpr", xc_buf_str(&s), s.len, &set, &x2, &d);
#ifdef SXPR_FUZZ_STRICT
        struct xc_buf s2 = {0}, x3 = {0};
        if (rc == 0 &&
            step(&xc_format_xml, &xc_format_sxpr, XC_ORIGIN_XML, "x2.xml",
                 xc_buf_str(&x2), x2.len, &set, &s2, &d) == 0)
            rc = step(&xc_format_sxpr, &xc_format_xml, XC_ORIGIN_NATIVE,
                      "s2.sxpr", xc_buf_str(&s2), s2.len, &set, &x3, &d);
        else
            rc = -1;
        if (rc != 0 || x2.len != x3.len || memcmp(x2.data, x3.data, x2.len)) {
            xc_diags_print(&d, stderr);
            fprintf(stderr, "--- X1\n%s--- S\n%s--- X2\n%s--- S2\n%s--- X3\n%s",
                    xc_buf_str(&x1), xc_buf_str(&s), xc_buf_str(&x2),
                    xc_buf_str(&s2), xc_buf_str(&x3));
            abort();
        }
        xc_buf_free(&x3);
        xc_buf_free(&s2);
#else
        (void)rc;
#endif
    }
    xc_buf_free(&x2);
    xc_buf_free(&s);
    xc_buf_free(&x1);
    xc_diags_free(&d);
    xc_settings_free(&set);
    return 0;
}
