#include "native.h"

#include "../common/atomic_stream.h"
#include "../common/buf.h"
#include "../common/model.h"
#include "../common/source.h"
#include "../formats/xml/xml.h"
#include "report.h"

const char *xc_target_name(const struct xc_format *to)
{
    return to == &xc_format_xml ? "domain XML" : to->name;
}

/* A running domain's dump (an sxpr with a domid) written to a native
 * config: what libvirt's inactive XML parse would keep of it, so that
 * converting directly equals converting through domain XML.  The id and
 * the interface names libxl generated ("vif5.0") belong to the run. */
void xc_drop_runtime_identity(struct xc_domain *dom)
{
    if (!dom->has_id)
        return;
    dom->has_id = false;
    for (size_t i = 0; i < dom->nets.n; i++)
        if (xc_net_ifname_generated(dom->nets.v[i].ifname.s))
            xc_str_clear(&dom->nets.v[i].ifname);
}

int xc_convert_source(const struct xc_format *from, const struct xc_format *to,
                      enum xc_origin origin, const struct xc_source *src,
                      const struct xc_settings *set, struct xc_buf *out,
                      struct xc_diags *d)
{
    struct xc_domain dom;
    int rc = -1;
    const char *saved = d->file, *saved_target = d->target;
    size_t errors = d->nerrors;

    xc_domain_init(&dom);
    d->file = src->name;
    d->target = xc_target_name(to);
    if (from->read(src, set, &dom, d) < 0 || d->nerrors > errors)
        goto done;
    if (xc_defaults_apply(&dom, set, origin, d) < 0 || d->nerrors > errors)
        goto done;
    if (to != &xc_format_xml)
        xc_drop_runtime_identity(&dom);
    if (to->write(&dom, set, out, d) < 0 || d->nerrors > errors)
        goto done;
    rc = 0;
done:
    d->file = saved;
    d->target = saved_target;
    xc_domain_free(&dom);
    return rc;
}

int xc_convert_to_output(const struct xc_format *from,
                         const struct xc_format *to, enum xc_origin origin,
                         const struct xc_source *src,
                         const struct xc_settings *set, const char *output,
                         struct xc_diags *d)
{
    struct xc_atomic_stream st;
    struct xc_buf out = {0};
    int rc = -1;

    xc_atomic_stream_init(&st, output);
    xc_atomic_stream_attach(&st, &out);
    if (xc_convert_source(from, to, origin, src, set, &out, d) == 0)
        rc = xc_atomic_stream_commit(&st, xc_buf_str(&out), out.len, d);
    else
        xc_atomic_stream_abort(&st);
    xc_buf_free(&out);
    return rc;
}

/* load -> convert -> atomic output; nothing is written unless every step
 * succeeded. */
static int pipeline(const struct xc_format *from, const struct xc_format *to,
                    enum xc_origin origin, const char *input,
                    const char *output, const struct xc_settings *set,
                    struct xc_diags *d)
{
    struct xc_source src;
    int rc = -1;

    if (xc_source_load(&src, input, d) == 0) {
        src.consumable = true;
        rc = xc_convert_to_output(from, to, origin, &src, set, output, d);
    }
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

int xc_domxml_report(const char *path, int to_native, const char *format,
                     const struct xc_diags *d, int rc, struct xc_diags *err)
{
    struct xc_report r;
    if (xc_report_open(&r, path, to_native ? format : "domain XML", err) < 0)
        return -1;
    xc_report_add(&r, d);
    return xc_report_close(&r, 1, rc < 0, err);
}
