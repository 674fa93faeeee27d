/* Character devices: libxl's PV console, ISA serial port numbers, the
 * per-device chr post-parse (console target type, target ports), and the
 * HVM console <-> serial0 aliasing of virDomainDefAddConsoleCompat. */
#include "defaults_priv.h"

#include <stdlib.h>

/* libxl: a PV / PVH domain always has a PV console. */
void dflt_pv_console(struct dflt *st)
{
    struct xc_domain *dom = st->dom;

    if (dflt_hvm(st) || dom->consoles.n > 0)
        return;
    struct xc_chr *c = xc_vec_push(&dom->consoles);
    c->type = XC_CHR_PTY;
    c->has_target_port = true;
    c->target_port = 0;
    xc_str_set(&c->target_type, "xen", xc_nopos);
}

enum { ISA_SERIAL_PORTS = 4 };

int dflt_isa_serials(struct dflt *st)
{
    struct xc_domain *dom = st->dom;
    bool used[ISA_SERIAL_PORTS] = {false};
    size_t count = 0;

    for (size_t i = 0; i < dom->serials.n; i++) {
        struct xc_chr *c = &dom->serials.v[i];
        if (!dflt_streq(&c->target_type, "isa-serial"))
            continue;
        if (count++ >= ISA_SERIAL_PORTS ||
            (c->has_target_port && c->target_port >= ISA_SERIAL_PORTS)) {
            xc_error(st->d, c->pos, DFLT_CHECK,
                     "Maximum supported number of ISA serial ports is '%d'",
                     ISA_SERIAL_PORTS);
            return -1;
        }
        if (c->has_target_port) {
            if (used[c->target_port]) {
                xc_error(st->d, c->pos, DFLT_CHECK,
                         "target port '%u' already allocated", c->target_port);
                return -1;
            }
            used[c->target_port] = true;
        }
    }
    for (size_t i = 0; i < dom->serials.n; i++) {
        struct xc_chr *c = &dom->serials.v[i];
        if (!dflt_streq(&c->target_type, "isa-serial") || c->has_target_port)
            continue;
        for (unsigned j = 0; j < ISA_SERIAL_PORTS; j++)
            if (!used[j]) {
                c->target_port = j;
                c->has_target_port = true;
                used[j] = true;
                break;
            }
    }
    return 0;
}

static bool arch_is_x86(const struct xc_domain *dom)
{
    const char *a = dom->os.arch.s;
    return a && (strcmp(a, "x86_64") == 0 || strcmp(a, "i686") == 0);
}

/* virDomainChrDefPostParse for one serial / parallel / console; *maxport
 * is the highest target port of its list (-1: none), kept up to date. */
static int chr_post_parse(struct dflt *st, struct xc_chr *c, bool console,
                          long *maxport)
{
    if (console && !xc_str_isset(&c->target_type))
        /* libxl's callback runs first: PV consoles are xen ones */
        xc_str_set(&c->target_type, dflt_hvm(st) ? "serial" : "xen", c->pos);

    if (!console && dflt_streq(&c->target_type, "isa-debug") &&
        !arch_is_x86(st->dom)) {
        xc_error(st->d, c->target_type.pos, DFLT_CHECK,
                 "isa-debug serial type only valid on x86 architecture");
        return -1;
    }

    if (!c->has_target_port) {
        c->target_port = (unsigned)(*maxport + 1);
        c->has_target_port = true;
        *maxport = c->target_port;
    }
    return 0;
}

static long list_max_port(const struct xc_chr *v, size_t n)
{
    long max = -1;
    for (size_t i = 0; i < n; i++)
        if (v[i].has_target_port && (long)v[i].target_port > max)
            max = v[i].target_port;
    return max;
}

static int chr_list(struct dflt *st, struct xc_chr *v, size_t n, bool console)
{
    long max = list_max_port(v, n);
    for (size_t i = 0; i < n; i++)
        if (chr_post_parse(st, &v[i], console, &max) < 0)
            return -1;
    return 0;
}

int dflt_chr_lists(struct dflt *st)
{
    struct xc_domain *dom = st->dom;

    /* channels have no post-parse step in libvirt or libxl */
    if (chr_list(st, dom->serials.v, dom->serials.n, false) < 0 ||
        chr_list(st, dom->parallels.v, dom->parallels.n, false) < 0 ||
        chr_list(st, dom->consoles.v, dom->consoles.n, true) < 0)
        return -1;
    return 0;
}

