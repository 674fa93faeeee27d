/* What libvirt's parser does once it has every element in hand: device
 * ordering (virDomainDiskInsert, virDomainControllerInsertPreAlloced,
 * primary video first) and the parse-time defaults that depend on other
 * parts of the document (os type, arch, input buses, lifecycle, uuid,
 * vcpus).  Post-parse defaults are not here: see converters/defaults.c. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "xml_read_priv.h"

/* virDiskNameToIndex: "sda" -> 0, "hdz" -> 25, "vdaa" -> 26; -1 if the
 * name is not a disk name.  Trailing digits (partitions) are ignored. */
int xr_disk_name_index(const char *name)
{
    static const char *const prefixes[] = {"fd", "hd", "vd", "sd", "xvd", "ubd"};
    const char *p = NULL;
    if (!name)
        return -1;
    for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(name, prefixes[i], n) == 0) {
            p = name + n;
            break;
        }
    }
    if (!p || !(*p >= 'a' && *p <= 'z'))
        return -1;
    long long idx = 0;
    for (size_t i = 0; *p >= 'a' && *p <= 'z'; i++, p++) {
        idx = (idx + (i < 1 ? 0 : 1)) * 26 + (*p - 'a');
        if (idx > INT_MAX)
            idx = INT_MAX;   /* libvirt overflows here; we saturate */
    }
    size_t digits = strspn(p, "0123456789");
    if (p[digits] != '\0')
        return -1;
    return (int)idx;
}

/* ---- ordered insertion ----------------------------------------------------- */

/* A doubly linked list of element indices plus, per group, a treap
 * keyed by (key, arrival) so "the first element of my group whose key is
 * greater than mine" is found in O(log n). */
struct order {
    size_t n;
    size_t *next, *prev;     /* SIZE_MAX: none */
    size_t head, tail;
    size_t *left, *right;
    unsigned *prio;
    long long *key;
};

#define NIL SIZE_MAX

static void order_init(struct order *o, size_t n)
{
    o->n = n;
    o->next = xc_calloc(n, sizeof(size_t));
    o->prev = xc_calloc(n, sizeof(size_t));
    o->left = xc_calloc(n, sizeof(size_t));
    o->right = xc_calloc(n, sizeof(size_t));
    o->prio = xc_calloc(n, sizeof(unsigned));
    o->key = xc_calloc(n, sizeof(long long));
    o->head = o->tail = NIL;
    unsigned x = 2463534242u;
    for (size_t i = 0; i < n; i++) {
        o->left[i] = o->right[i] = o->next[i] = o->prev[i] = NIL;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        o->prio[i] = x;
    }
}

static void order_free(struct order *o)
{
    free(o->next);
    free(o->prev);
    free(o->left);
    free(o->right);
    free(o->prio);
    free(o->key);
}

static void list_insert_before(struct order *o, size_t i, size_t at)
{
    o->next[i] = at;
    o->prev[i] = o->prev[at];
    if (o->prev[at] != NIL)
        o->next[o->prev[at]] = i;
    else
        o->head = i;
    o->prev[at] = i;
}

static void list_insert_after(struct order *o, size_t i, size_t at)
{
    o->prev[i] = at;
    o->next[i] = o->next[at];
    if (o->next[at] != NIL)
        o->prev[o->next[at]] = i;
    else
        o->tail = i;
    o->next[at] = i;
}

static void list_append(struct order *o, size_t i)
{
    if (o->tail == NIL) {
        o->head = o->tail = i;
        return;
    }
    list_insert_after(o, i, o->tail);
}

/* (key, index) ordering: later arrivals sort after equal keys. */
static bool less(const struct order *o, size_t a, size_t b)
{
    return o->key[a] < o->key[b] || (o->key[a] == o->key[b] && a < b);
}

static size_t treap_insert(struct order *o, size_t root, size_t i)
{
    if (root == NIL)
        return i;
    if (less(o, i, root)) {
        o->left[root] = treap_insert(o, o->left[root], i);
        if (o->prio[o->left[root]] > o->prio[root]) {
            size_t l = o->left[root];
            o->left[root] = o->right[l];
            o->right[l] = root;
            return l;
        }
    } else {
        o->right[root] = treap_insert(o, o->right[root], i);
        if (o->prio[o->right[root]] > o->prio[root]) {
            size_t r = o->right[root];
            o->right[root] = o->left[r];
            o->left[r] = root;
            return r;
        }
    }
    return root;
}

