/* Device specs shared by the xl and xm writers: one function per list
 * item xen_common.c formats (vif, pci, serial/parallel, vfb), each
 * producing what libvirt 9.0.0 produces, except that a value which would
 * change the spec's meaning is refused (xen_write_sep.h) and every
 * dropped attribute is a loss warning. */
#include "xen_write.h"
#include "../../common/xalloc.h"
#include "xen_read.h"
#include "xen_write_sep.h"

#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static bool streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

bool xc_xenw_sep_ok(const char *v, struct xc_pos pos, const char *what,
                    const char *where, const char *forbid,
                    struct xc_diags *d)
{
    size_t n = strcspn(v, forbid);
    unsigned char c = (unsigned char)v[n];

    if (!c)
        return true;
    if (c < 0x20 || c == 0x7f)
        xc_error(d, pos, XCW_UNSAFE, "%s contains the control character "
                 "0x%02x, which %s cannot hold; refusing to write it", what,
                 c, where);
    else
        xc_error(d, pos, XCW_UNSAFE, "%s contains '%c', which has a special "
                 "meaning in %s; refusing to write it", what, c, where);
    return false;
}

int xc_xenw_spec_opt(struct xc_buf *spec, bool first, const char *key,
                     const struct xc_str *value, const char *what,
                     const char *where, struct xc_diags *d)
{
    const char *v = value->s ? value->s : "";

    if (!xc_xenw_sep_ok(v, value->pos, what, where, ",", d))
        return -1;
    xc_xenw_spec_append(spec, first, key, v);
    return 0;
}

int xc_xenw_append_checked(struct xc_buf *b, const struct xc_str *v,
                           const char *what, const char *where,
                           const char *forbid, struct xc_diags *d)
{
    if (!xc_xenw_check(v->s, v->pos, what, where, forbid, d))
        return -1;
    xc_buf_add(b, v->s);
    return 0;
}

/* ==== network interfaces =============================================== */

static void vif_warnings(const struct xc_net *net, bool ovs,
                         struct xc_diags *d)
{
    const char *mac = net->mac.s ? net->mac.s : "";

    if (net->portgroup.s)
        xc_lost(d, net->portgroup.pos, XCW_LOST,
                "interface %s: portgroup '%s'", mac, net->portgroup.s);
    if (net->driver_name.s)
        xc_lost(d, net->driver_name.pos, XCW_LOST,
                "interface %s: driver name '%s'", mac, net->driver_name.s);
    if (net->virtualport_type.s && !ovs)
        xc_lost(d, net->virtualport_type.pos, XCW_LOST,
                "interface %s: virtualport type '%s'", mac,
                net->virtualport_type.s);
    if (net->vlan_tags.n && !ovs)
        xc_lost(d, net->pos, XCW_LOST,
                "interface %s: <vlan> (carried only with an openvswitch "
                "virtualport on a bridge)", mac);
    if (net->has_out_average && (net->out_peak || net->out_burst))
        xc_lost(d, net->pos, XCW_LOST,
                "interface %s: outbound bandwidth peak/burst (only the "
                "average rate)", mac);
    /* libvirt writes no rate= for a zero average, so <bandwidth> goes */
    if (net->has_out_average && !net->out_average)
        xc_lost(d, net->pos, XCW_LOST,
                "interface %s: an outbound bandwidth average of 0 (no rate "
                "is written, as libvirt does)", mac);
    if (net->backend_domain.s)
        xc_lost(d, net->backend_domain.pos, XCW_LOST,
                "interface %s: backend domain '%s' (libvirt drops it)", mac,
                net->backend_domain.s);
    for (size_t i = 0; i < net->ips.n; i++)
        if (net->ips.v[i].has_prefix)
            xc_lost(d, net->ips.v[i].address.pos, XCW_LOST,
                    "interface %s: prefix of ip %s", mac,
                    net->ips.v[i].address.s ? net->ips.v[i].address.s : "");
}

