/* lint: what the readers, libvirt's post-parse defaults and the writer of
 * the other side say about a file, as lint findings.  No parsing here:
 * the diagnostics of the existing readers are renamed to lint checks.
 *   [syntax]                          -> syntax
 *   a loss (xc_lost: unused-key, ignored-value, unmodeled, ...)
 *                                     -> not-carried
 *   any other error or warning        -> bad-value (the reader's message)
 *   notes                             -> dropped (runtime state, guesses) */
#include <string.h>

#include "../common/buf.h"
#include "../formats/xml/xml.h"
#include "defaults.h"
#include "lint_int.h"
#include "native.h"

static void rename_diags(struct xcl_file *c, const struct xc_diags *d)
{
    for (size_t i = 0; i < d->list.n; i++) {
        const struct xc_diag *g = &d->list.v[i];
        enum xc_lint_check check;
        if (g->sev == XC_SEV_NOTE)
            continue;
        if (g->check && strcmp(g->check, "syntax") == 0)
            check = XC_LINT_SYNTAX;
        else if (g->lost && !(g->check && strncmp(g->check, "bad-", 4) == 0))
            check = XC_LINT_NOT_CARRIED;
        else
            check = XC_LINT_BAD_VALUE;
        xcl_add(c, check, g->sev, g->pos, "%s", g->msg);
    }
}

void xcl_reader(struct xcl_file *c)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    struct xc_buf out = {0};

    xc_domain_init(&dom);
    d.file = c->src->name;
    d.target = xc_target_name(c->to);
    enum xc_origin origin = c->from == &xc_format_xml ? XC_ORIGIN_XML
                                                      : XC_ORIGIN_NATIVE;
    if (c->from->read(c->src, c->set, &dom, &d) == 0 && d.nerrors == 0) {
        xcl_conflict_model(c, &dom);
        if (xc_defaults_apply(&dom, c->set, origin, &d) == 0 && d.nerrors == 0)
            c->to->write(&dom, c->set, &out, &d);
    }
    rename_diags(c, &d);
    xc_buf_free(&out);
    xc_diags_free(&d);
    xc_domain_free(&dom);
}
