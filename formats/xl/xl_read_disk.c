/* disk = [ "spec", ... ] read as libvirt 9.0.0's xenParseXLDisk does: each
 * spec goes through libxlutil's xlu_disk_parse (the one place outside
 * converters/ that uses libxl), then is mapped onto the model; rbd:
 * sources are split as virStorageSourceParseRBDColonString does.
 *
 * xlu_disk_parse prints its complaints to the FILE* its XLU_Config was
 * made with: that is a memory stream here, and each complaint becomes a
 * diagnostic at the spec's position.  The stream is an fopencookie one
 * appending to a buffer: open_memstream clears an 8 KiB buffer on every
 * open, 6% of a typical xl -> xml conversion. */
#define _GNU_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxl.h>
#include <libxlutil.h>

#include "../../common/buf.h"
#include "../../common/xalloc.h"
#include "xl_read.h"
#include "xl_write.h"

struct xc_xl_disk_parser {
    FILE *report;
    struct xc_buf rep;    /* what xlu wrote to report */
    size_t seen;          /* report bytes already turned into diagnostics */
    XLU_Config *cfg;
};

static ssize_t report_write(void *cookie, const char *data, size_t n)
{
    struct xc_xl_disk_parser *p = cookie;
    xc_buf_add_len(&p->rep, data, n);
    return (ssize_t)n;
}

struct xc_xl_disk_parser *xc_xl_disk_parser_new(void)
{
    struct xc_xl_disk_parser *p = xc_calloc(1, sizeof(*p));
    p->report = fopencookie(p, "w", (cookie_io_functions_t){NULL, report_write, NULL, NULL});
    if (!p->report) {
        free(p);
        return NULL;
    }
    p->cfg = xlu_cfg_init(p->report, "disk");
    if (!p->cfg) {
        fclose(p->report);
        xc_buf_free(&p->rep);
        free(p);
        return NULL;
    }
    return p;
}

void xc_xl_disk_parser_free(struct xc_xl_disk_parser *p)
{
    if (!p)
        return;
    xlu_cfg_destroy(p->cfg);
    fclose(p->report);
    xc_buf_free(&p->rep);
    free(p);
}

/* The report text xlu wrote since the last call, reduced to its message:
 * "disk: config parsing error in disk specification: MSG in `SPEC'". */
static char *take_report(struct xc_xl_disk_parser *p)
{
    fflush(p->report);
    if (p->rep.len <= p->seen)
        return NULL;
    struct xc_buf out = {0};
    const char *s = p->rep.data + p->seen;
    const char *end = p->rep.data + p->rep.len;
    p->seen = p->rep.len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        const char *m = s;
        static const char lead[] = "config parsing error in disk specification: ";
        const char *hit = NULL;
        for (const char *q = s; q + sizeof(lead) - 1 <= le; q++)
            if (memcmp(q, lead, sizeof(lead) - 1) == 0) {
                hit = q;
                break;
            }
        if (hit)
            m = hit + sizeof(lead) - 1;
        const char *me = le;
        /* drop the trailing " in `SPEC'" */
        for (const char *q = le; q > m + 4; q--)
            if (memcmp(q - 5, " in `", 5) == 0 && le[-1] == '\'') {
                me = q - 5;
                break;
            }
        if (me > m) {
            if (out.len)
                xc_buf_add(&out, "; ");
            xc_buf_add_len(&out, m, (size_t)(me - m));
        }
        s = nl ? nl + 1 : end;
    }
    return out.len ? xc_buf_steal(&out) : (xc_buf_free(&out), NULL);
}

/* Where xlu's "near `TOKEN'" points in spec, else the spec's start. */
static struct xc_pos near_pos(struct xc_pos pos, const char *spec,
                              const char *msg)
{
    const char *n = msg ? strstr(msg, "near `") : NULL;
    if (!n)
        return pos;
    n += 6;
    const char *e = strchr(n, '\'');
    if (!e || e == n)
        return pos;
    char *tok = xc_strndup(n, (size_t)(e - n));
    const char *hit = strstr(spec, tok);
    free(tok);
    return hit ? xcr_pos_at(pos, spec, (size_t)(hit - spec)) : pos;
}

/* ---- rbd ----------------------------------------------------------------- */

