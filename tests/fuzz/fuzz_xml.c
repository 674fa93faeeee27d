/* libFuzzer harness: the bytes as domain XML, converted to xl.cfg the way
 * `xenconv domxml-to-native xen-xl` does (xc_convert_source); when that
 * succeeds, the xl produced is converted back to XML.  Built and run by
 * `make fuzz` (see docs/HACKING.md, "Fuzzing"). */
#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/settings.h"
#include "common/source.h"
#include "converters/native.h"
#include "formats/xl/xl.h"
#include "formats/xml/xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct xc_settings set;
    struct xc_source src = {0}, back = {0};
    struct xc_diags d = {0};
    struct xc_buf xl = {0}, xml = {0};

    xc_settings_init(&set);
    xc_source_from_mem(&src, "fuzz.xml", (const char *)data, size);
    if (xc_convert_source(&xc_format_xml, &xc_format_xl, XC_ORIGIN_XML,
                          &src, &set, &xl, &d) == 0) {
        xc_source_from_mem(&back, "fuzz.cfg", xc_buf_str(&xl), xl.len);
        (void)xc_convert_source(&xc_format_xl, &xc_format_xml,
                                XC_ORIGIN_NATIVE, &back, &set, &xml, &d);
    }
    xc_buf_free(&xml);
    xc_buf_free(&xl);
    xc_source_free(&back);
    xc_source_free(&src);
    xc_diags_free(&d);
    xc_settings_free(&set);
    return 0;
}
