#include "native.h"

#include "../common/atomic_out.h"
#include "../common/buf.h"
#include "../common/model.h"
#include "../common/source.h"
#include "../formats/format.h"
#include "../formats/xml/xml.h"
#include "defaults.h"

/* read -> defaults -> write -> atomic output; nothing is written unless
 * every step succeeded. */
static int pipeline(const struct xc_format *from, const struct xc_format *to,
                    enum xc_origin origin, const char *input,
                    const char *output, const struct xc_settings *set,
                    struct xc_diags *d)
{
    struct xc_source src;
    struct xc_domain dom;
    struct xc_buf out = {0};
    int rc = -1;

    xc_domain_init(&dom);
    if (xc_source_load(&src, input, d) < 0)
        return -1;
    const char *saved = d->file;
    d->file = src.name;
    size_t errors = d->nerrors;
    if (from->read(&src, set, &dom, d) < 0 || d->nerrors > errors)
        goto done;
    if (xc_defaults_apply(&dom, set, origin, d) < 0 || d->nerrors > errors)
        goto done;
    if (to->write(&dom, set, &out, d) < 0 || d->nerrors > errors)
        goto done;
    rc = xc_write_atomic(output, xc_buf_str(&out), out.len, d);
done:
    d->file = saved;
    xc_buf_free(&out);
    xc_domain_free(&dom);
    xc_source_free(&src);
    return rc;
}

static const struct xc_format *native_format(const char *name,
                                             struct xc_diags *d)
{
    const struct xc_format *f = xc_format_find(name);
    if (!f || f == &xc_format_xml) {
        const char *saved = d->file;
        d->file = "xenconv";
        xc_error(d, xc_nopos, "usage", "unknown native format '%s'", name);
        d->file = saved;
        return NULL;
    }
    return f;
}

int xc_domxml_from_native(const char *format, const char *input,
                          const char *output, const struct xc_settings *set,
                          struct xc_diags *d)
{
    const struct xc_format *f = native_format(format, d);
    if (!f)
        return -1;
    return pipeline(f, &xc_format_xml, XC_ORIGIN_NATIVE, input, output, set, d);
}

int xc_domxml_to_native(const char *format, const char *input,
                        const char *output, const struct xc_settings *set,
                        struct xc_diags *d)
{
    const struct xc_format *f = native_format(format, d);
    if (!f)
        return -1;
    return pipeline(&xc_format_xml, f, XC_ORIGIN_XML, input, output, set, d);
}
