/* Devices of xenFormatSxpr: (device (vbd|tap|tap2 ...)) per disk
 * (xenFormatSxprDisk), (device (vif ...)) per interface
 * (xenFormatSxprNet) and one (device (pci (dev ...)...)) for all PCI host
 * devices (xenFormatSxprAllPCI). */
#include "sxpr_write.h"
#include "../xencommon/xen_write_sep.h"

#include <inttypes.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>

/* ==== disks ============================================================== */

static bool has_prefix(const char *s, const char *p)
{
    return s && strncmp(s, p, strlen(p)) == 0;
}

/* The bus libvirt infers from a target name (as converters/defaults
 * does): xend infers it the same way, so only another bus is lost. */
static enum xc_disk_bus implied_bus(const struct xc_disk *k)
{
    const char *t = k->target.s;

    if (k->device == XC_DISK_DEV_FLOPPY)
        return XC_BUS_FDC;
    if (has_prefix(t, "sd"))
        return XC_BUS_SCSI;
    if (has_prefix(t, "vd"))
        return XC_BUS_VIRTIO;
    if (has_prefix(t, "xvd"))
        return XC_BUS_XEN;
    if (has_prefix(t, "ubd"))
        return XC_BUS_NONE;
    return XC_BUS_IDE;
}

static void disk_losses(struct sxw *w, const struct xc_disk *k, bool tap)
{
    const char *t = xc_sxw_s(&k->target);
    const struct xc_disk_rare *n = xc_disk_rare_ro(k);

    if (k->readonly && k->shareable)
        xc_sxw_lost(w, k->pos, "disk '%s': <shareable/> of a read-only disk "
                    "(written as read-only)", t);
    const struct xc_str *cache = &xc_disk_rare_ro(k)->driver_cache;
    if (cache->s)
        xc_sxw_lost(w, cache->pos, "disk '%s': driver cache '%s'", t, cache->s);
    /* only blktap names a format; raw is what the others are */
    if (!tap && k->driver_type.s && !xc_sxw_streq(k->driver_type.s, "raw"))
        xc_sxw_lost(w, k->driver_type.pos, "disk '%s': driver type '%s' "
                    "(only a tap or tap2 driver carries a format)", t,
                    k->driver_type.s);
    if (k->bus != XC_BUS_NONE && k->bus != implied_bus(k))
        xc_sxw_lost(w, k->pos, "disk '%s': bus '%s' (xend takes the bus from "
                    "the target name)", t, xc_enum_name(XC_T_DISK_BUS, k->bus));
    if (k->removable != XC_TRI_ABSENT)
        xc_sxw_lost(w, k->pos, "disk '%s': removable=", t);
    if (n->script.s)
        xc_sxw_lost(w, n->script.pos, "disk '%s': script '%s'", t,
                    n->script.s);
    if (k->type == XC_DISK_NETWORK)
        xc_sxw_lost(w, n->protocol.s ? n->protocol.pos : k->pos,
                    "disk '%s': network protocol '%s' and its hosts", t,
                    xc_sxw_s(&n->protocol));
    if (n->auth_user.s || n->secret_type.s || n->secret_usage.s ||
        n->secret_uuid.s)
        xc_sxw_lost(w, n->auth_user.s ? n->auth_user.pos : k->pos,
                    "disk '%s': <auth>", t);
    if (n->snapshot.s)
        xc_sxw_lost(w, n->snapshot.pos, "disk '%s': <snapshot>", t);
    if (n->config_file.s)
        xc_sxw_lost(w, n->config_file.pos, "disk '%s': <config>", t);
}

/* A field of a colon-separated value (dev 'hda:disk', uname
 * 'tap:aio:/p'): xend splits at the colon, so one in the field would
 * move what follows into another field.  Any other byte is the atom's. */
