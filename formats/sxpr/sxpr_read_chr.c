/* Character devices of xenParseSxpr: an HVM guest's image/hvm/serial (one
 * spec, or a list of specs with "none" for an unused port) and
 * image/hvm/parallel, each read by xenParseSxprChar (shared with the xl
 * and xm readers); a PV guest's console, which the sxpr never names. */
#include <string.h>

#include "../xencommon/xen_read.h"
#include "../xencommon/xen_write_sep.h"
#include "sxpr_read.h"

static void add_chr(struct sxr *r, xc_sx_id atom, unsigned port,
                    bool parallel)
{
    struct xc_chr c;

    if (xc_xen_parse_chr(xc_sx_text(r->t, atom), sxr_pos(r, atom), &c,
                         r->d) < 0) {
        r->failed = true;
        return;
    }
    c.has_target_port = true;
    c.target_port = port;
    if (parallel)
        *xc_vec_push(&r->dom->parallels) = c;
    else
        *xc_vec_push(&r->dom->serials) = c;
}

/* (serial (SPEC SPEC ...)): port i for the i-th item, "none" skipping a
 * port.  true when such a list was there (even of "none" only). */
static bool read_serial_list(struct sxr *r, xc_sx_id key)
{
    const struct xc_sx_tree *t = r->t;
    unsigned skipped = 0;
    bool multiple = false;

    for (xc_sx_id it = sxr_value_id(r, key); it; it = xc_sx_next(t, it)) {
        if (!xc_sx_is_list(t, it))
            continue;
        sxr_mark(r, it);
        for (xc_sx_id e = xc_sx_first(t, it); e; e = xc_sx_next(t, e)) {
            multiple = true;
            if (!xc_sx_is_atom(t, e)) {
                sxr_error(r, sxr_pos(r, e), "bad-value", "image/hvm/serial: "
                          "a list inside the list of serial devices "
                          "(expected device strings or none)");
                continue;
            }
            sxr_mark(r, e);
            if (strcmp(xc_sx_text(r->t, e), "none") == 0) {
                skipped++;
                continue;
            }
            size_t port = r->dom->serials.n + skipped;
            if (port > XC_XEN_SERIAL_PORT_MAX) {
                sxr_error(r, sxr_pos(r, e), "unsupported", "image/hvm/serial: "
                          "port %zu, past port %d (qemu emulates four serial "
                          "ports; the writers list ports up to %d)", port,
                          XC_XEN_SERIAL_PORT_MAX, XC_XEN_SERIAL_PORT_MAX);
                return true;
            }
            add_chr(r, e, (unsigned)port, false);
        }
    }
    return multiple;
}

int sxr_read_chardevs(struct sxr *r)
{
    xc_sx_id image = sxr_key(r, r->root, "image");

    if (!r->hvm) {
        /* libvirt fakes the PV console, which the sxpr does not hold */
        if (!(r->dom->has_id && r->dom->id == 0)) {
            struct xc_chr *c = xc_vec_push(&r->dom->consoles);
            c->type = XC_CHR_PTY;
            c->has_target_port = true;
            xc_str_set(&c->target_type, "xen", xc_nopos);
        }
        return 0;
    }

    xc_sx_id key = sxr_lookup(r, image, "hvm/serial");
    if (key && !read_serial_list(r, key)) {
        xc_sx_id v = sxr_value_id(r, key);
        if (xc_sx_is_atom(r->t, v)) {
            sxr_mark(r, v);
            if (strcmp(xc_sx_text(r->t, v), "none") != 0)
                add_chr(r, v, 0, false);
        }
    }

    xc_sx_id v;
    const char *s = sxr_node(r, image, "hvm/parallel", &v);
    if (s && strcmp(s, "none") != 0)
        add_chr(r, v, 0, true);
    return r->failed ? -1 : 0;
}