static int rbd_add_host(char *hostport, struct xc_pos pos, struct xc_disk *dk,
                        struct xc_diags *d)
{
    char *port = NULL;
    char *br = strchr(hostport, ']');
    if (br) {
        /* [IPv6]\:PORT: strip the brackets */
        if (hostport[0] == '[')
            hostport++;
        *br = '\0';
        if (br[1] == '\\' && br[2] == ':')
            port = br + 3;
        else if (br[1] != '\0') {
            xc_error(d, pos, "bad-rbd", "rbd mon_host: expected '\\:PORT' "
                     "after ']' in '%s]%s'", hostport, br + 1);
            return -1;
        }
    } else {
        port = strstr(hostport, "\\:");
        if (port) {
            *port = '\0';
            port += 2;
        }
    }

    struct xc_disk_rare *n = xc_disk_rare(dk);
    struct xc_net_host *h = xc_vec_push(&n->hosts);
    if (port) {
        unsigned long long pv;
        if (xcr_parse_ull(port, 10, &pv) < 0 || pv > 65535) {
            xc_error(d, pos, "bad-rbd", "rbd mon_host: bad port '%s' "
                     "(0-65535)", port);
            return -1;
        }
        if (pv) {
            char num[8];
            snprintf(num, sizeof(num), "%llu", pv);
            xc_str_set(&h->port, num, pos);
        }
    }
    /* "\:" inside the name stands for ':' */
    struct xc_buf name = {0};
    for (const char *q = hostport; *q; q++) {
        if (q[0] == '\\' && q[1] == ':') {
            xc_buf_addc(&name, ':');
            q++;
        } else {
            xc_buf_addc(&name, *q);
        }
    }
    xc_str_setn(&h->name, xc_buf_str(&name), name.len, pos);
    xc_buf_free(&name);
    return 0;
}

int xc_xl_parse_rbd(const char *src, struct xc_pos pos, struct xc_disk *dk,
                    struct xc_diags *d)
{
    /* xen_xl.c first undoes doubled backslashes */
    struct xc_buf t = {0};
    /* map[i]: where byte i of the unescaped text was in src */
    size_t *map = xc_calloc(strlen(src) + 1, sizeof(*map));
    for (const char *q = src; *q; q++) {
        map[t.len] = (size_t)(q - src);
        xc_buf_addc(&t, *q);
        if (q[0] == '\\' && q[1] == '\\')
            q++;
    }
    map[t.len] = strlen(src);
    char *s = xc_buf_steal(&t);
    struct xcr_poscur pc;
    xcr_poscur_init(&pc, pos, src);
#define AT(ptr) xcr_pos_next(&pc, map[(size_t)((ptr) - s)])
    char *path = s;
    char *options = NULL;
    int ret = -1;

    if (strncmp(path, "rbd:", 4) == 0)
        path += 4;
    char *c = strchr(path, ':');
    if (c) {
        *c = '\0';
        options = c + 1;
    }
    struct xc_disk_rare *n = xc_disk_rare(dk);
    char *at = strchr(path, '@');
    if (at) {
        *at = '\0';
        xc_str_set(&n->snapshot, at + 1, AT(at + 1));
    }
    dk->type = XC_DISK_NETWORK;
    xc_str_set(&n->protocol, "rbd", pos);
    /* libvirt keeps pool and image apart and prints them as "pool/image" */
    xc_str_set(&n->source_name, path, AT(path));

    bool have_id = false;
    char *p = options;
    while (p && *p) {
        char *e = p;
        while (*e && *e != ':') {
            if (*e == '\\') {
                e++;
                if (!*e)
                    break;
            }
            e++;
        }
        char *next = *e ? e + 1 : e;
        *e = '\0';

        if (strncmp(p, "id=", 3) == 0) {
            if (have_id) {
                xc_error(d, AT(p), "bad-rbd", "rbd source: duplicate 'id' in "
                         "'%s'", src);
                goto out;
            }
            have_id = true;
            xc_str_set(&n->auth_user, p + 3, AT(p + 3));
            xc_str_set(&n->secret_type, "ceph", pos);
        } else if (strncmp(p, "mon_host=", 9) == 0) {
            char *h = p + 9;
            while (h < e) {
                char *sep;
                for (sep = h; sep < e; sep++) {
                    if (sep[0] == '\\' && (sep[1] == ',' || sep[1] == ';' ||
                                           sep[1] == ' ')) {
                        *sep = '\0';
                        sep += 2;
                        break;
                    }
                }
                if (rbd_add_host(h, AT(h), dk, d) < 0)
                    goto out;
                h = sep;
            }
        } else if (strncmp(p, "conf=", 5) == 0) {
            xc_str_set(&n->config_file, p + 5, AT(p + 5));
        } else {
            char *eq = strchr(p, '=');
            xc_lost(d, AT(p), "unused-option",
                    "rbd option '%.*s'",
                    (int)(eq ? (size_t)(eq - p) : strlen(p)), p);
        }
        p = next;
    }
    ret = 0;
out:
#undef AT
    free(map);
    free(s);
    return ret;
}

