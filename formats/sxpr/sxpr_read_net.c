/* One NIC of xenParseSxprNets: (device (vif (mac ..) (bridge ..)
 * (script ..) (ip ..) (vifname ..) (model ..) (type ..) (rate ..))). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../xencommon/xen_read.h"
#include "sxpr_read.h"

static int read_ip(struct sxr *r, xc_sx_id k, struct xc_net *net)
{
    xc_sx_id id;
    const char *ip = sxr_node(r, k, "ip", &id);
    char *canon;
    const char *family;

    if (!ip)
        return 0;
    if (xcr_parse_ip(ip, &canon, &family) < 0) {
        sxr_error(r, sxr_pos(r, id), "bad-ip", "vif ip '%s' is not one "
                  "numeric IPv4 or IPv6 address", ip);
        return -1;
    }
    struct xc_ip *a = xc_vec_push(&net->ips);
    xc_str_set(&a->address, canon, sxr_pos(r, id));
    free(canon);
    xc_str_set(&a->family, family, a->address.pos);
    return 0;
}

static int read_model(struct sxr *r, xc_sx_id k, struct xc_net *net)
{
    xc_sx_id id, tid;
    const char *model = sxr_node(r, k, "model", &id);
    const char *type = sxr_node(r, k, "type", &tid);

    if (model) {
        const char *canon = xc_xen_net_model(model);
        if (!canon) {
            sxr_error(r, sxr_pos(r, id), "bad-model", "vif model '%s' "
                      "contains characters other than letters, digits, "
                      "'_' and '-'", model);
            return -1;
        }
        xc_str_set(&net->model, canon, sxr_pos(r, id));
    } else if (type && strcmp(type, "netfront") == 0) {
        xc_str_set(&net->model, "netfront", sxr_pos(r, tid));
    }
    /* any other type (ioemu: an emulated NIC) is libvirt's default */
    return 0;
}

static int read_rate(struct sxr *r, xc_sx_id k, struct xc_net *net)
{
    xc_sx_id id;
    const char *rate = sxr_node(r, k, "rate", &id);
    uint64_t kbps;

    if (!rate)
        return 0;
    if (xc_xen_parse_vif_rate(rate, &kbps) < 0) {
        sxr_error(r, sxr_pos(r, id), "bad-rate", "Invalid rate '%s' "
                  "specified (expected NUMBER[GMK]{B,b}/s[@INTERVAL])", rate);
        return -1;
    }
    const char *at = strchr(rate, '@');
    if (at)
        xc_lost(r->d, sxr_pos(r, id), "unused-option", "vif rate interval "
                "'%s' (libvirt keeps only the average rate)", at);
    net->has_out_average = true;
    net->out_average = kbps;
    return 0;
}

int sxr_read_net(struct sxr *r, xc_sx_id device, unsigned index)
{
    xc_sx_id k = sxr_lookup(r, device, "vif"), id;
    struct xc_net net = {0};
    const char *s;

    sxr_scope(r, k, SXR_DEV_VIF);
    net.pos = sxr_pos(r, device);

    const char *script = sxr_node(r, k, "script", &id);
    struct xc_pos script_pos = sxr_pos(r, id);
    const char *bridge = sxr_node(r, k, "bridge", &id);
    if (bridge || (script && strcmp(script, "vif-bridge") == 0)) {
        net.type = XC_NET_BRIDGE;
        if (bridge)
            xc_str_set(&net.bridge, bridge, sxr_pos(r, id));
    } else {
        net.type = XC_NET_ETHERNET;
    }
    if (script)
        xc_str_set(&net.script, script, script_pos);
    if (read_ip(r, k, &net) < 0)
        goto fail;

    /* a configured vifname is kept; a running domain's is vifDOMID.N */
    s = sxr_node(r, k, "vifname", &id);
    if (s) {
        xc_str_set(&net.ifname, s, sxr_pos(r, id));
    } else if (r->dom->has_id) {
        char name[48];
        snprintf(name, sizeof(name), "vif%d.%u", r->dom->id, index);
        xc_str_set(&net.ifname, name, net.pos);
    }

    s = sxr_node(r, k, "mac", &id);
    if (s) {
        char norm[18];
        if (xcr_parse_mac(s, norm) < 0) {
            sxr_error(r, sxr_pos(r, id), "bad-mac", "malformed mac address "
                      "'%s'", s);
            goto fail;
        }
        xc_str_set(&net.mac, norm, sxr_pos(r, id));
    }
    if (read_model(r, k, &net) < 0 || read_rate(r, k, &net) < 0)
        goto fail;
    *xc_vec_push(&r->dom->nets) = net;
    return 0;
fail:
    xc_net_clear(&net);
    return -1;
}
