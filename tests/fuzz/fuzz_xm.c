/* libFuzzer harness: the bytes as an xm (xend) config, converted to domain XML
 * the way `xenconv domxml-from-native xen-xm` does (xc_convert_source);
 * when that succeeds, the XML produced is converted back to xm.  Built and
 * run by `make fuzz` (see docs/HACKING.md, "Fuzzing"). */
#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/settings.h"
#include "common/source.h"
#include "converters/native.h"
#include "formats/xm/xm.h"
#include "formats/xml/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct xc_settings set;
    struct xc_source src = {0}, back = {0};
    struct xc_diags d = {0};
    struct xc_buf xml = {0}, xm = {0};

    xc_settings_init(&set);
    xc_source_from_mem(&src, "fuzz.cfg", (const char *)data, size);
    if (xc_convert_source(&xc_format_xm, &xc_format_xml, XC_ORIGIN_NATIVE,
                          &src, &set, &xml, &d) == 0) {
        xc_source_from_mem(&back, "fuzz.xml", xc_buf_str(&xml), xml.len);
        (void)xc_convert_source(&xc_format_xml, &xc_format_xm, XC_ORIGIN_XML,
                                &back, &set, &xm, &d);
    }
    xc_buf_free(&xm);
    xc_buf_free(&xml);
    xc_source_free(&back);
    xc_source_free(&src);
    xc_diags_free(&d);
    xc_settings_free(&set);
    return 0;
}
