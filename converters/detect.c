#include "detect.h"

#include <stdbool.h>
#include <string.h>

#include "../common/diag.h"
#include "../formats/cfg/cfg.h"

/* Keys only xl.cfg(5) knows: neither xm/xend nor libvirt's xen-xm reader
 * and writer use them.  (device_model_override, passthrough and e820_host
 * are read and written by libvirt's xen_common.c for both formats, so
 * they decide nothing.) */
static const char *const xl_only_keys[] = {
    "type", "device_model_version",
    "device_model_args", "device_model_args_hvm", "device_model_args_pv",
    "device_model_stubdomain_override", "usbctrl", "usbdev", "vnuma",
    "max_grant_frames", "max_maptrack_frames", "max_event_channels",
    "channel", "nestedhvm", "bios", "acpi_firmware", "altp2m", "rdm", "p9", "pvcalls", "vdispl", "vsnd", "vkb",
    "driver_domain", "spice", "spicehost", "spiceport", "spicetls_port",
    "spicedisable_ticketing", "spicepasswd", "spiceagent_mouse",
    "spicevdagent", "spice_clipboard_sharing", "spiceusbredirection",
    NULL,
};

/* Keys of xm/xend that xl does not have. */
static const char *const xm_only_keys[] = {
    "device_model", "cpu_cap", "vcpu_avail", "on_xend_start",
    "on_xend_stop", NULL,
};

/* Fields of xl's key=value disk syntax (xl-disk-configuration(5)). */
static const char *const xl_disk_keys[] = {
    "target", "vdev", "format", "access", "backendtype", "devtype",
    "backend", "script", "discard", "no-discard", "direct-io-safe",
    "trusted", "untrusted", NULL,
};

/* Prefixes of xm's disk syntax ("phy:/dev/vg/lv,hda,w"); xl still parses
 * them but documents them as deprecated. */
static const char *const xm_disk_prefixes[] = {
    "phy:", "file:", "tap:", "tap2:", NULL,
};

static bool in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

struct evidence {
    bool found;
    struct xc_buf what;
    struct xc_pos pos;
};

static void found(struct evidence *e, struct xc_pos pos, const char *fmt,
                  const char *arg)
    __attribute__((format(printf, 3, 0)));
static void found(struct evidence *e, struct xc_pos pos, const char *fmt,
                  const char *arg)
{
    if (e->found)
        return;
    e->found = true;
    e->pos = pos;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    xc_buf_addf(&e->what, fmt, arg);
#pragma GCC diagnostic pop
}

/* Position of byte off of a list item's decoded string: exact when the
 * string was written without escapes (raw == NULL) on one line. */
static struct xc_pos item_pos(const struct xc_cfg_value *v, size_t off)
{
    struct xc_pos p = v->pos;
    if (!v->raw && !memchr(v->str, '\n', off))
        p.col += 1 + (unsigned)off;
    return p;
}

