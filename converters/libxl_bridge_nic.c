/* Network interfaces: libvirt 9.0.0's libxlMakeNic and libxlMakeNicList
 * (type='hostdev' interfaces are PCI devices: libxl_bridge_hostdev.c). */
#include <stdio.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/xalloc.h"
#include "libxl_bridge_int.h"

static int mac(struct xlb *b, const struct xc_net *n, libxl_mac m)
{
    unsigned v[6];
    char end;
    if (!n->mac.s) {
        /* libvirt generates one at parse time; so does libxl when unset */
        return 0;
    }
    if (sscanf(n->mac.s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &v[0], &v[1], &v[2], &v[3],
               &v[4], &v[5], &end) != 6) {
        xc_error(b->d, n->mac.pos, XLB_CHECK, "invalid MAC address '%s'", n->mac.s);
        return -1;
    }
    for (int i = 0; i < 6; i++)
        m[i] = (uint8_t)v[i];
    return 0;
}

static char *ip_list(const struct xc_net *n)
{
    struct xc_buf o = {0};
    for (size_t i = 0; i < n->ips.n; i++) {
        if (i)
            xc_buf_addc(&o, ' ');
        xc_buf_add(&o, n->ips.v[i].address.s ? n->ips.v[i].address.s : "");
    }
    return xc_buf_steal(&o);
}

static int nic(struct xlb *b, const struct xc_net *n, libxl_device_nic *x)
{
    const char *script = n->script.s;

    if (script && n->type != XC_NET_BRIDGE && n->type != XC_NET_ETHERNET) {
        xc_error(b->d, n->script.pos, XLB_CHECK,
                 "specifying a script is only supported with interface types bridge and ethernet");
        return -1;
    }
    if (mac(b, n, x->mac) < 0)
        return -1;
    if (n->model.s) {
        bool netfront = strcmp(n->model.s, "netfront") == 0;
        if (!b->hvm && !netfront) {
            xc_error(b->d, n->model.pos, XLB_CHECK,
                     "only model 'netfront' is supported for Xen PV(H) domains");
            return -1;
        }
        x->model = xc_strdup(n->model.s);
        x->nictype = netfront ? LIBXL_NIC_TYPE_VIF : LIBXL_NIC_TYPE_VIF_IOEMU;
    } else {
        x->nictype = b->hvm ? LIBXL_NIC_TYPE_VIF_IOEMU : LIBXL_NIC_TYPE_VIF;
    }
    x->ifname = xlb_strdup(n->ifname.s);

    switch (n->type) {
    case XC_NET_BRIDGE: {
        struct xc_buf br = {0};
        xc_buf_add(&br, n->bridge.s ? n->bridge.s : "");
        if (n->virtualport_type.s && strcmp(n->virtualport_type.s, "openvswitch") == 0) {
            if (!script)
                script = "vif-openvswitch";
            /* BRIDGE[.VLAN][:TRUNK:TRUNK] */
            for (size_t i = 0; i < n->vlan_tags.n; i++) {
                if (!n->vlan_trunk && i > 0)
                    break;
                xc_buf_addf(&br, "%c%u", n->vlan_trunk ? ':' : '.', n->vlan_tags.v[i].id);
            }
        }
        x->bridge = xc_buf_steal(&br);
    }
        /* fall through */
    case XC_NET_ETHERNET:
        x->script = xlb_strdup(script);
        if (n->ips.n > 0)
            x->ip = ip_list(n);
        break;
    case XC_NET_NETWORK:
        xc_error(b->d, n->network.s ? n->network.pos : n->pos, XLB_CHECK,
                 "network '%s': its bridge is known only to libvirtd; use <interface type='bridge'>",
                 n->network.s ? n->network.s : "");
        return -1;
    default:
        xc_error(b->d, n->pos, XLB_CHECK, "unsupported interface type %s",
                 xc_enum_name(XC_T_NET_TYPE, (int)n->type));
        return -1;
    }
    x->backend_domname = xlb_strdup(n->backend_domain.s);

    /* xl's default interval of 50ms, the average in KB/s */
    if (n->has_out_average && n->out_average) {
        uint64_t bytes_per_sec = n->out_average * 1024;
        x->rate_bytes_per_interval = bytes_per_sec * 50000UL / 1000000UL;
        x->rate_interval_usecs = 50000UL;
    }
    return 0;
}

int xlb_nics(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_config *cfg = b->cfg;
    int k = 0;

    if (dom->nets.n == 0)
        return 0;
    cfg->nics = xc_calloc(dom->nets.n, sizeof *cfg->nics);
    for (size_t i = 0; i < dom->nets.n; i++) {
        const struct xc_net *n = &dom->nets.v[i];
        if (n->type == XC_NET_HOSTDEV)
            continue;
        cfg->num_nics = k + 1;
        libxl_device_nic_init(&cfg->nics[k]);
        if (nic(b, n, &cfg->nics[k]) < 0)
            return -1;
        /* libxl leaves devid to the hotplug path; the device model needs it */
        if (cfg->nics[k].devid < 0)
            cfg->nics[k].devid = k;
        k++;
    }
    return 0;
}
