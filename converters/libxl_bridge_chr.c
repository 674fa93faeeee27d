/* Character devices: an HVM serial port as qemu's chardev string
 * (libvirt 9.0.0's libxlMakeChrdevStr) and Xen channels
 * (libxlPrepareChannel, libxlMakeChannel). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/xalloc.h"
#include "libxl_bridge_int.h"

/* libvirt's LIBXL_CHANNEL_DIR on Debian */
#define CHANNEL_DIR "/var/lib/libvirt/libxl/channel"

static char *fmt(const char *a, const char *b, const char *c, const char *e, const char *f)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + strlen(e) + strlen(f) + 1;
    char *s = xc_malloc(n);
    snprintf(s, n, "%s%s%s%s%s", a, b, c, e, f);
    return s;
}

static const char *nz(const char *s)
{
    return s ? s : "";
}

char *xlb_chrdev_str(struct xlb *b, const struct xc_chr *c)
{
    const char *type = xc_enum_name(XC_T_CHR_TYPE, (int)c->type);

    switch (c->type) {
    case XC_CHR_NULL:
    case XC_CHR_STDIO:
    case XC_CHR_VC:
    case XC_CHR_PTY:
        return xc_strdup(type);
    case XC_CHR_FILE:
    case XC_CHR_PIPE:
        return fmt(type, ":", nz(c->path.s), "", "");
    case XC_CHR_DEV:
        return xc_strdup(nz(c->path.s));
    case XC_CHR_UDP: {
        char *head = fmt("udp:", nz(c->host.s), ":", nz(c->service.s), "@");
        char *s = fmt(head, nz(c->bind_host.s), ":",
                      c->bind_service.s ? c->bind_service.s : "0", "");
        free(head);
        return s;
    }
    case XC_CHR_TCP: {
        char *head = fmt(c->protocol == XC_TCP_PROTO_TELNET ? "telnet:" : "tcp:",
                         nz(c->host.s), ":", nz(c->service.s), "");
        char *s = fmt(head, c->listen ? ",server,nowait" : "", "", "", "");
        free(head);
        return s;
    }
    case XC_CHR_UNIX:
        return fmt("unix:", nz(c->path.s), c->listen ? ",server,nowait" : "", "", "");
    case XC_CHR_NONE:
    case XC_CHR_SPICEVMC:
    case XC_CHR_SPICEPORT:
        break;
    }
    xc_error(b->d, c->pos, XLB_CHECK, "unsupported chardev '%s'", type ? type : "");
    return NULL;
}

static int channel(struct xlb *b, const struct xc_chr *c, libxl_device_channel *x)
{
    libxl_device_channel_init(x);
    if (!c->target_type.s || strcmp(c->target_type.s, "xen") != 0) {
        xc_error(b->d, c->pos, XLB_CHECK, "channel target type '%s' not supported (only xen)",
                 nz(c->target_type.s));
        return -1;
    }
    switch (c->type) {
    case XC_CHR_PTY:
        x->connection = LIBXL_CHANNEL_CONNECTION_PTY;
        break;
    case XC_CHR_UNIX:
        x->connection = LIBXL_CHANNEL_CONNECTION_SOCKET;
        if (c->path.s) {
            x->u.socket.path = xc_strdup(c->path.s);
        } else {
            /* libxlPrepareChannel: DIR/DOMAIN-TARGET */
            char *tail = fmt(nz(b->dom->name.s), "-",
                             c->target_name.s ? c->target_name.s : "unknown.sock", "", "");
            x->u.socket.path = fmt(CHANNEL_DIR, "/", tail, "", "");
            free(tail);
        }
        break;
    default:
        xc_error(b->d, c->pos, XLB_CHECK, "channel source type '%s' not supported",
                 nz(xc_enum_name(XC_T_CHR_TYPE, (int)c->type)));
        return -1;
    }
    if (!c->target_name.s) {
        xc_error(b->d, c->pos, XLB_CHECK, "channel target name missing");
        return -1;
    }
    x->name = xc_strdup(c->target_name.s);
    return 0;
}

int xlb_channels(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_config *cfg = b->cfg;

    if (dom->channels.n == 0)
        return 0;
    cfg->channels = xc_calloc(dom->channels.n, sizeof *cfg->channels);
    for (size_t i = 0; i < dom->channels.n; i++) {
        /* counted first, so that dispose frees a half-built one */
        cfg->num_channels = (int)i + 1;
        if (channel(b, &dom->channels.v[i], &cfg->channels[i]) < 0)
            return -1;
    }
    return 0;
}
