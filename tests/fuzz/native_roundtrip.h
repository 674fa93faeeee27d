/* The body of the native-format harnesses (fuzz_xl, fuzz_xm): the bytes as
 * a config of `fmt`, converted to domain XML the way domxml-from-native
 * does (xc_convert_source, defaults included); when that succeeds, the XML
 * produced is converted back to `fmt`. */
#ifndef XC_FUZZ_NATIVE_ROUNDTRIP_H
#define XC_FUZZ_NATIVE_ROUNDTRIP_H

#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/settings.h"
#include "common/source.h"
#include "converters/native.h"
#include "formats/xml/xml.h"

static int native_roundtrip(const struct xc_format *fmt, const uint8_t *data,
                            size_t size)
{
    struct xc_settings set;
    struct xc_source src = {0}, back = {0};
    struct xc_diags d = {0};
    struct xc_buf xml = {0}, native = {0};

    xc_settings_init(&set);
    xc_source_from_mem(&src, "fuzz.cfg", (const char *)data, size);
    if (xc_convert_source(fmt, &xc_format_xml, XC_ORIGIN_NATIVE, &src, &set,
                          &xml, &d) == 0) {
        xc_source_from_mem(&back, "fuzz.xml", xc_buf_str(&xml), xml.len);
        (void)xc_convert_source(&xc_format_xml, fmt, XC_ORIGIN_XML, &back,
                                &set, &native, &d);
    }
    xc_buf_free(&native);
    xc_buf_free(&xml);
    xc_source_free(&back);
    xc_source_free(&src);
    xc_diags_free(&d);
    xc_settings_free(&set);
    return 0;
}

#endif