static int append_ip(struct xc_buf *b, const struct xc_str *a,
                     struct xc_diags *d)
{
    struct addrinfo hints = {0}, *res = NULL;
    char host[1025]; /* NI_MAXHOST; getnameinfo fails rather than truncate */
    int rc = -1;

    /* xl's ip= is a space separated list */
    if (!xc_xenw_check(a->s, a->pos, "interface ip address", "a vif spec",
                      XCW_FORBID_SPEC " ", d))
        return -1;
    hints.ai_family = AF_UNSPEC;
    hints.ai_flags = AI_NUMERICHOST;
    if (getaddrinfo(a->s, NULL, &hints, &res) != 0 || !res ||
        getnameinfo(res->ai_addr, res->ai_addrlen, host, sizeof(host), NULL,
                    0, NI_NUMERICHOST) != 0) {
        xc_error(d, a->pos, XCW_UNSUPPORTED,
                 "interface ip '%s' is not a numeric IPv4 or IPv6 address",
                 a->s);
        goto out;
    }
    /* a scope id ("fe80::1%eth0") is the only text getnameinfo adds */
    {
        struct xc_str canon = {host, a->pos};
        if (xc_xenw_append_checked(b, &canon, "interface ip address", "a vif spec",
                           XCW_FORBID_SPEC " ", d) < 0)
            goto out;
    }
    rc = 0;
out:
    if (res)
        freeaddrinfo(res);
    return rc;
}

static int vif_ips(const struct xc_net *net, struct xc_buf *b,
                   struct xc_diags *d)
{
    if (!net->ips.n)
        return 0;
    xc_buf_add(b, ",ip=");
    for (size_t i = 0; i < net->ips.n; i++) {
        const struct xc_str *a = &net->ips.v[i].address;

        if (i)
            xc_buf_addc(b, ' ');
        if (!a->s) {
            xc_error(d, net->pos, XCW_UNSUPPORTED,
                     "interface ip %zu has no address", i + 1);
            return -1;
        }
        /* libvirt prints the address it parsed (virSocketAddrFormat):
         * numeric getaddrinfo, then numeric getnameinfo */
        if (append_ip(b, a, d) < 0)
            return -1;
    }
    return 0;
}

int xc_xenw_vif(const struct xc_net *net, bool hvm, const char *vif_typename,
                struct xc_buf *b, struct xc_diags *d)
{
    const char *where = "a vif spec";
    bool ovs = streq(net->virtualport_type.s, "openvswitch") &&
               net->type == XC_NET_BRIDGE;
    struct xc_str zero_mac = {(char *)"00:00:00:00:00:00", xc_nopos};

    if (xc_xenw_spec_opt(b, true, "mac", net->mac.s ? &net->mac : &zero_mac,
                         "interface MAC address", where, d) < 0)
        return -1;

