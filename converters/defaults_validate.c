/* What makes libvirt refuse a domain XML after post-parse: the libxl
 * driver's libxlDomainDefValidate and the parts of virDomainDefValidate
 * that concern what the model holds.  Only run for domain XML input:
 * xenParseXL does not validate. */
#include "defaults_priv.h"

#include "../common/buf.h"

/* libxlDomainDefValidate: virCapabilitiesDomainSupported against the
 * driver's guests (hvm, xen, xenpvh on the configured arch; an x86_64
 * host also runs i686 guests). */
static int validate_caps(struct dflt *st)
{
    const struct xc_domain *dom = st->dom;
    const char *host = st->set && st->set->arch ? st->set->arch : "x86_64";
    const char *arch = dom->os.arch.s;
    bool arch_ok = !arch || strcmp(arch, host) == 0 ||
                   (strcmp(host, "x86_64") == 0 && strcmp(arch, "i686") == 0);
    bool virt_ok = !dom->virt_type.s || strcmp(dom->virt_type.s, "xen") == 0;

    if (arch_ok && virt_ok && dom->os.type != XC_OS_NONE)
        return 0;

    struct xc_buf what = {0};
    if (dom->os.type != XC_OS_NONE && dom->os.type != XC_OS_HVM)
        xc_buf_addf(&what, "ostype=%s ", xc_enum_name(XC_T_OS_TYPE, (int)dom->os.type));
    if (arch)
        xc_buf_addf(&what, "arch=%s ", arch);
    if (dom->virt_type.s)
        xc_buf_addf(&what, "domaintype=%s ", dom->virt_type.s);
    struct xc_pos pos = !arch_ok ? dom->os.arch.pos
                      : !virt_ok ? dom->virt_type.pos : dom->os.type_pos;
    xc_error(st->d, pos, DFLT_CHECK_VALIDATE, "could not find capabilities for %s",
             what.len ? xc_buf_str(&what) : "any configuration");
    xc_buf_free(&what);
    return -1;
}

static int validate_sound(struct dflt *st)
{
    static const char *const ok[] = {"ich6", "es1370", "ac97", "sb16", NULL};
    const struct xc_domain *dom = st->dom;

    if (dom->sounds.n == 0)
        return 0;
    const struct xc_sound *snd = &dom->sounds.v[0];
    for (size_t i = 0; ok[i]; i++)
        if (dflt_streq(&snd->model, ok[i]))
            return 0;
    xc_error(st->d, snd->model.s ? snd->model.pos : snd->pos, DFLT_CHECK_VALIDATE,
             "unsupported audio model %s", snd->model.s ? snd->model.s : "");
    return -1;
}

/* ---- duplicates, in libvirt's pair order ---------------------------
 * libvirt compares every pair (i < j) and reports the first pair in
 * (i, j) order: the group whose first member comes first, with its
 * second member.  A hash of first members finds it in linear time. */

struct disk_ctx {
    const struct xc_domain *dom;
    size_t j;
};

static bool same_target(size_t i, const void *ctx)
{
    const struct disk_ctx *c = ctx;
    return strcmp(c->dom->disks.v[i].target.s, c->dom->disks.v[c->j].target.s) == 0;
}

static bool same_drive(size_t i, const void *ctx)
{
    const struct disk_ctx *c = ctx;
    const struct xc_disk *a = &c->dom->disks.v[i], *b = &c->dom->disks.v[c->j];
    const struct xc_drive_addr *x = &xc_disk_rare_ro(a)->addr;
    const struct xc_drive_addr *y = &xc_disk_rare_ro(b)->addr;
    return a->bus == b->bus && x->controller == y->controller &&
           x->bus == y->bus && x->target == y->target && x->unit == y->unit;
}

static uint64_t drive_key(const struct xc_disk *d)
{
    const struct xc_drive_addr *a = &xc_disk_rare_ro(d)->addr;
    uint64_t h = (uint64_t)d->bus;
    h = h * 0x9e3779b97f4a7c15ULL + a->controller;
    h = h * 0x9e3779b97f4a7c15ULL + a->bus;
    h = h * 0x9e3779b97f4a7c15ULL + a->target;
    h = h * 0x9e3779b97f4a7c15ULL + a->unit;
    return h;
}

/* First pair (i, j), i < j, of disks with the same target (by_target) or
 * the same bus and drive address; false if none.  Later members of a
 * group never win: their first member is the same, not smaller. */