static bool colon_free(struct sxw *w, const struct xc_str *v, const char *what)
{
    if (!xc_xenw_sep_ok(xc_sxw_s(v), v->pos, what, "a disk's dev or uname",
                        ":", w->d)) {
        w->failed = true;
        return false;
    }
    return true;
}

/* (uname 'DRIVER:[TYPE:]SRC') or (uname 'file:SRC' | 'phy:SRC'). */
static void disk_uname(struct sxw *w, const struct xc_disk *k, const char *src,
                       bool tap)
{
    struct xc_buf u = {0};
    const char *driver = k->driver_name.s;

    if (driver) {
        if (!colon_free(w, &k->driver_name, "disk driver name"))
            goto out;
        xc_buf_add(&u, driver);
        xc_buf_addc(&u, ':');
        if (tap) {
            const char *type = k->driver_type.s;
            if (!type || xc_sxw_streq(type, "raw"))
                type = "aio";
            else if (!colon_free(w, &k->driver_type, "disk driver type"))
                goto out;
            xc_buf_add(&u, type);
            xc_buf_addc(&u, ':');
        }
    } else if (k->type == XC_DISK_FILE) {
        xc_buf_add(&u, "file:");
    } else if (k->type == XC_DISK_BLOCK) {
        xc_buf_add(&u, src[0] == '/' ? "phy:" : "phy:/dev/");
    } else {
        xc_sxw_error(w, k->pos, XCW_UNSUPPORTED, "unsupported disk type %s",
                     k->type ? xc_enum_name(XC_T_DISK_TYPE, k->type) : "none");
        goto out;
    }
    xc_buf_add(&u, src);
    xc_sxw_kv(w, "uname", xc_buf_str(&u));
out:
    xc_buf_free(&u);
}

static void fmt_disk(struct sxw *w, const struct xc_disk *k)
{
    const char *driver = k->driver_name.s;
    bool tap = xc_sxw_streq(driver, "tap"), tap2 = xc_sxw_streq(driver, "tap2");
    const char *src = k->type == XC_DISK_NETWORK ? xc_disk_rare_ro(k)->source_name.s
                                                 : k->source.s;
    struct xc_buf dev = {0};

    /* xend took an HVM guest's floppies in the image; libvirt wrote none */
    if (w->hvm && k->device == XC_DISK_DEV_FLOPPY) {
        xc_sxw_lost(w, k->pos, "floppy disk '%s' of an HVM guest (libvirt "
                    "wrote no floppy for xend)", xc_sxw_s(&k->target));
        return;
    }
    if (!k->target.s) {
        xc_sxw_error(w, k->pos, XCW_UNSUPPORTED, "disk has no target dev");
        return;
    }
    if (k->transient) {
        xc_sxw_error(w, k->pos, XCW_UNSUPPORTED,
                     "transient disks not supported yet");
        return;
    }
    if (!colon_free(w, &k->target, "disk target dev"))
        return;

    xc_buf_add(w->b, tap ? "(device (tap " : tap2 ? "(device (tap2 "
                                                  : "(device (vbd ");
    xc_buf_add(&dev, k->target.s);
    if (w->hvm)
        xc_buf_add(&dev, k->device == XC_DISK_DEV_CDROM ? ":cdrom" : ":disk");
    else if (k->device == XC_DISK_DEV_CDROM)
        xc_buf_add(&dev, ":cdrom");
    xc_sxw_kv(w, "dev", xc_buf_str(&dev));
    xc_buf_free(&dev);

    if (src)
        disk_uname(w, k, src, tap || tap2);
    xc_buf_add(w->b, k->readonly ? "(mode 'r')"
                     : k->shareable ? "(mode 'w!')" : "(mode 'w')");
    xc_buf_add(w->b, "))");
    disk_losses(w, k, tap || tap2);
}

void xc_sxw_disks(struct sxw *w)
{
    for (size_t i = 0; i < w->dom->disks.n; i++)
        fmt_disk(w, &w->dom->disks.v[i]);
}

/* ==== interfaces ========================================================= */