    switch (net->type) {
    case XC_NET_BRIDGE: {
        const struct xc_str *script = &net->script;
        struct xc_str dflt = {(char *)(ovs ? "vif-openvswitch" : "vif-bridge"),
                              xc_nopos};

        if (!net->bridge.s) {
            /* The readers (libvirt's too) take a vif without bridge= as
             * type bridge by its script; libvirt wrote "bridge=(null)". */
            const char *s = script->s ? script->s : dflt.s;
            if ((!streq(s, "vif-bridge") && !streq(s, "vif-vnic")) ||
                (ovs && net->vlan_tags.n)) {
                xc_error(d, net->pos, XCW_UNSUPPORTED,
                         "interface of type 'bridge' has no source bridge "
                         "(without one, only script vif-bridge or vif-vnic "
                         "reads back as type 'bridge')");
                return -1;
            }
        } else if (xc_xenw_spec_opt(b, false, "bridge", &net->bridge,
                                    "interface bridge name", where, d) < 0) {
            return -1;
        }
        /* openvswitch: BRIDGE[.VLAN][:TRUNK:TRUNK...] */
        if (net->bridge.s && ovs && net->vlan_tags.n) {
            if (net->vlan_trunk || net->vlan_tags.n > 1) {
                for (size_t i = 0; i < net->vlan_tags.n; i++)
                    xc_buf_addf(b, ":%u", net->vlan_tags.v[i].id);
            } else {
                xc_buf_addf(b, ".%u", net->vlan_tags.v[0].id);
            }
        }
        if (vif_ips(net, b, d) < 0)
            return -1;
        if (xc_xenw_spec_opt(b, false, "script", script->s ? script : &dflt,
                             "interface script", where, d) < 0)
            return -1;
        break;
    }
    case XC_NET_ETHERNET:
        if (net->script.s &&
            xc_xenw_spec_opt(b, false, "script", &net->script,
                             "interface script", where, d) < 0)
            return -1;
        if (vif_ips(net, b, d) < 0)
            return -1;
        break;
    case XC_NET_NETWORK:
        xc_error(d, net->pos, XCW_UNSUPPORTED,
                 "interface of type 'network' (network '%s'): libvirt asks "
                 "its network driver for the bridge, which xenconv cannot "
                 "do; use an interface of type 'bridge'",
                 net->network.s ? net->network.s : "");
        return -1;
    default: {
        /* libvirt's zero net type is 'user' */
        const char *t = net->type == XC_NET_NONE
                            ? "user" : xc_enum_name(XC_T_NET_TYPE, net->type);
        xc_error(d, net->pos, XCW_UNSUPPORTED,
                 "Unsupported net type '%s'", t ? t : "?");
        return -1;
    }
    }

    if (net->model.s) {
        if (hvm && streq(net->model.s, "netfront")) {
            xc_buf_add(b, ",type=");
            xc_buf_add(b, vif_typename);
        } else if (xc_xenw_spec_opt(b, false, "model", &net->model,
                                    "interface model", where, d) < 0) {
            return -1;
        }
    }
    if (net->ifname.s &&
        xc_xenw_spec_opt(b, false, "vifname", &net->ifname,
                         "interface target dev", where, d) < 0)
        return -1;
    if (net->has_out_average && net->out_average)
        xc_buf_addf(b, ",rate=%" PRIu64 "KB/s", net->out_average);
    vif_warnings(net, ovs, d);
    return 0;
}

/* ==== host devices and controllers ===================================== */

void xc_xenw_hostdev_warnings(const struct xc_hostdev *hd, struct xc_diags *d)
{
    if (hd->managed == XC_TRI_YES)
        xc_lost(d, hd->pos, XCW_LOST,
                "hostdev managed='yes' (make the device assignable with xl "
                "pci-assignable-add / usb tools)");
    if (hd->driver_name.s && !streq(hd->driver_name.s, "xen"))
        xc_lost(d, hd->driver_name.pos, XCW_LOST,
                "hostdev driver name '%s'", hd->driver_name.s);
}

int xc_xenw_pci(const struct xc_hostdev *hd, struct xc_buf *b,
               struct xc_diags *d)
{
    xc_buf_addf(b, "%04x:%02x:%02x.%x", hd->pci.domain, hd->pci.bus,
                hd->pci.slot, hd->pci.function);
    if (hd->write_filtering == XC_TRI_YES)
        xc_buf_add(b, ",permissive=0");
    else if (hd->write_filtering == XC_TRI_NO)
        xc_buf_add(b, ",permissive=1");
    xc_xenw_hostdev_warnings(hd, d);
    return 0;
}

/* ==== character devices ================================================ */

/* The string is qemu's legacy chardev syntax, read back by
 * xc_xen_parse_chr as libvirt's xenParseSxprChar does: the type up to the
 * first ':'; a tcp or udp host up to the next ':', a tcp service up to a
 * ',' (options follow), a udp service up to an '@', a udp bind host up to
 * the next ':'; a unix path up to a ','; a file, pipe or device path to
 * the end.  Only a byte that would end its part early is refused: every
 * value the readers produce is written back (a ',' in a file path, a
 * control byte, a ')', a '\', which libvirt escaped, so that its own
 * reader got another path). */