/* An rbd source that stays a network disk, as qemu and ceph read it: the
 * name is POOL/IMAGE, where qemu unescapes a '\', and ceph splits
 * mon_host at ',', ';' and ' '.  libvirt reads other names and hosts and
 * keeps them, but no rbd target says them back (its writer dropped the
 * missing pool), so they are refused, at the name or the host. */
static int rbd_source_ok(const struct xc_disk *dk, struct xc_diags *d)
{
    const struct xc_disk_rare *n = xc_disk_rare_ro(dk);
    const char *name = n->source_name.s ? n->source_name.s : "";
    const char *slash = strchr(name, '/');

    if (!slash || slash == name) {
        xc_error(d, n->source_name.pos, "bad-rbd", "rbd source '%s' has no "
                 "pool name (qemu's rbd target is POOL/IMAGE[@SNAPSHOT])",
                 name);
        return -1;
    }
    if (strchr(name, '\\')) {
        xc_error(d, n->source_name.pos, "bad-rbd", "rbd source '%s' holds a "
                 "'\\', which qemu's rbd syntax takes as an escape", name);
        return -1;
    }
    for (size_t i = 0; i < n->hosts.n; i++) {
        const struct xc_str *h = &n->hosts.v[i].name;
        size_t bad = strcspn(h->s, ",; [\\");
        if (h->s[bad]) {
            xc_error(d, h->pos, "bad-rbd", "rbd mon_host: host '%s' holds "
                     "'%c', which qemu and ceph do not read as part of a "
                     "host name (hosts are separated by \\; \\, or \\ and an "
                     "IPv6 address is [bracketed])", h->s, h->s[bad]);
            return -1;
        }
    }
    return 0;
}

/* ---- one disk -------------------------------------------------------------- */

static void warn_dropped(const libxl_device_disk *ld, struct xc_pos pos,
                         struct xc_diags *d)
{
    if (ld->backend_domname)
        xc_lost(d, pos, "unused-option",
                "disk backend='%s'",
                ld->backend_domname);
    if (ld->direct_io_safe)
        xc_lost(d, pos, "unused-option",
                "disk direct-io-safe");
    if (!libxl_defbool_is_default(ld->discard_enable))
        xc_lost(d, pos, "unused-option",
                "disk discard/no-discard");
    if (!libxl_defbool_is_default(ld->colo_enable))
        xc_lost(d, pos, "unused-option",
                "disk COLO options");
    if (!libxl_defbool_is_default(ld->trusted))
        xc_lost(d, pos, "unused-option",
                "disk trusted/untrusted");
    if (ld->specification != LIBXL_DISK_SPECIFICATION_UNKNOWN)
        xc_lost(d, pos, "unused-option",
                "disk specification=");
}

/* A network source turned into a file/block one by the backend, as
 * virDomainDiskSetType does in libvirt: only the image name stays. */
static void network_to_local(struct xc_disk *dk, enum xc_disk_type type,
                             struct xc_pos pos, struct xc_diags *d)
{
    if (dk->type != XC_DISK_NETWORK) {
        dk->type = type;
        return;
    }
    xc_warn(d, pos, "suspicious-value", "rbd source with this backend or "
            "device type: libvirt reads it as a local %s named by the image",
            type == XC_DISK_BLOCK ? "device" : "file");
    const char *name = xc_disk_rare_ro(dk)->source_name.s;
    const char *slash = name ? strchr(name, '/') : NULL;
    xc_str_set(&dk->source, slash ? slash + 1 : (name ? name : ""), pos);
    /* the network fields go; script= (also kept there) stays */
    struct xc_str script = {0};
    if (dk->rare) {
        script = dk->rare->script;
        dk->rare->script = (struct xc_str){0};
    }
    xc_disk_rare_clear(dk);
    if (script.s)
        xc_disk_rare(dk)->script = script;
    dk->type = type;
}

