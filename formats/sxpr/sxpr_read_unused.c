/* The unused-key report of the xen-sxpr reader: every element of a
 * registered scope (the domain, image, image/<kind>, each device and
 * device kind, each PCI dev) that no section read, and every extra value
 * after a key that was read.  Nothing is dropped silently:
 *
 * - xend's runtime state (what `xm list -l` adds for a running domain:
 *   state, status, cpu_time, start_time, up_time, online_vcpus,
 *   store_mfn, console_mfn, shutdown_reason, image notes, device uuid,
 *   location, VDI, vbd driver and protocol, console devices) is not
 *   configuration: a note [runtime-state], not a loss;
 * - a key equal to xend's default (cpu_weight 256, cpu_cap 0, backend 0,
 *   on_xend_start ignore, ... see the table) says what the output's
 *   silence says, and an empty value ((features ), (pci ()),
 *   (cpus (()))) says nothing: neither is reported;
 * - image/<kind>/vcpus and vcpu_avail equal to the domain's repeat them:
 *   not reported;
 * - a repeated key is read once (the first, as libvirt's lookup); a
 *   repeat with the same value is not reported, one with another value is
 *   a loss;
 * - everything else is a loss [unused-key] with its position, and a
 *   leftover of the model.
 *
 * Values are looked at two levels deep at most, never recursively, so a
 * deeply nested list inside an unknown key costs nothing special. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../common/xalloc.h"
#include "sxpr_read.h"

enum known_kind { K_RUNTIME, K_DEFAULT };

struct known {
    enum sxr_scope_kind sc;
    const char *key;
    enum known_kind kind;
    const char *dflt;    /* K_DEFAULT: the value that says nothing */
};

static const struct known known[] = {
    {SXR_SC_TOP, "start_time", K_RUNTIME, NULL},
    {SXR_SC_TOP, "cpu_time", K_RUNTIME, NULL},
    {SXR_SC_TOP, "up_time", K_RUNTIME, NULL},
    {SXR_SC_TOP, "online_vcpus", K_RUNTIME, NULL},
    {SXR_SC_TOP, "status", K_RUNTIME, NULL},
    {SXR_SC_TOP, "state", K_RUNTIME, NULL},
    {SXR_SC_TOP, "store_mfn", K_RUNTIME, NULL},
    {SXR_SC_TOP, "console_mfn", K_RUNTIME, NULL},
    {SXR_SC_TOP, "shutdown_reason", K_RUNTIME, NULL},
    {SXR_SC_TOP, "cpu_weight", K_DEFAULT, "256"},
    {SXR_SC_TOP, "cpu_cap", K_DEFAULT, "0"},
    {SXR_SC_TOP, "shadow_memory", K_DEFAULT, "0"},
    {SXR_SC_TOP, "on_xend_start", K_DEFAULT, "ignore"},
    {SXR_SC_TOP, "on_xend_stop", K_DEFAULT, "ignore"},
    {SXR_SC_TOP, "s3_integrity", K_DEFAULT, "1"},
    {SXR_SC_TOP, "memory_sharing", K_DEFAULT, "0"},
    {SXR_SC_TOP, "superpages", K_DEFAULT, "0"},
    {SXR_SC_TOP, "target", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "notes", K_RUNTIME, NULL},
    {SXR_SC_IMAGE_KIND, "usb", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "stdvga", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "isa", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "monitor", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "nographic", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "nomigrate", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "tsc_mode", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "superpages", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "vpt_align", K_DEFAULT, "1"},
    {SXR_SC_IMAGE_KIND, "timer_mode", K_DEFAULT, "1"},
    {SXR_SC_IMAGE_KIND, "xen_platform_pci", K_DEFAULT, "1"},
    {SXR_SC_IMAGE_KIND, "pci_msitranslate", K_DEFAULT, "1"},
    {SXR_SC_IMAGE_KIND, "pci_power_mgmt", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "xen_extended_power_mgmt", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "gfx_passthru", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "vhpt", K_DEFAULT, "0"},
    {SXR_SC_IMAGE_KIND, "oos", K_DEFAULT, "1"},
    {SXR_SC_IMAGE_KIND, "videoram", K_DEFAULT, "4"},
    {SXR_SC_DEVICE, "console", K_RUNTIME, NULL},
    {SXR_SC_DEVICE_KIND, "uuid", K_RUNTIME, NULL},
    {SXR_SC_DEVICE_KIND, "location", K_RUNTIME, NULL},
    {SXR_SC_DEVICE_KIND, "VDI", K_RUNTIME, NULL},
    {SXR_SC_DEVICE_KIND, "driver", K_RUNTIME, NULL},
    {SXR_SC_DEVICE_KIND, "protocol", K_RUNTIME, NULL},
    {SXR_SC_DEVICE_KIND, "backend", K_DEFAULT, "0"},
    {SXR_SC_PCI_DEV, "uuid", K_RUNTIME, NULL},
    {SXR_SC_PCI_DEV, "key", K_RUNTIME, NULL},
    {SXR_SC_PCI_DEV, "vdevfn", K_DEFAULT, "0x100"},
};