static const char chr_where[] = "a qemu character device string";

static int chr_path(const struct xc_chr *c, const char *what,
                    const char *forbid, struct xc_buf *b, struct xc_diags *d)
{
    if (!c->path.s) {
        xc_error(d, c->pos, XCW_UNSUPPORTED, "%s has no source path", what);
        return -1;
    }
    if (c->type == XC_CHR_DEV && c->path.s[0] != '/') {
        xc_error(d, c->path.pos, XCW_UNSUPPORTED, "%s: device path '%s' "
                 "does not start with '/', which is how the string names a "
                 "device", what, c->path.s);
        return -1;
    }
    if (!xc_xenw_sep_ok(c->path.s, c->path.pos, what, chr_where, forbid, d))
        return -1;
    xc_buf_add(b, c->path.s);
    return 0;
}

static int chr_part(const struct xc_str *v, const char *what,
                    const char *forbid, struct xc_buf *b, struct xc_diags *d)
{
    if (!v->s)
        return 0;
    if (!xc_xenw_sep_ok(v->s, v->pos, what, chr_where, forbid, d))
        return -1;
    xc_buf_add(b, v->s);
    return 0;
}

int xc_xenw_chr(const struct xc_chr *c, const char *what, struct xc_buf *b,
               struct xc_diags *d)
{
    return xc_xenw_chr_spec(c, what, "", b, d);
}

int xc_xenw_chr_spec(const struct xc_chr *c, const char *what,
                     const char *path_forbid, struct xc_buf *b,
                     struct xc_diags *d)
{
    switch (c->type) {
    case XC_CHR_NONE: /* libvirt's zero chardev type is 'null' */
    case XC_CHR_NULL:
        xc_buf_add(b, "null");
        return 0;
    case XC_CHR_STDIO:
    case XC_CHR_VC:
    case XC_CHR_PTY:
        xc_buf_add(b, xc_enum_name(XC_T_CHR_TYPE, c->type));
        return 0;
    case XC_CHR_FILE:
    case XC_CHR_PIPE:
        xc_buf_add(b, xc_enum_name(XC_T_CHR_TYPE, c->type));
        xc_buf_addc(b, ':');
        return chr_path(c, what, path_forbid, b, d);
    case XC_CHR_DEV:
        return chr_path(c, what, path_forbid, b, d);
    case XC_CHR_TCP:
        if (c->protocol == XC_TCP_PROTO_TELNETS ||
            c->protocol == XC_TCP_PROTO_TLS)
            xc_lost(d, c->pos, XCW_LOST,
                    "%s: tcp protocol '%s' (written as telnet, as libvirt "
                    "does)", what,
                    xc_enum_name(XC_T_CHR_TCP_PROTOCOL, c->protocol));
        xc_buf_add(b, c->protocol == XC_TCP_PROTO_NONE ||
                              c->protocol == XC_TCP_PROTO_RAW
                          ? "tcp:" : "telnet:");
        if (chr_part(&c->host, what, ":", b, d) < 0)
            return -1;
        xc_buf_addc(b, ':');
        if (chr_part(&c->service, what, ",", b, d) < 0)
            return -1;
        if (c->listen)
            xc_buf_add(b, ",server,nowait");
        return 0;
    case XC_CHR_UDP:
        xc_buf_add(b, "udp:");
        if (chr_part(&c->host, what, ":", b, d) < 0)
            return -1;
        xc_buf_addc(b, ':');
        if (chr_part(&c->service, what, "@", b, d) < 0)
            return -1;
        xc_buf_addc(b, '@');
        if (chr_part(&c->bind_host, what, ":", b, d) < 0)
            return -1;
        xc_buf_addc(b, ':');
        return chr_part(&c->bind_service, what, "", b, d);
    case XC_CHR_UNIX:
        /* the path ends at the options */
        if (c->path.s && !xc_xenw_sep_ok(c->path.s, c->path.pos, what,
                                         chr_where, ",", d))
            return -1;
        xc_buf_add(b, "unix:");
        if (chr_path(c, what, path_forbid, b, d) < 0)
            return -1;
        if (c->listen)
            xc_buf_add(b, ",server,nowait");
        return 0;
    case XC_CHR_SPICEVMC:
    case XC_CHR_SPICEPORT:
        break;
    }
    xc_error(d, c->pos, XCW_UNSUPPORTED, "%s: unsupported chr device type '%s'",
             what, xc_enum_name(XC_T_CHR_TYPE, c->type));
    return -1;
}