int xc_xl_parse_disk(struct xc_xl_disk_parser *p, const char *spec,
                     struct xc_pos pos, bool hvm, struct xc_disk *dk,
                     struct xc_diags *d)
{
    libxl_device_disk ld;
    const char *specs[1] = {spec};
    int ret = -1;

    memset(dk, 0, sizeof(*dk));
    dk->pos = pos;
    dk->device = XC_DISK_DEV_DISK;
    /* Only a """ string (which xl cannot read) brings a newline: its flex
     * scanner has no rule for one after some tokens and exits the process
     * ("flex scanner jammed"), and elsewhere stops the spec there. */
    /* see XC_XL_DISK_SPEC_MAX: xlu_disk_parse must not see this one */
    size_t len = strlen(spec);
    if (len >= XC_XL_DISK_SPEC_MAX) {
        xc_error(d, pos, "bad-disk",
                 "disk spec of %zu bytes: xl's disk parser (libxlutil) "
                 "overflows its scanner's buffer on a spec of %d bytes or "
                 "more", len, XC_XL_DISK_SPEC_MAX);
        return -1;
    }
    const char *nl = memchr(spec, '\n', len);
    if (nl) {
        xc_error(d, xcr_pos_at(pos, spec, (size_t)(nl - spec)), "bad-disk",
                 "disk spec: a newline, where xl's disk parser (libxlutil) "
                 "stops reading a spec, or exits (\"flex scanner jammed\")");
        return -1;
    }
    libxl_device_disk_init(&ld);
    int rc = xlu_disk_parse(p->cfg, 1, specs, &ld);
    char *msg = take_report(p);
    if (rc) {
        xc_error(d, near_pos(pos, spec, msg), "bad-disk", "disk spec '%s': %s",
                 spec, msg ? msg : "could not be parsed");
        goto out;
    }
    if (msg)
        xc_warn(d, pos, "disk-spec", "disk spec '%s': %s", spec, msg);
    warn_dropped(&ld, pos, d);

    if (ld.pdev_path) {
        if (strncmp(ld.pdev_path, "rbd:", 4) == 0) {
            const char *at = strstr(spec, ld.pdev_path);
            struct xc_pos rpos = at ? xcr_pos_at(pos, spec, (size_t)(at - spec)) : pos;
            if (xc_xl_parse_rbd(ld.pdev_path, rpos, dk, d) < 0)
                goto out;
        } else {
            xc_str_set(&dk->source, ld.pdev_path, pos);
        }
    }
    if (ld.vdev)
        xc_str_set(&dk->target, ld.vdev, pos);
    dk->readonly = !ld.readwrite;
    dk->removable = ld.removable ? XC_TRI_YES : XC_TRI_ABSENT;
    if (ld.script)
        xc_str_set(&xc_disk_rare(dk)->script, ld.script, pos);

    if (ld.is_cdrom) {
        xc_str_set(&dk->driver_name, "qemu", pos);
        network_to_local(dk, XC_DISK_FILE, pos, d);
        dk->device = XC_DISK_DEV_CDROM;
        if (dk->source.s && dk->source.s[0])
            xc_str_set(&dk->driver_type, "raw", pos);
    } else {
        const char *fmt = NULL;
        switch (ld.format) {
        case LIBXL_DISK_FORMAT_QCOW: fmt = "qcow"; break;
        case LIBXL_DISK_FORMAT_QCOW2: fmt = "qcow2"; break;
        case LIBXL_DISK_FORMAT_VHD: fmt = "vhd"; break;
        case LIBXL_DISK_FORMAT_RAW:
        case LIBXL_DISK_FORMAT_UNKNOWN: fmt = "raw"; break;
        case LIBXL_DISK_FORMAT_EMPTY: break;
        case LIBXL_DISK_FORMAT_QED: fmt = "qed"; break;
        default:
            xc_error(d, pos, "bad-disk", "disk spec '%s': image format '%s' "
                     "is not supported", spec,
                     libxl_disk_format_to_string(ld.format));
            goto out;
        }
        if (fmt)
            xc_str_set(&dk->driver_type, fmt, pos);

        switch (ld.backend) {
        case LIBXL_DISK_BACKEND_QDISK:
        case LIBXL_DISK_BACKEND_UNKNOWN:
            xc_str_set(&dk->driver_name, "qemu", pos);
            if (dk->type == XC_DISK_TYPE_NONE)
                dk->type = XC_DISK_FILE;
            break;
        case LIBXL_DISK_BACKEND_TAP:
            xc_str_set(&dk->driver_name, "tap", pos);
            network_to_local(dk, XC_DISK_FILE, pos, d);
            break;
        case LIBXL_DISK_BACKEND_PHY:
            xc_str_set(&dk->driver_name, "phy", pos);
            network_to_local(dk, XC_DISK_BLOCK, pos, d);
            break;
        default:
            xc_error(d, pos, "bad-disk", "disk spec '%s': backend '%s' is not "
                     "supported (libvirt knows phy, tap and qdisk)", spec,
                     libxl_disk_backend_to_string(ld.backend));
            goto out;
        }
    }

