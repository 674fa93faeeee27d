/* Serial and parallel ports of an HVM image: xenFormatSxprChr's qemu
 * character device strings ("pty", "file:/path", "tcp:host:port,server,
 * nowait", ...), libvirt's (parallel ...) and its two forms of
 * (serial ...): one string for a lone port 0, else a list by port number
 * with "none" in the gaps.
 *
 * libvirt wrote these bare.  A spec is written bare when it can be (every
 * spec of the reference vectors is), else quoted (sxpr_escape.c).  Inside
 * the spec, a part that would change how qemu splits it (a ',' anywhere,
 * an '@' in a udp part) is refused at its position, as the xl and xm
 * writers refuse it (formats/xencommon/xen_write_safe.c). */
#include "sxpr_write.h"

#include <stdint.h>
#include <stdlib.h>

#include "../../common/xalloc.h"

/* Serial ports are listed by port number, with "none" in the gaps; a
 * port number this large would make the output dwarf the input (the same
 * limit as the xl writer's). */
enum { MAX_SERIAL_PORT = 4096 };

/* One spec as an atom. */
static void emit_chr(struct sxw *w, const struct xc_chr *c, const char *what)
{
    struct xc_buf spec = {0};

    if (xc_xenw_chr_spec(c, what, ",", &spec, w->d) < 0)
        w->failed = true;
    else
        xc_sxw_atom(w->b, xc_buf_str(&spec), XC_SXW_BARE_IF_SAFE);
    xc_buf_free(&spec);
}

static unsigned port_of(const struct xc_chr *c)
{
    return c->has_target_port ? c->target_port : 0;
}

/* (serial (A B none D)): by port number, the first device on each. */
static void serial_list(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    unsigned maxport = 0;
    size_t *by_port;

    for (size_t i = 0; i < dom->serials.n; i++) {
        unsigned p = port_of(&dom->serials.v[i]);
        if (p > MAX_SERIAL_PORT) {
            xc_sxw_error(w, dom->serials.v[i].pos, XCW_UNSUPPORTED,
                         "serial port %u: the sxpr lists serial devices by "
                         "port, and xenconv refuses to write more than %d "
                         "placeholders", p, MAX_SERIAL_PORT);
            return;
        }
        if (p > maxport)
            maxport = p;
    }
    by_port = xc_malloc(((size_t)maxport + 1) * sizeof(*by_port));
    for (size_t p = 0; p <= maxport; p++)
        by_port[p] = SIZE_MAX;
    for (size_t i = 0; i < dom->serials.n; i++) {
        unsigned p = port_of(&dom->serials.v[i]);
        if (by_port[p] == SIZE_MAX)
            by_port[p] = i;
        else
            xc_sxw_lost(w, dom->serials.v[i].pos, "serial device on port %u "
                        "(another one uses that port)", p);
    }
    xc_buf_add(w->b, "(serial (");
    for (size_t p = 0; p <= maxport; p++) {
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
    } else if (dom->serials.n > 1 || port_of(&dom->serials.v[0]) != 0) {
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