/* ==== graphics ========================================================= */

bool xc_xenw_vnc_autoport(const struct xc_graphics *g)
{
    if (g->autoport == XC_TRI_YES)
        return true;
    if (g->autoport == XC_TRI_NO)
        return false;
    return !g->has_port || g->port == -1;
}

int xc_xenw_vnc_port(const struct xc_graphics *g)
{
    if (xc_xenw_vnc_autoport(g) || !g->has_port || g->port == -1)
        return 0;
    return g->port;
}

int xc_xenw_vfb(const struct xc_graphics *g, struct xc_buf *b,
               struct xc_diags *d)
{
    const char *where = "a vfb spec";

    if (g->type == XC_GFX_SDL) {
        xc_buf_add(b, "type=sdl");
        if (g->display.s &&
            xc_xenw_spec_opt(b, false, "display", &g->display,
                             "sdl display", where, d) < 0)
            return -1;
        if (g->xauth.s &&
            xc_xenw_spec_opt(b, false, "xauthority", &g->xauth,
                             "sdl xauth", where, d) < 0)
            return -1;
        return 0;
    }
    xc_buf_add(b, "type=vnc");
    xc_buf_addf(b, ",vncunused=%d", xc_xenw_vnc_autoport(g) ? 1 : 0);
    /* libvirt writes port - 5900 even without a port (-5900), which
     * neither xl nor the readers accept: no port, no vncdisplay. */
    if (!xc_xenw_vnc_autoport(g) && xc_xenw_vnc_port(g) != 0)
        xc_buf_addf(b, ",vncdisplay=%lld", (long long)xc_xenw_vnc_port(g) - 5900);
    if (g->listen.s &&
        xc_xenw_spec_opt(b, false, "vnclisten", &g->listen,
                         "vnc listen address", where, d) < 0)
        return -1;
    if (g->passwd.s &&
        xc_xenw_spec_opt(b, false, "vncpasswd", &g->passwd, "vnc password",
                         where, d) < 0)
        return -1;
    if (g->keymap.s &&
        xc_xenw_spec_opt(b, false, "keymap", &g->keymap, "vnc keymap", where,
                         d) < 0)
        return -1;
    /* libvirt's reader (and ours) takes any vfb holding "type=sdl" as
     * sdl; only a value can hold it */
    const struct xc_str *v[] = {&g->listen, &g->passwd, &g->keymap};
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        if (v[i]->s && strstr(v[i]->s, "type=sdl")) {
            xc_error(d, v[i]->pos, XCW_UNSAFE, "a vnc vfb spec holding "
                     "'type=sdl' reads back as an sdl display; refusing to "
                     "write it");
            return -1;
        }
    }
    return 0;
}

/* ==== sound ============================================================= */

int xc_xenw_soundhw(const struct xc_domain *dom, struct xc_buf *out,
                    struct xc_diags *d)
{
    int rc = 0;
    for (size_t i = 0; i < dom->sounds.n; i++) {
        const struct xc_sound *s = &dom->sounds.v[i];
        /* libvirt's zero sound model is sb16 */
        const char *m = s->model.s ? s->model.s : "sb16";
        if (!xc_xen_sound_model(m, strlen(m))) {
            xc_error(d, s->model.pos, XCW_UNSUPPORTED,
                     "unexpected sound model '%s'", m);
            rc = -1;
            continue;
        }
        if (i)
            xc_buf_addc(out, ',');
        xc_buf_add(out, m);
    }
    return rc;
}