static void net_losses(struct sxw *w, const struct xc_net *n)
{
    const char *mac = xc_sxw_s(&n->mac);

    if (n->portgroup.s)
        xc_sxw_lost(w, n->portgroup.pos, "interface %s: portgroup '%s'", mac,
                    n->portgroup.s);
    if (n->driver_name.s)
        xc_sxw_lost(w, n->driver_name.pos, "interface %s: driver name '%s'",
                    mac, n->driver_name.s);
    if (n->virtualport_type.s)
        xc_sxw_lost(w, n->virtualport_type.pos,
                    "interface %s: virtualport type '%s'", mac,
                    n->virtualport_type.s);
    if (n->vlan_tags.n)
        xc_sxw_lost(w, n->pos, "interface %s: <vlan>", mac);
    if (n->has_out_average && (n->out_peak || n->out_burst))
        xc_sxw_lost(w, n->pos, "interface %s: outbound bandwidth peak/burst "
                    "(only the average rate)", mac);
    /* libvirt writes no (rate) for a zero average, so <bandwidth> goes */
    if (n->has_out_average && !n->out_average)
        xc_sxw_lost(w, n->pos, "interface %s: an outbound bandwidth average "
                    "of 0 (no rate is written, as libvirt does)", mac);
    if (n->backend_domain.s)
        xc_sxw_lost(w, n->backend_domain.pos, "interface %s: backend domain "
                    "'%s'", mac, n->backend_domain.s);
    for (size_t i = 0; i < n->ips.n; i++)
        if (n->ips.v[i].has_prefix)
            xc_sxw_lost(w, n->ips.v[i].address.pos, "interface %s: prefix of "
                        "ip %s", mac, xc_sxw_s(&n->ips.v[i].address));
    if (n->ifname.s && has_prefix(n->ifname.s, "vif"))
        xc_sxw_lost(w, n->ifname.pos, "interface %s: target dev '%s' (xend "
                    "names vif* interfaces itself; libvirt left them out)", mac,
                    n->ifname.s);
}

/* (ip 'ADDR') as libvirt printed the address it parsed
 * (virSocketAddrFormat: numeric getaddrinfo, then numeric getnameinfo).
 * libvirt's formatter takes exactly one. */
static void net_ip(struct sxw *w, const struct xc_net *n)
{
    const struct xc_str *a;
    struct addrinfo hints = {0}, *res = NULL;
    char host[1025]; /* NI_MAXHOST; getnameinfo fails rather than truncate */

    if (!n->ips.n)
        return;
    if (n->ips.n > 1) {
        xc_sxw_error(w, n->ips.v[1].address.pos, XCW_UNSUPPORTED,
                     "Driver does not support setting multiple IP addresses");
        return;
    }
    a = &n->ips.v[0].address;
    hints.ai_family = AF_UNSPEC;
    hints.ai_flags = AI_NUMERICHOST;
    if (!a->s || getaddrinfo(a->s, NULL, &hints, &res) != 0 || !res ||
        getnameinfo(res->ai_addr, res->ai_addrlen, host, sizeof(host), NULL, 0,
                    NI_NUMERICHOST) != 0)
        xc_sxw_error(w, a->s ? a->pos : n->pos, XCW_UNSUPPORTED,
                     "interface ip '%s' is not a numeric IPv4 or IPv6 "
                     "address", xc_sxw_s(a));
    else
        xc_sxw_kv(w, "ip", host);
    if (res)
        freeaddrinfo(res);
}

