/* xenconv validate: read (format detected as convert does), libvirt's
 * post-parse defaults, the libxl bridge without a ctx, libxl's JSON. */
#include "validate.h"

#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/model.h"
#include "../common/source.h"
#include "../formats/format.h"
#include "../formats/xml/xml.h"
#include "defaults.h"
#include "detect.h"
#include "libxl_offline.h"
#include "convert.h"
#include "native.h"

static const struct xc_format *input_format(const struct xc_validate_opts *o,
                                            const struct xc_source *src,
                                            struct xc_diags *d)
{
    struct xc_buf why = {0};
    const char *name;
    const struct xc_format *f;

    if (o->from && strcmp(o->from, "auto") != 0)
        return xc_convert_format(o->from, NULL);
    name = xc_detect_format(src, &why);
    f = xc_format_find(name);
    if (!f)
        xc_error(d, xc_nopos, "detect",
                 "input format guessed as %s (%s), which this build cannot read", name,
                 xc_buf_str(&why));
    else
        xc_note(d, xc_nopos, "detect", "input format guessed as %s (%s)", name,
                xc_buf_str(&why));
    xc_buf_free(&why);
    return f;
}

static int validate(const struct xc_validate_opts *o, const struct xc_settings *set,
                    char **json, struct xc_diags *d)
{
    struct xc_source src = {0};
    struct xc_domain dom;
    const struct xc_format *from;
    int rc = -1;

    xc_domain_init(&dom);
    if (xc_source_load(&src, o->file, d) < 0)
        goto out;
    d->file = src.name;
    d->target = "libxl";
    if (!(from = input_format(o, &src, d)))
        goto out;
    if (from->read(&src, set, &dom, d) < 0 || d->nerrors)
        goto out;
    if (xc_defaults_apply(&dom, set, from == &xc_format_xml ? XC_ORIGIN_XML
                                                            : XC_ORIGIN_NATIVE, d) < 0 ||
        d->nerrors)
        goto out;
    /* a running domain's dump: the id and generated names belong to that run */
    xc_drop_runtime_identity(&dom);
    if (xc_libxl_offline_json(&dom, set, json, d) < 0 || d->nerrors)
        goto out;
    rc = 0;
out:
    xc_domain_free(&dom);
    xc_source_free(&src);
    return rc;
}

int xc_validate_run(const struct xc_validate_opts *o, const struct xc_settings *set,
                    FILE *out, FILE *err)
{
    struct xc_diags d = {0};
    char *json = NULL;
    int rc;

    if (o->from && strcmp(o->from, "auto") != 0 && !xc_convert_format(o->from, NULL)) {
        fprintf(err, "xenconv: unknown format '%s'\n", o->from);
        return 2;
    }
    rc = validate(o, set, &json, &d) == 0 ? 0 : 1;
    if (o->quiet) {
        struct xc_diags shown = {0};
        for (size_t i = 0; i < d.list.n; i++) {
            const struct xc_diag *g = &d.list.v[i];
            if (g->sev != XC_SEV_ERROR)
                continue;
            shown.file = g->file;
            xc_diag_add(&shown, g->sev, g->pos, g->check, "%s", g->msg);
        }
        xc_diags_print(&shown, err);
        xc_diags_free(&shown);
    } else {
        xc_diags_print(&d, err);
        if (rc == 0)
            fputs(json, out);
    }
    free(json);
    xc_diags_free(&d);
    if (rc == 0 && fflush(out) != 0) {
        fprintf(err, "xenconv: cannot write the JSON\n");
        rc = 1;
    }
    return rc;
}