/* ==== serial ports by number ============================================= */

unsigned xc_xenw_chr_port(const struct xc_chr *c)
{
    return c->has_target_port ? c->target_port : 0;
}

size_t *xc_xenw_serials_by_port(const struct xc_domain *dom, const char *fmt,
                                size_t *nports, struct xc_diags *d)
{
    unsigned maxport = 0;
    size_t *by_port;

    for (size_t i = 0; i < dom->serials.n; i++) {
        unsigned p = xc_xenw_chr_port(&dom->serials.v[i]);
        if (p > XC_XEN_SERIAL_PORT_MAX) {
            xc_error(d, dom->serials.v[i].pos, XCW_UNSUPPORTED,
                     "serial port %u: %s lists serial devices by port, and "
                     "xenconv refuses to write more than %d placeholders",
                     p, fmt, XC_XEN_SERIAL_PORT_MAX);
            return NULL;
        }
        if (p > maxport)
            maxport = p;
    }
    /* the first serial device on each port, as libvirt's lookup finds */
    by_port = xc_malloc(((size_t)maxport + 1) * sizeof(*by_port));
    for (size_t p = 0; p <= maxport; p++)
        by_port[p] = SIZE_MAX;
    for (size_t i = 0; i < dom->serials.n; i++) {
        unsigned p = xc_xenw_chr_port(&dom->serials.v[i]);
        if (by_port[p] == SIZE_MAX)
            by_port[p] = i;
        else
            xc_lost(d, dom->serials.v[i].pos, XCW_LOST,
                    "serial device on port %u (another one uses that port)",
                    p);
    }
    *nports = (size_t)maxport + 1;
    return by_port;
}

/* ==== clock ============================================================== */

int xc_xenw_clock(const struct xc_clock *c, bool hvm, int *localtime,
                  long long *rtc, struct xc_diags *d)
{
    const char *off = xc_enum_name(XC_T_CLOCK_OFFSET, c->offset);

    *localtime = 0;
    *rtc = 0;
    if (!hvm) {
        switch (c->offset) {
        case XC_CLOCK_NONE:
        case XC_CLOCK_UTC:
        case XC_CLOCK_LOCALTIME:
            /* adjustment='reset' is how libvirt reads every PV clock */
            *localtime = c->offset == XC_CLOCK_LOCALTIME;
            return 0;
        default:
            xc_error(d, xc_nopos, XCW_UNSUPPORTED,
                     "unsupported clock offset='%s' for a PV guest", off);
            return -1;
        }
    }
    switch (c->offset) {
    case XC_CLOCK_VARIABLE:
        *localtime = c->basis == XC_BASIS_LOCALTIME;
        *rtc = c->has_adjustment ? c->adjustment : 0;
        if (*rtc < INT_MIN || *rtc > INT_MAX) {
            xc_error(d, xc_nopos, XCW_UNSUPPORTED,
                     "clock adjustment %lld is out of range", *rtc);
            return -1;
        }
        return 0;
    case XC_CLOCK_NONE: /* libvirt's zero offset is utc */
    case XC_CLOCK_UTC:
    case XC_CLOCK_LOCALTIME:
        if (c->utc_reset) {
            xc_error(d, xc_nopos, XCW_UNSUPPORTED,
                     "unsupported clock adjustment='reset'");
            return -1;
        }
        *localtime = c->offset == XC_CLOCK_LOCALTIME;
        return 0;
    default:
        xc_error(d, xc_nopos, XCW_UNSUPPORTED,
                 "unsupported clock offset='%s'", off);
        return -1;
    }
}