/* The element with the smallest key greater than k (earliest on ties). */
static size_t treap_upper(const struct order *o, size_t root, long long k)
{
    size_t best = NIL;
    while (root != NIL) {
        if (o->key[root] > k) {
            best = root;
            root = o->left[root];
        } else {
            root = o->right[root];
        }
    }
    return best;
}

/* Reorder an array of n elements of size sz by the list in o, in place:
 * the treap links are no longer needed, so o->left holds, for each final
 * position, the index it takes its element from; each cycle of that
 * permutation is then rotated through one spare element. */
static void apply_order(void *base, size_t n, size_t sz, struct order *o)
{
    char *a = base, *spare = xc_malloc(sz);
    size_t *from = o->left, k = 0;
    for (size_t i = o->head; i != NIL; i = o->next[i])
        from[k++] = i;
    for (size_t p = 0; p < n; p++) {
        if (from[p] == p)
            continue;
        memcpy(spare, a + sz * p, sz);
        size_t j = p;
        while (from[j] != p) {
            size_t s = from[j];
            memcpy(a + sz * j, a + sz * s, sz);
            from[j] = j;
            j = s;
        }
        memcpy(a + sz * j, spare, sz);
        from[j] = j;
    }
    free(spare);
}

/* virDomainDiskInsert, in O(n log n): within a bus disks stay sorted by
 * virDiskNameToIndex of their target, each new disk going before the
 * first of its bus with a greater index, else right after the last disk
 * of its bus, else at the end. */
static void order_disks(struct xr_ctx *c)
{
    struct xc_domain *dom = c->dom;
    size_t n = dom->disks.n;
    if (n < 2)
        return;
    enum { NGROUPS = 16 };
    size_t root[NGROUPS], last[NGROUPS];
    for (size_t g = 0; g < NGROUPS; g++)
        root[g] = last[g] = NIL;
    struct order o;
    order_init(&o, n);
    for (size_t i = 0; i < n; i++) {
        size_t g = (size_t)dom->disks.v[i].bus % NGROUPS;
        o.key[i] = xr_disk_name_index(dom->disks.v[i].target.s);
        if (root[g] == NIL) {
            list_append(&o, i);
            last[g] = i;
        } else {
            size_t u = treap_upper(&o, root[g], o.key[i]);
            if (u != NIL) {
                list_insert_before(&o, i, u);
            } else {
                list_insert_after(&o, i, last[g]);
                last[g] = i;
            }
        }
        root[g] = treap_insert(&o, root[g], i);
    }
    apply_order(dom->disks.v, n, sizeof(dom->disks.v[0]), &o);
    order_free(&o);
}

/* virDomainControllerInsertPreAlloced, in O(n log n).  libvirt scans the
 * controllers of the new one's type backwards: one without an index (-1)
 * goes right after the last of its type; one with index k goes before
 * the first (in list order) of its type whose index is greater than k,
 * else right after the last of its type; with none of its type, at the
 * end.  Indexed controllers of a type therefore stay sorted (equal ones
 * in arrival order) whatever unindexed ones sit between them, so "the
 * first greater than k" is the smallest (index, arrival) greater than k:
 * a treap per type finds it, as for disks. */
static void order_controllers(struct xr_ctx *c)
{
    struct xc_domain *dom = c->dom;
    size_t n = dom->controllers.n;
    if (n < 2)
        return;
    enum { NGROUPS = 16 };      /* more than there are controller types */
    size_t root[NGROUPS], last[NGROUPS];
    for (size_t g = 0; g < NGROUPS; g++)
        root[g] = last[g] = NIL;
    struct order o;
    order_init(&o, n);
    for (size_t i = 0; i < n; i++) {
        const struct xc_controller *ct = &dom->controllers.v[i];
        size_t g = (size_t)ct->type % NGROUPS;
        long long idx = ct->has_index ? (long long)ct->index : -1;
        o.key[i] = idx;
        size_t u = idx == -1 || root[g] == NIL ? NIL : treap_upper(&o, root[g], idx);
        if (root[g] == NIL) {
            list_append(&o, i);
            last[g] = i;
        } else if (u != NIL) {
            list_insert_before(&o, i, u);
        } else {
            list_insert_after(&o, i, last[g]);
            last[g] = i;
        }
        root[g] = treap_insert(&o, root[g], i);
    }
    apply_order(dom->controllers.v, n, sizeof(dom->controllers.v[0]), &o);
    order_free(&o);
}