static void fmt_net(struct sxw *w, const struct xc_net *n)
{
    if (n->type == XC_NET_NETWORK) {
        xc_sxw_error(w, n->pos, XCW_UNSUPPORTED,
                     "interface of type 'network' (network '%s'): libvirt "
                     "asks its network driver for the bridge, which xenconv "
                     "cannot do; use an interface of type 'bridge'",
                     xc_sxw_s(&n->network));
        return;
    }
    if (n->type != XC_NET_BRIDGE && n->type != XC_NET_ETHERNET) {
        /* libvirt's zero net type is 'user' */
        xc_sxw_error(w, n->pos, XCW_UNSUPPORTED, "unsupported network type "
                     "'%s'", n->type ? xc_enum_name(XC_T_NET_TYPE, n->type)
                                     : "user");
        return;
    }
    /* without (bridge), the readers (libvirt's too) take the vif as type
     * bridge only by (script 'vif-bridge'); libvirt wrote no (bridge) */
    if (n->type == XC_NET_BRIDGE && !n->bridge.s && n->script.s &&
        !xc_sxw_streq(n->script.s, "vif-bridge")) {
        xc_sxw_error(w, n->pos, XCW_UNSUPPORTED,
                     "interface of type 'bridge' has no source bridge "
                     "(without one, only script vif-bridge reads back as "
                     "type 'bridge')");
        return;
    }

    xc_buf_add(w->b, "(device (vif ");
    xc_sxw_kv(w, "mac", n->mac.s ? n->mac.s : "00:00:00:00:00:00");
    if (n->has_out_average && n->out_average)
        xc_buf_addf(w->b, "(rate '%" PRIu64 "KB/s')", n->out_average);
    if (n->type == XC_NET_BRIDGE) {
        if (n->bridge.s)
            xc_sxw_kv(w, "bridge", n->bridge.s);
        xc_sxw_kv(w, "script", n->script.s ? n->script.s : "vif-bridge");
    } else if (n->script.s) {
        xc_sxw_kv(w, "script", n->script.s);
    }
    net_ip(w, n);
    if (n->ifname.s && !has_prefix(n->ifname.s, "vif"))
        xc_sxw_kv(w, "vifname", n->ifname.s);
    if (n->model.s) {
        if (w->hvm && xc_sxw_streq(n->model.s, "netfront"))
            xc_buf_add(w->b, "(type netfront)");
        else
            xc_sxw_kv(w, "model", n->model.s);
    }
    xc_buf_add(w->b, "))");
    net_losses(w, n);
}

void xc_sxw_nets(struct sxw *w)
{
    for (size_t i = 0; i < w->dom->nets.n; i++)
        fmt_net(w, &w->dom->nets.v[i]);
}

/* ==== PCI host devices =================================================== */

void xc_sxw_pci(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    bool any = false;

    for (size_t i = 0; i < dom->hostdevs.n; i++) {
        const struct xc_hostdev *hd = &dom->hostdevs.v[i];

        if (hd->type != XC_HOSTDEV_PCI) {
            xc_sxw_lost(w, hd->pos, "%s <hostdev>",
                        hd->type == XC_HOSTDEV_USB ? "USB" : "untyped");
            continue;
        }
        if (hd->managed == XC_TRI_YES) {
            xc_sxw_error(w, hd->pos, XCW_UNSUPPORTED,
                         "managed PCI devices not supported with XenD");
            continue;
        }
        /* one (device (pci ...)) holds every device */
        if (!any)
            xc_buf_add(w->b, "(device (pci ");
        any = true;
        xc_buf_addf(w->b, "(dev (domain 0x%04x)(bus 0x%02x)(slot 0x%02x)"
                    "(func 0x%x))", hd->pci.domain, hd->pci.bus, hd->pci.slot,
                    hd->pci.function);
        if (hd->write_filtering != XC_TRI_ABSENT)
            xc_sxw_lost(w, hd->pos, "PCI hostdev writeFiltering= (xend's "
                        "permissive setting, which libvirt never wrote)");
        if (hd->driver_name.s && !xc_sxw_streq(hd->driver_name.s, "xen"))
            xc_sxw_lost(w, hd->driver_name.pos, "hostdev driver name '%s'",
                        hd->driver_name.s);
    }
    if (any)
        xc_buf_add(w->b, "))");
}