int dflt_serial0(struct dflt *st)
{
    struct xc_domain *dom = st->dom;

    if (dom->serials.n == 0)
        return 0;
    long max = list_max_port(dom->serials.v, dom->serials.n);
    return chr_post_parse(st, &dom->serials.v[0], false, &max);
}

/* ---- virDomainDefAddConsoleCompat ----------------------------------- */

static bool str_eq(const struct xc_str *a, const struct xc_str *b)
{
    if (!a->s || !b->s)
        return a->s == b->s;
    return strcmp(a->s, b->s) == 0;
}

/* virDomainChrSourceDefIsEqual, on what the model holds */
static bool source_equal(const struct xc_chr *a, const struct xc_chr *b)
{
    if (a->type != b->type)
        return false;
    switch (a->type) {
    case XC_CHR_FILE:
    case XC_CHR_PTY:
    case XC_CHR_DEV:
    case XC_CHR_PIPE:
        return str_eq(&a->path, &b->path);
    case XC_CHR_UDP:
        return str_eq(&a->bind_host, &b->bind_host) &&
               str_eq(&a->bind_service, &b->bind_service) &&
               str_eq(&a->host, &b->host) && str_eq(&a->service, &b->service);
    case XC_CHR_TCP:
        return a->listen == b->listen && a->protocol == b->protocol &&
               str_eq(&a->host, &b->host) && str_eq(&a->service, &b->service);
    case XC_CHR_UNIX:
        return a->listen == b->listen && str_eq(&a->path, &b->path);
    case XC_CHR_SPICEPORT:
        return str_eq(&a->path, &b->path);
    case XC_CHR_NONE:
    case XC_CHR_NULL:
    case XC_CHR_VC:
    case XC_CHR_STDIO:
    case XC_CHR_SPICEVMC:
        break;
    }
    return true;
}

static void chr_clear(struct xc_chr *c)
{
    struct xc_str *strs[] = {&c->path, &c->host, &c->service, &c->bind_host,
                             &c->bind_service, &c->target_type, &c->target_name};
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
        xc_str_clear(strs[i]);
    *c = (struct xc_chr){0};
}

/* The stub console that stands for serials[0] in an HVM domain: the XML
 * writer prints serials[0]'s source for it. */
static void console_stub(struct xc_chr *c, struct xc_pos pos)
{
    *c = (struct xc_chr){.pos = pos};
    xc_str_set(&c->target_type, "serial", pos);
}

int dflt_console_compat(struct dflt *st)
{
    struct xc_domain *dom = st->dom;

    for (size_t i = 1; i < dom->consoles.n; i++)
        if (dflt_streq(&dom->consoles.v[i].target_type, "serial")) {
            xc_error(st->d, dom->consoles.v[i].target_type.pos, DFLT_CHECK,
                     "Only the first console can be a serial port");
            return -1;
        }
    if (!dflt_hvm(st))
        return 0;

    if (dom->consoles.n > 0 &&
        (!xc_str_isset(&dom->consoles.v[0].target_type) ||
         dflt_streq(&dom->consoles.v[0].target_type, "serial"))) {
        struct xc_chr *cons = &dom->consoles.v[0];
        struct xc_pos pos = cons->pos;
        if (dom->serials.n == 0) {
            /* the console becomes serial 0 */
            struct xc_chr *ser = xc_vec_push(&dom->serials);
            cons = &dom->consoles.v[0];
            *ser = *cons;
            xc_str_clear(&ser->target_type);
            ser->has_target_port = true;
            ser->target_port = 0;
            console_stub(cons, pos);
        } else if (!source_equal(&dom->serials.v[0], cons)) {
            chr_clear(cons);
            console_stub(cons, pos);
        }
        return 0;
    }

    if (dom->serials.n > 0) {
        static const char *const stubbed[] = {
            "isa-serial", "spapr-vio-serial", "system-serial", "sclp-serial", NULL};
        const struct xc_chr *ser = &dom->serials.v[0];
        bool stub = !xc_str_isset(&ser->target_type);
        for (size_t i = 0; !stub && stubbed[i]; i++)
            stub = dflt_streq(&ser->target_type, stubbed[i]);
        if (!stub)
            return 0;
        /* insert a stub console at the front */
        struct xc_pos pos = ser->pos;
        xc_vec_push(&dom->consoles);
        memmove(&dom->consoles.v[1], &dom->consoles.v[0],
                (dom->consoles.n - 1) * sizeof(dom->consoles.v[0]));
        console_stub(&dom->consoles.v[0], pos);
    }
    return 0;
}
