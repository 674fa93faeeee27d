/* vif = [ "mac=..,bridge=..,ip=..,script=..,model=..,type=..,vifname=..,rate=.." ]
 * read as libvirt 9.0.0's xenParseVifList/xenParseVif do. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../common/xalloc.h"
#include "xen_read.h"

/* libvirt's virDomainNetModel names: a model matching one of them
 * (case-insensitively) takes its spelling. */
static const char *const net_models[] = {
    "netfront", "rtl8139", "virtio", "e1000", "e1000e",
    "virtio-transitional", "virtio-non-transitional", "usb-net",
    "spapr-vlan", "lan9118", "scm91c111", "vlance", "vmxnet", "vmxnet2",
    "vmxnet3", "Am79C970A", "Am79C973", "82540EM", "82545EM", "82543GC",
    NULL};

const char *xc_xen_net_model(const char *model)
{
    for (size_t i = 0; net_models[i]; i++)
        if (strcasecmp(net_models[i], model) == 0)
            return net_models[i];
    if (strspn(model, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                      "0123456789_-") < strlen(model))
        return NULL;
    return model;
}

int xc_xen_parse_vif_rate(const char *rate, uint64_t *kbytes_per_sec)
{
    /* ^[0-9]+[GMK]?[Bb]/s$ on the part before '@' */
    const char *p = rate;
    while (isdigit((unsigned char)*p))
        p++;
    if (p == rate)
        return -1;
    const char *suffix = p;
    if (*p == 'G' || *p == 'M' || *p == 'K')
        p++;
    if (*p != 'B' && *p != 'b')
        return -1;
    p++;
    if (p[0] != '/' || p[1] != 's' || (p[2] != '\0' && p[2] != '@'))
        return -1;

    unsigned long long v = 0;
    for (const char *q = rate; q < suffix; q++) {
        if (v > (UINT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (unsigned)(*q - '0');
    }
    unsigned long long mul = *suffix == 'G' ? 1024ULL * 1024 :
                             *suffix == 'M' ? 1024 : 1;
    if (v > UINT64_MAX / mul)
        return -1;
    v *= mul;
    if (suffix[0] == 'b' || suffix[1] == 'b')
        v /= 8;
    *kbytes_per_sec = v;
    return 0;
}

/* A VLAN tag as virStrToLong_ui reads it, limited to 802.1Q's range. */
static int parse_tag(const char *s, size_t n, unsigned *out)
{
    char *t = xc_strndup(s, n);
    unsigned long long v;
    int rc = xcr_parse_ull(t, 10, &v);
    free(t);
    if (rc < 0 || v > 4095)
        return -1;
    *out = (unsigned)v;
    return 0;
}

static int parse_bridge(struct xc_net *net, const char *bridge,
                        struct xc_pos pos, struct xc_diags *d)
{
    const char *dot = strchr(bridge, '.');
    const char *colon = strchr(bridge, ':');
    if (!dot && !colon) {
        xc_str_set(&net->bridge, bridge, pos);
        return 0;
    }
    if (dot) {
        /* bridge.TAG: one VLAN tag on an Open vSwitch bridge */
        unsigned tag;
        if (parse_tag(dot + 1, strlen(dot + 1), &tag) < 0) {
            xc_error(d, xcr_pos_at(pos, bridge, (size_t)(dot + 1 - bridge)), "bad-vlan",
                     "vif bridge '%s': '%s' after '.' is not a VLAN tag "
                     "(0-4095); libvirt reads bridge.TAG as an Open vSwitch "
                     "VLAN", bridge, dot + 1);
            return -1;
        }
        xc_str_setn(&net->bridge, bridge, (size_t)(dot - bridge), pos);
        xc_vec_push(&net->vlan_tags)->id = tag;
    } else {
        /* bridge:TAG:TAG...: a trunk */
        xc_str_setn(&net->bridge, bridge, (size_t)(colon - bridge), pos);
        const char *p = colon + 1;
        for (;;) {
            const char *e = strchr(p, ':');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            unsigned tag;
            if (parse_tag(p, n, &tag) < 0) {
                xc_error(d, xcr_pos_at(pos, bridge, (size_t)(p - bridge)), "bad-vlan",
                         "vif bridge '%s': '%.*s' is not a VLAN tag (0-4095)",
                         bridge, (int)n, p);
                return -1;
            }
            xc_vec_push(&net->vlan_tags)->id = tag;
            if (!e)
                break;
            p = e + 1;
        }
        net->vlan_trunk = true;
    }
    xc_str_set(&net->virtualport_type, "openvswitch", pos);
    return 0;
}

static int add_ips(struct xc_net *net, const char *ip, struct xc_pos pos,
                   struct xc_diags *d)
{
    /* g_strsplit(ip, " ", 0): every space separates, so two in a row
     * give an empty address, which libvirt refuses. */
    const char *p = ip;
    struct xcr_poscur pc;
    xcr_poscur_init(&pc, pos, ip);
    for (;;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *one = xc_strndup(p, n);
        char *canon;
        const char *family;
        if (xcr_parse_ip(one, &canon, &family) < 0) {
            xc_error(d, xcr_pos_next(&pc, (size_t)(p - ip)), "bad-ip",
                     "vif ip: '%s' is not a numeric IPv4 or IPv6 address "
                     "(addresses are separated by single spaces, no prefix)",
                     one);
            free(one);
            return -1;
        }
        free(one);
        struct xc_ip *a = xc_vec_push(&net->ips);
        xc_str_set(&a->address, canon, xcr_pos_next(&pc, (size_t)(p - ip)));
        free(canon);
        xc_str_set(&a->family, family, a->address.pos);
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

int xc_xen_parse_vif(const char *spec, struct xc_pos pos,
                    const char *vif_typename, struct xc_net *net,
                    struct xc_diags *d)
{
    char *copy = xc_strdup(spec);
    char *mac = NULL, *bridge = NULL, *script = NULL, *model = NULL;
    char *type = NULL, *ip = NULL, *vifname = NULL, *rate = NULL;
    int ret = -1;
    size_t nerr = d->nerrors;
    struct xcr_poscur pc;
    xcr_poscur_init(&pc, pos, spec);
#define AT(ptr) xcr_pos_next(&pc, (size_t)((ptr) - copy))

    memset(net, 0, sizeof(*net));
    net->pos = pos;

    /* g_strsplit(entry, ",", 0): empty fields count too */
    char *tok = copy;
    for (;;) {
        char *comma = strchr(tok, ',');
        if (comma)
            *comma = '\0';
        char *key = tok;
        char *val = strchr(key, '=');
        while (isspace((unsigned char)*key))
            key++;
        if (!val) {
            xc_error(d, AT(key), "bad-vif",
                     "vif spec '%s': '%s' is not key=value (libvirt refuses "
                     "the whole vif)", spec, tok);
            goto out;
        }
        val++;
        if (strncmp(key, "mac=", 4) == 0)
            mac = val;
        else if (strncmp(key, "bridge=", 7) == 0)
            bridge = val;
        else if (strncmp(key, "script=", 7) == 0)
            script = val;
        else if (strncmp(key, "model=", 6) == 0)
            model = val;
        else if (strncmp(key, "type=", 5) == 0)
            type = val;
        else if (strncmp(key, "vifname=", 8) == 0)
            vifname = val;
        else if (strncmp(key, "ip=", 3) == 0)
            ip = val;
        else if (strncmp(key, "rate=", 5) == 0)
            rate = val;
        else
            xc_lost(d, AT(key), "unused-option",
                    "vif option '%.*s'",
                    (int)(val - 1 - key), key);
        if (!comma)
            break;
        tok = comma + 1;
    }

    if (mac) {
        char norm[18];
        if (xcr_parse_mac(mac, norm) < 0) {
            xc_error(d, AT(mac), "bad-mac", "vif mac: malformed MAC address '%s'",
                     mac);
            goto out;
        }
        xc_str_set(&net->mac, norm, AT(mac));
    }

    if (bridge || (script && (strcmp(script, "vif-bridge") == 0 ||
                              strcmp(script, "vif-vnic") == 0)))
        net->type = XC_NET_BRIDGE;
    else
        net->type = XC_NET_ETHERNET;

    if (bridge && parse_bridge(net, bridge, AT(bridge), d) < 0)
        goto out;

    if (ip && add_ips(net, ip, AT(ip), d) < 0)
        goto out;

    if (script && script[0])
        xc_str_set(&net->script, script, AT(script));

    if (model) {
        const char *canon = xc_xen_net_model(model);
        if (!canon) {
            xc_error(d, AT(model), "bad-model",
                     "vif model '%s' contains characters other than "
                     "letters, digits, '_' and '-'", model);
            goto out;
        }
        xc_str_set(&net->model, canon, AT(model));
    } else if (type && strcmp(type, vif_typename) == 0) {
        xc_str_set(&net->model, "netfront", AT(type));
    }

    if (vifname && vifname[0])
        xc_str_set(&net->ifname, vifname, AT(vifname));

    if (rate) {
        uint64_t kbps;
        if (xc_xen_parse_vif_rate(rate, &kbps) < 0) {
            xc_error(d, AT(rate), "bad-rate",
                     "vif rate '%s' is not NUMBER[GMK]{B,b}/s[@INTERVAL] or "
                     "is too large", rate);
            goto out;
        }
        const char *at = strchr(rate, '@');
        if (at)
            xc_lost(d, AT(at), "unused-option",
                    "vif rate interval '%s' (libvirt keeps only the average "
                    "rate)", at);
        net->has_out_average = true;
        net->out_average = kbps;
    }
    ret = 0;
out:
    if (ret < 0) {
        if (d->nerrors == nerr)
            xc_error(d, pos, "bad-vif", "malformed vif spec '%s'", spec);
        xc_net_clear(net);
    }
#undef AT
    free(copy);
    return ret;
}

int xcr_read_vifs(struct xcr *r)
{
    struct xc_cfg_value *v = xcr_value(r, "vif");
    int ret = 0;
    if (!v)
        return 0;
    if (v->kind != XC_CFG_LIST) {
        xc_lost(r->d, xcr_inner(v), "ignored-value",
                "vif (not a list of strings; libvirt ignores it)");
        return 0;
    }
    for (size_t i = 0; i < v->items.n; i++) {
        struct xc_cfg_value *it = &v->items.v[i];
        if (it->kind != XC_CFG_STRING) {
            xc_lost(r->d, it->pos, "ignored-value",
                    "vif list item that is not a string (libvirt ignores it)");
            continue;
        }
        struct xc_net net;
        if (xc_xen_parse_vif(xcr_text(it), xcr_inner(it),
                             xc_xen_vif_typename(r->flavor), &net, r->d) < 0) {
            r->failed = true;
            ret = -1;
            continue;
        }
        *xc_vec_push(&r->dom->nets) = net;
    }
    return ret;
}
