/* Serial and parallel ports of an HVM image: xenFormatSxprChr's qemu
 * character device strings ("pty", "file:/path", "tcp:host:port,server,
 * nowait", ...), libvirt's (parallel ...) and its two forms of
 * (serial ...): one string for a lone port 0, else a list by port number
 * with "none" in the gaps.
 *
 * libvirt wrote these bare.  A spec is written bare when it can be (every
 * spec of the reference vectors is), else quoted (sxpr_escape.c), so the
 * atom holds any byte.  Inside the spec, only a part that would end early
 * when read back (a ',' in a unix path or tcp service, a ':' in a host,
 * an '@' in a udp service) is refused at its position, as the xl and xm
 * writers refuse it (formats/xencommon/xen_write_dev.c). */
#include "sxpr_write.h"

#include <stdint.h>
#include <stdlib.h>

#include "../../common/xalloc.h"

/* One spec as an atom. */
static void emit_chr(struct sxw *w, const struct xc_chr *c, const char *what)
{
    struct xc_buf spec = {0};

    if (xc_xenw_chr_spec(c, what, "", &spec, w->d) < 0)
        w->failed = true;
    else
        xc_sxw_atom(w->b, xc_buf_str(&spec), XC_SXW_BARE_IF_SAFE);
    xc_buf_free(&spec);
}

/* (serial (A B none D)): by port number, the first device on each. */
static void serial_list(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    size_t nports;
    size_t *by_port = xc_xenw_serials_by_port(dom, "the sxpr", &nports, w->d);

    if (!by_port) {
        w->failed = true;
        return;
    }
    xc_buf_add(w->b, "(serial (");
    for (size_t p = 0; p < nports; p++) {
        if (p)
            xc_buf_addc(w->b, ' ');
        if (by_port[p] == SIZE_MAX)
            xc_buf_add(w->b, "none");
        else
            emit_chr(w, &dom->serials.v[by_port[p]], "serial device");
    }
    xc_buf_add(w->b, "))");
    free(by_port);
}

void xc_sxw_parallel_serial(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;

    if (dom->parallels.n) {
        xc_buf_add(w->b, "(parallel ");
        emit_chr(w, &dom->parallels.v[0], "parallel device");
        xc_buf_addc(w->b, ')');
    } else {
        xc_buf_add(w->b, "(parallel none)");
    }
    for (size_t i = 1; i < dom->parallels.n; i++)
        xc_sxw_lost(w, dom->parallels.v[i].pos,
                    "parallel device %zu (only the first)", i + 1);

    if (!dom->serials.n) {
        xc_buf_add(w->b, "(serial none)");
    } else if (dom->serials.n > 1 || xc_xenw_chr_port(&dom->serials.v[0]) != 0) {
        serial_list(w);
    } else {
        xc_buf_add(w->b, "(serial ");
        emit_chr(w, &dom->serials.v[0], "serial device");
        xc_buf_addc(w->b, ')');
    }
}

void xc_sxw_chr_lost(struct sxw *w, const char *why)
{
    const struct xc_domain *dom = w->dom;

    for (size_t i = 0; i < dom->serials.n; i++)
        xc_sxw_lost(w, dom->serials.v[i].pos, "<serial> %s", why);
    for (size_t i = 0; i < dom->parallels.n; i++)
        xc_sxw_lost(w, dom->parallels.v[i].pos, "<parallel> %s", why);
}