    if (dk->type == XC_DISK_NETWORK && rbd_source_ok(dk, d) < 0)
        goto out;
    if ((ld.vdev && strncmp(ld.vdev, "xvd", 3) == 0) || !hvm)
        dk->bus = XC_BUS_XEN;
    else if (ld.vdev && strncmp(ld.vdev, "sd", 2) == 0)
        dk->bus = XC_BUS_SCSI;
    else
        dk->bus = XC_BUS_IDE;
    ret = 0;
out:
    if (ret < 0)
        xc_disk_clear(dk);
    free(msg);
    libxl_device_disk_dispose(&ld);
    return ret;
}

/* Keys the defaults may still add to a disk's spec (format=, access=,
 * backendtype=, devtype= spelled out: at most 68 bytes), with room. */
enum { DEFAULTS_MARGIN = 128 };

/* A spec the writer would make XC_XL_DISK_SPEC_MAX bytes or longer is
 * refused where it is read: written back as libvirt writes disk specs
 * (every key spelled out, rbd's colons escaped) it can outgrow the one
 * read, and xl could not read it. */
static bool too_long_written(const struct xc_disk *dk, struct xc_pos pos,
                             struct xc_diags *d)
{
    struct xc_buf spec = {0};
    struct xc_diags scratch = {0};
    /* what the writer says of the disk is said again when it is written;
     * on a refusal for length the whole spec is in the buffer, on another
     * a part of it */
    (void)xc_xlw_disk(dk, &spec, &scratch);
    size_t len = spec.len;
    xc_buf_free(&spec);
    xc_diags_free(&scratch);
    if (len + DEFAULTS_MARGIN < XC_XL_DISK_SPEC_MAX)
        return false;
    xc_error(d, pos, "bad-disk",
             "disk spec: written back as libvirt writes disk specs (every "
             "key spelled out) it would be %zu bytes; a disk is read only "
             "if that stays under %d, so that xl's disk parser (libxlutil), "
             "which overflows its scanner's buffer at %d, can read it back",
             len, XC_XL_DISK_SPEC_MAX - DEFAULTS_MARGIN, XC_XL_DISK_SPEC_MAX);
    return true;
}

int xlr_read_disks(struct xcr *r)
{
    struct xc_cfg_value *v = xcr_value(r, "disk");
    if (!v)
        return 0;
    if (v->kind != XC_CFG_LIST) {
        xc_lost(r->d, xcr_inner(v), "ignored-value",
                "disk (not a list of strings; libvirt ignores it)");
        return 0;
    }
    struct xc_xl_disk_parser *p = xc_xl_disk_parser_new();
    if (!p) {
        xcr_error(r, v->pos, "internal", "cannot set up the xl disk parser");
        return -1;
    }
    bool hvm = r->dom->os.type == XC_OS_HVM;
    int ret = 0;
    for (size_t i = 0; i < v->items.n; i++) {
        struct xc_cfg_value *it = &v->items.v[i];
        if (it->kind != XC_CFG_STRING) {
            xc_lost(r->d, it->pos, "ignored-value",
                    "disk list item that is not a string (libvirt ignores it)");
            continue;
        }
        struct xc_disk dk;
        if (xc_xl_parse_disk(p, xcr_text(it), xcr_inner(it), hvm, &dk, r->d) < 0 ||
            too_long_written(&dk, xcr_inner(it), r->d)) {
            xc_disk_clear(&dk);
            r->failed = true;
            ret = -1;
            continue;
        }
        *xc_vec_push(&r->dom->disks) = dk;
    }
    xc_xl_disk_parser_free(p);
    return ret;
}