static bool first_duplicate(const struct xc_domain *dom, bool by_target,
                            size_t *pi, size_t *pj)
{
    struct dflt_map first = {0};
    bool found = false;

    for (size_t j = 0; j < dom->disks.n; j++) {
        const struct xc_disk *disk = &dom->disks.v[j];
        if (by_target ? !disk->target.s : !disk->addr_present)
            continue;
        uint64_t key = by_target ? dflt_hash_str(disk->target.s) : drive_key(disk);
        struct disk_ctx ctx = {dom, j};
        size_t *i = dflt_map_find(&first, key, by_target ? same_target : same_drive, &ctx);
        if (!i) {
            dflt_map_put(&first, key, j);
            continue;
        }
        /* the earliest j seen for a group is its second member */
        if (!found || *i < *pi) {
            *pi = *i;
            *pj = j;
            found = true;
        }
    }
    dflt_map_free(&first);
    return found;
}

static int validate_disks(struct dflt *st)
{
    const struct xc_domain *dom = st->dom;
    size_t i, j;

    if (first_duplicate(dom, true, &i, &j)) {
        const struct xc_disk *a = &dom->disks.v[i], *b = &dom->disks.v[j];
        xc_error(st->d, b->target.pos, DFLT_CHECK_VALIDATE,
                 "target '%s' duplicated for disk sources '%s' and '%s'",
                 a->target.s, a->source.s ? a->source.s : "<null>",
                 b->source.s ? b->source.s : "<null>");
        return -1;
    }
    if (first_duplicate(dom, false, &i, &j)) {
        const struct xc_disk *a = &dom->disks.v[i], *b = &dom->disks.v[j];
        const struct xc_drive_addr *x = &xc_disk_rare_ro(a)->addr;
        xc_error(st->d, b->pos, DFLT_CHECK_VALIDATE,
                 "Found duplicate drive address for disk with target name '%s' "
                 "controller='%u' bus='%u' target='%u' unit='%u'",
                 a->target.s ? a->target.s : "", x->controller, x->bus,
                 x->target, x->unit);
        return -1;
    }
    return 0;
}

/* virDomainDefLifecycleActionValidate */
static int validate_lifecycle(struct dflt *st)
{
    const struct xc_domain *dom = st->dom;
    const struct { const char *event; enum xc_lifecycle action; } ev[] = {
        {"poweroff", dom->on_poweroff}, {"reboot", dom->on_reboot}};

    for (size_t i = 0; i < 2; i++)
        if (ev[i].action == XC_LC_COREDUMP_DESTROY ||
            ev[i].action == XC_LC_COREDUMP_RESTART) {
            xc_error(st->d, dom->name.pos, DFLT_CHECK_VALIDATE,
                     "Lifecycle event '%s' doesn't support '%s' action",
                     ev[i].event, xc_enum_name(XC_T_LIFECYCLE, (int)ev[i].action));
            return -1;
        }
    return 0;
}

/* virDomainDefOSValidate, without firmware autoselection (not modelled) */
static int validate_loader(struct dflt *st)
{
    const struct xc_os *os = &st->dom->os;

    if (!xc_str_isset(&os->loader) &&
        (os->loader_type != XC_LOADER_NONE || os->loader_readonly != XC_TRI_ABSENT)) {
        xc_error(st->d, os->type_pos, DFLT_CHECK_VALIDATE,
                 "no loader path specified and firmware auto selection disabled");
        return -1;
    }
    return 0;
}

/* virDomainDefVideoValidate */
static int validate_video(struct dflt *st)
{
    const struct xc_domain *dom = st->dom;

    if (dom->videos.n == 0 || dom->videos.v[0].primary != XC_TRI_YES)
        return 0;
    for (size_t i = 1; i < dom->videos.n; i++)
        if (dom->videos.v[i].primary == XC_TRI_YES) {
            xc_error(st->d, dom->videos.v[i].pos, DFLT_CHECK_VALIDATE,
                     "Only one primary video device is supported");
            return -1;
        }
    return 0;
}

int dflt_validate(struct dflt *st)
{
    if (validate_caps(st) < 0 || validate_sound(st) < 0 ||
        validate_disks(st) < 0 || validate_lifecycle(st) < 0 ||
        validate_loader(st) < 0 || validate_video(st) < 0)
        return -1;
    return 0;
}