/* Each primary video is inserted at the front as it is parsed. */
static void order_videos(struct xr_ctx *c)
{
    struct xc_domain *dom = c->dom;
    size_t n = dom->videos.n, k = 0;
    if (n < 2)
        return;
    struct xc_video *tmp = xc_calloc(n, sizeof(*tmp));
    for (size_t i = n; i-- > 0;)
        if (dom->videos.v[i].primary == XC_TRI_YES)
            tmp[k++] = dom->videos.v[i];
    for (size_t i = 0; i < n; i++)
        if (dom->videos.v[i].primary != XC_TRI_YES)
            tmp[k++] = dom->videos.v[i];
    memcpy(dom->videos.v, tmp, n * sizeof(*tmp));
    free(tmp);
}

/* ---- parse-time defaults ------------------------------------------------------ */

static bool arch_is_x86(const char *arch)
{
    return !arch || strcmp(arch, "i686") == 0 || strcmp(arch, "x86_64") == 0;
}

static void drop_hvm_only(struct xr_ctx *c)
{
    struct xc_os *os = &c->dom->os;
    for (unsigned i = 0; i < os->nboot; i++) {
        struct xc_pos pos = i < c->boot_pos.n ? c->boot_pos.v[i] : xc_nopos;
        xc_lost(c->d, pos, "unmodeled",
                "<boot> of a non-hvm guest (libvirt ignores it)");
        xc_domain_add_leftover(c->dom, "/domain/os/boot", xc_enum_name(XC_T_BOOT_DEV, (int)os->boot[i]), pos);
    }
    os->nboot = 0;
    if (os->slic_table.s) {
        xc_lost(c->d, os->slic_table.pos, "unmodeled",
                "<acpi><table> of a non-hvm guest (libvirt ignores it)");
        xc_domain_add_leftover(c->dom, "/domain/os/acpi/table", os->slic_table.s, os->slic_table.pos);
        xc_str_clear(&os->slic_table);
    }
    if (os->bootmenu != XC_TRI_ABSENT) {
        xc_lost(c->d, os->type_pos, "unmodeled",
                "<bootmenu> of a non-hvm guest (libvirt ignores it)");
        xc_domain_add_leftover(c->dom, "/domain/os/bootmenu", NULL, os->type_pos);
        os->bootmenu = XC_TRI_ABSENT;
    }
}

int xr_finish(struct xr_ctx *c)
{
    struct xc_domain *dom = c->dom;

    /* virDomainDefParseCaps */
    if (!c->have_os_type) {
        if (dom->os.bootloader.s) {
            dom->os.type = XC_OS_XEN;
        } else {
            return xr_error(c, c->domain_pos, "an os <type> must be specified");
        }
    }
    if (!dom->os.arch.s) {
        const char *arch = c->set && c->set->arch ? c->set->arch : "x86_64";
        xc_str_set(&dom->os.arch, arch, xc_nopos);
    }
    if (dom->os.type != XC_OS_HVM)
        drop_hvm_only(c);

    /* virDomainDefParseIDs: a missing uuid is generated */
    if (!dom->has_uuid) {
        xc_uuid_generate(dom->uuid);
        dom->has_uuid = true;
    }
    /* virDomainVcpuParse: one vcpu without <vcpu> */
    if (!dom->has_vcpus) {
        dom->has_vcpus = true;
        dom->maxvcpus = 1;
    }
    /* virDomainDefLifecycleParse defaults */
    if (!c->have_on_reboot)
        dom->on_reboot = XC_LC_RESTART;
    if (!c->have_on_poweroff)
        dom->on_poweroff = XC_LC_DESTROY;
    if (!c->have_on_crash)
        dom->on_crash = XC_LC_DESTROY;

    /* virDomainInputDefParseXML: bus from os type and arch */
    for (size_t i = 0; i < dom->inputs.n; i++) {
        struct xc_input *in = &dom->inputs.v[i];
        if (in->bus != XC_INPUT_BUS_NONE)
            continue;
        if (dom->os.type == XC_OS_HVM) {
            if ((in->type == XC_INPUT_MOUSE || in->type == XC_INPUT_KBD) &&
                arch_is_x86(dom->os.arch.s))
                in->bus = XC_INPUT_BUS_PS2;
            else if (dom->os.arch.s && strncmp(dom->os.arch.s, "s390", 4) == 0)
                xc_lost(c->d, in->pos, "unmodeled",
                        "this input device (libvirt gives it a virtio bus, "
                        "which xenconv's model cannot hold)");
            else
                in->bus = XC_INPUT_BUS_USB;
        } else if (dom->os.type == XC_OS_XEN || dom->os.type == XC_OS_XENPVH) {
            in->bus = XC_INPUT_BUS_XEN;
        }
    }

    order_disks(c);
    order_controllers(c);
    order_videos(c);
    return c->failed ? -1 : 0;
}