static const struct known *find_known(enum sxr_scope_kind sc, const char *key)
{
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (known[i].sc == sc && strcmp(known[i].key, key) == 0)
            return &known[i];
    return NULL;
}

/* ---- key -> first list with that head, per scope ------------------------
 * Open addressing with generation stamps, so starting a new scope costs
 * nothing however large an earlier one was. */
struct first_map {
    struct { uint64_t hash; xc_sx_id id; unsigned gen; } *slot;
    size_t cap;
    unsigned gen;
};

static uint64_t hash_text(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static void map_start(struct first_map *m, size_t n)
{
    if (m->cap < 2 * n + 2) {
        free(m->slot);
        m->cap = 16;
        while (m->cap < 2 * n + 2)
            m->cap *= 2;
        m->slot = xc_calloc(m->cap, sizeof(*m->slot));
        m->gen = 0;
    }
    m->gen++;
}

/* The first list of the scope with the head of id (id itself if none). */
static xc_sx_id map_first(struct first_map *m, const struct xc_sx_tree *t,
                          xc_sx_id id)
{
    const char *text = xc_sx_head(t, id);
    size_t len = strlen(text);
    uint64_t h = hash_text(text, len);
    size_t i = (size_t)h & (m->cap - 1);

    for (;; i = (i + 1) & (m->cap - 1)) {
        if (m->slot[i].gen != m->gen) {
            m->slot[i].gen = m->gen;
            m->slot[i].hash = h;
            m->slot[i].id = id;
            return id;
        }
        if (m->slot[i].hash == h &&
            strcmp(xc_sx_head(t, m->slot[i].id), text) == 0)
            return m->slot[i].id;
    }
}

/* ---- value shapes (two levels, no recursion) ------------------------------ */

static bool blank(const struct xc_sx_tree *t, xc_sx_id id)
{
    return xc_sx_is_atom(t, id) ? *xc_sx_text(t, id) == '\0'
                                : xc_sx_first(t, id) == 0;
}

/* Every value of key is empty: "", () or a list of those. */
static bool empty_value(const struct sxr *r, xc_sx_id key)
{
    const struct xc_sx_tree *t = r->t;
    for (xc_sx_id v = sxr_value_id(r, key); v; v = xc_sx_next(t, v)) {
        if (blank(t, v))
            continue;
        if (xc_sx_is_atom(t, v))
            return false;
        for (xc_sx_id c = xc_sx_first(t, v); c; c = xc_sx_next(t, c))
            if (!blank(t, c))
                return false;
    }
    return true;
}

/* The single atom value of key, or NULL. */
static const char *single_value(const struct sxr *r, xc_sx_id key)
{
    xc_sx_id v = sxr_value_id(r, key);
    if (!v || xc_sx_next(r->t, v) || !xc_sx_is_atom(r->t, v))
        return NULL;
    return xc_sx_text(r->t, v);
}

/* Same atoms in the same order (lists never compare equal). */
static bool same_values(const struct sxr *r, xc_sx_id a, xc_sx_id b)
{
    const struct xc_sx_tree *t = r->t;
    xc_sx_id x = sxr_value_id(r, a), y = sxr_value_id(r, b);
    /* atoms hold no NUL: strcmp compares them whole */
    for (; x && y; x = xc_sx_next(t, x), y = xc_sx_next(t, y)) {
        if (!xc_sx_is_atom(t, x) || !xc_sx_is_atom(t, y) ||
            strcmp(xc_sx_text(t, x), xc_sx_text(t, y)) != 0)
            return false;
    }
    return !x && !y;
}

/* ---- reports ---------------------------------------------------------------- */

static void lost_key(struct sxr *r, const struct sxr_scope *s, xc_sx_id key,
                     const char *head, bool repeated)
{
    struct xc_pos pos = sxr_pos(r, xc_sx_first(r->t, key));
    const char *noun = s->kind == SXR_SC_DEVICE ? "device" : "key";
    const char *value = single_value(r, key);
    struct xc_buf path = {0};

    xc_buf_addf(&path, "%s%s", s->kind == SXR_SC_DEVICE ? "" : s->prefix,
                head);
    xc_domain_add_leftover(r->dom, xc_buf_str(&path), value, pos);
    if (repeated)
        xc_lost(r->d, pos, "unused-key", "%s '%s' (it repeats an earlier "
                "'%s' with another value; only the first one is read)", noun,
                xc_buf_str(&path), head);
    else
        xc_lost(r->d, pos, "unused-key", "%s '%s'", noun, xc_buf_str(&path));
    xc_buf_free(&path);
}

/* A key that was read: any value after the ones read is extra. */
static void check_extra(struct sxr *r, const struct sxr_scope *s,
                        xc_sx_id key, const char *head)
{
    const struct xc_sx_tree *t = r->t;
    for (xc_sx_id v = sxr_value_id(r, key); v; v = xc_sx_next(t, v)) {
        bool atom = xc_sx_is_atom(t, v);
        if (sxr_used(r, v) || blank(t, v))
            continue;
        xc_lost(r->d, sxr_pos(r, v), "unused-value", "extra value %s%s%s "
                "after key '%s%s' (only the first value is read)",
                atom ? "'" : "", atom ? xc_sx_text(t, v) : "(...)",
                atom ? "'" : "", s->prefix, head);
    }
}

/* image/<kind>/vcpus and vcpu_avail: copies of the domain's keys (xend
 * and libvirt's writer repeat them in an HVM image). */
static bool repeats_top(struct sxr *r, const char *key, const char *v)
{
    const char *top;
    if (strcmp(key, "vcpus") != 0 && strcmp(key, "vcpu_avail") != 0)
        return false;
    top = single_value(r, sxr_peek(r, r->root, key));
    return top && strcmp(top, v) == 0;
}

static void report_scope(struct sxr *r, const struct sxr_scope *s,
                         struct first_map *m)
{
    const struct xc_sx_tree *t = r->t;
    size_t n = 0;

    for (xc_sx_id it = sxr_value_id(r, s->list); it; it = xc_sx_next(t, it))
        n++;
    map_start(m, n);
    for (xc_sx_id it = sxr_value_id(r, s->list); it; it = xc_sx_next(t, it)) {
        const char *head = xc_sx_head(t, it);

        if (xc_sx_is_atom(t, it)) {
            if (!sxr_used(r, it) && !blank(t, it))
                xc_lost(r->d, sxr_pos(r, it), "unused-value", "value '%s' "
                        "in %s%s (a key list (KEY VALUE) is expected)",
                        xc_sx_text(r->t, it), *s->prefix ? "" : "the domain",
                        s->prefix);
            continue;
        }
        if (!head) {
            if (xc_sx_first(t, it))
                xc_lost(r->d, sxr_pos(r, it), "unused-value", "a list without "
                        "a key name in %s%s", *s->prefix ? "" : "the domain",
                        s->prefix);
            continue;
        }
        xc_sx_id first = map_first(m, r->t, it);
        if (sxr_used(r, it)) {
            /* a scope's own elements are checked as a scope */
            if (sxr_used(r, it) == 1)
                check_extra(r, s, it, head);
            continue;
        }
        const struct known *k = find_known(s->kind, head);
        if (k && k->kind == K_RUNTIME) {
            xc_note(r->d, sxr_pos(r, xc_sx_first(t, it)), "runtime-state",
                    "%s '%s%s' is xend runtime state, not configuration; "
                    "not converted", s->kind == SXR_SC_DEVICE ? "device"
                    : "key", s->kind == SXR_SC_DEVICE ? "" : s->prefix, head);
            continue;
        }
        const char *v = single_value(r, it);
        if (k && v && strcmp(v, k->dflt) == 0)
            continue;
        if (s->kind != SXR_SC_DEVICE && empty_value(r, it))
            continue;
        if (s->kind == SXR_SC_IMAGE_KIND && v && repeats_top(r, head, v))
            continue;
        if (first != it && same_values(r, first, it))
            continue;
        lost_key(r, s, it, head, first != it);
    }
}

void sxr_report_unused(struct sxr *r)
{
    struct first_map m = {0};

    for (size_t i = 0; i < r->scopes.n; i++) {
        struct sxr_scope s = sxr_scope_at(r, i);
        report_scope(r, &s, &m);
    }
    free(m.slot);
}