static void disk_spec(const struct xc_cfg_value *v, struct evidence *xl,
                      struct evidence *xm)
{
    const char *s = v->str;
    /* xm: the first field starts with a backend prefix */
    for (size_t i = 0; xm_disk_prefixes[i]; i++)
        if (strncmp(s, xm_disk_prefixes[i], strlen(xm_disk_prefixes[i])) == 0)
            found(xm, v->pos, "old-style disk spec '%s...'", xm_disk_prefixes[i]);
    /* xl: any field is key=value with an xl disk key */
    for (const char *f = s; *f; ) {
        const char *end = strchr(f, ',');
        size_t len = end ? (size_t)(end - f) : strlen(f);
        const char *eq = memchr(f, '=', len);
        if (eq) {
            size_t klen = (size_t)(eq - f);
            for (size_t i = 0; xl_disk_keys[i]; i++)
                if (strlen(xl_disk_keys[i]) == klen &&
                    memcmp(xl_disk_keys[i], f, klen) == 0) {
                    found(xl, item_pos(v, (size_t)(f - s)),
                          "key=value disk spec '%s=...'", xl_disk_keys[i]);
                    return;
                }
        }
        if (!end)
            break;
        f = end + 1;
    }
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void add_pos(struct xc_buf *why, const struct evidence *e)
{
    xc_buf_add(why, xc_buf_str(&e->what));
    if (e->pos.line)
        xc_buf_addf(why, " at %u:%u", e->pos.line, e->pos.col);
}

/* Does the string value at pos open with triple quotes (virConf syntax
 * that xl cannot read)?  line_start: offsets of each line's first byte,
 * built on first use. */
static bool triple_quoted(const struct xc_source *src, struct xc_pos pos,
                          struct xc_buf *line_start)
{
    if (!line_start->len) {
        size_t off = 0;
        xc_buf_add_len(line_start, (const char *)&off, sizeof(off));
        for (size_t i = 0; i < src->len; i++)
            if (src->data[i] == '\n') {
                off = i + 1;
                xc_buf_add_len(line_start, (const char *)&off, sizeof(off));
            }
    }
    size_t nlines = line_start->len / sizeof(size_t), off;
    if (!pos.line || pos.line > nlines || !pos.col)
        return false;
    memcpy(&off, line_start->data + (pos.line - 1) * sizeof(size_t), sizeof(off));
    off += pos.col - 1;
    return off + 3 <= src->len &&
           (memcmp(src->data + off, "\"\"\"", 3) == 0 ||
            memcmp(src->data + off, "'''", 3) == 0);
}

static const char *detect_cfg(const struct xc_source *src, struct xc_buf *why)
{
    struct xc_buf line_start = {0};
    struct xc_cfg cfg;
    struct xc_diags scratch = {0};
    struct evidence xl = {0}, xm = {0};
    const char *fmt = "xen-xl";

    if (xc_cfg_parse(src, &cfg, &scratch) < 0) {
        xc_diags_free(&scratch);
        xc_buf_add(why, "not a valid config file; xen-xl is the default");
        return fmt;
    }
    xc_diags_free(&scratch);
    for (size_t i = 0; i < cfg.entries.n; i++) {
        const struct xc_cfg_entry *e = &cfg.entries.v[i];
        const struct xc_cfg_value *v = &e->value;
        if (strcmp(e->key, "type") == 0 && v->kind == XC_CFG_STRING)
            found(&xl, e->key_pos, "type = \"%s\"", v->str);
        else if (in_list(xl_only_keys, e->key))
            found(&xl, e->key_pos, "xl-only key '%s'", e->key);
        else if (in_list(xm_only_keys, e->key))
            found(&xm, e->key_pos, "xm-only key '%s'", e->key);
        else if (strcmp(e->key, "kernel") == 0 && v->kind == XC_CFG_STRING &&
                 ends_with(v->str, "hvmloader"))
            found(&xm, v->pos, "HVM loader as kernel '%s'", v->str);
        else if (strcmp(e->key, "builder") == 0 && v->kind == XC_CFG_STRING &&
                 strcmp(v->str, "linux") == 0)
            found(&xm, v->pos, "builder = \"%s\"", v->str);
        else if (!xm.found && v->kind == XC_CFG_STRING && v->xl_bad_col &&
                 triple_quoted(src, v->pos, &line_start))
            found(&xm, v->pos, "%s string (xl cannot read it)", "triple-quoted");
        else if (strcmp(e->key, "disk") == 0 && v->kind == XC_CFG_LIST) {
            for (size_t k = 0; k < v->items.n; k++)
                if (v->items.v[k].kind == XC_CFG_STRING)
                    disk_spec(&v->items.v[k], &xl, &xm);
        }
    }
    if (xl.found) {
        add_pos(why, &xl);
    } else if (xm.found) {
        fmt = "xen-xm";
        add_pos(why, &xm);
    } else {
        xc_buf_add(why, "no xm-only key or disk spec; xen-xl is the default");
    }
    xc_buf_free(&xl.what);
    xc_buf_free(&xm.what);
    xc_buf_free(&line_start);
    xc_cfg_free(&cfg);
    return fmt;
}

const char *xc_detect_format(const struct xc_source *src, struct xc_buf *why)
{
    const unsigned char *p = (const unsigned char *)src->data;
    size_t n = src->len, i = 0;
    unsigned line = 1, col = 1;

    if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
        i = 3;          /* UTF-8 byte order mark */
        col = 4;
    }
    for (; i < n; i++) {
        if (p[i] == '\n') {
            line++;
            col = 1;
        } else if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
                   p[i] == '\f' || p[i] == '\v') {
            col++;
        } else {
            break;
        }
    }
    if (i < n && (p[i] == '<' || p[i] == '(')) {
        xc_buf_addf(why, "first non-blank byte '%c' at %u:%u", p[i], line, col);
        return p[i] == '<' ? "xml" : "xen-sxpr";
    }
    return detect_cfg(src, why);
}
