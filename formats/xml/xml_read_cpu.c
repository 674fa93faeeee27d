/* <cpu> with its features and NUMA cells (cpu_conf.c virCPUDefParseXML,
 * numa_conf.c virDomainNumaDefParseXML and its distance parsing). */
#include <stdlib.h>
#include <string.h>

#include "xml_read_priv.h"
#include "xml_units.h"


void xr_cpu_free(struct xr_ctx *c)
{
    if (c->cpu_feature_names) {
        xc_strset_free(c->cpu_feature_names);
        free(c->cpu_feature_names);
        c->cpu_feature_names = NULL;
    }
    free(c->unit);
    c->unit = NULL;
}

static const char *const cpu_modes[] = {"custom", "host-model", "host-passthrough", "maximum", NULL};
static const char *const cpu_matches[] = {"minimum", "exact", "strict", NULL};
static const char *const cpu_checks[] = {"none", "partial", "full", NULL};
static const char *const cpu_policies[] = {"force", "require", "optional", "disable", "forbid", NULL};

static bool mode_is(const struct xc_cpu *cpu, const char *m)
{
    return cpu->mode.s && strcmp(cpu->mode.s, m) == 0;
}

int xr_cpu_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    struct xc_cpu *cpu = &c->dom->cpu;
    cpu->present = true;
    if (xr_attr_oneof(c, "mode", cpu_modes, &cpu->mode) < 0)
        return -1;
    enum xc_tristate mig = XC_TRI_ABSENT;
    int r = xr_attr_switch(c, "migratable", &mig);
    if (r < 0)
        return -1;
    if (r > 0) {
        if (!mode_is(cpu, "host-passthrough") && !mode_is(cpu, "maximum"))
            return xr_error(c, xr_attr_pos(c, "migratable"),
                            "Attribute migratable is only allowed for 'host-passthrough' / 'maximum' CPU mode");
        xc_str_set(&cpu->migratable, xr_attr(c, "migratable"), xr_attr_pos(c, "migratable"));
    }
    if (xr_attr_oneof(c, "match", cpu_matches, &cpu->match) < 0 ||
        xr_attr_oneof(c, "check", cpu_checks, &cpu->check) < 0)
        return -1;
    return 0;
}

int xr_cpu_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)t;
    (void)n;
    struct xc_cpu *cpu = &c->dom->cpu;
    if (cpu->features.n && !cpu->model.s && (!cpu->mode.s || mode_is(cpu, "custom")))
        return xr_error(c, f->pos, "Non-empty feature list specified without CPU model");
    return 0;
}

int xr_cpu_model_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    if (n)
        xr_text_set(&c->dom->cpu.model, t, n, f->pos);
    return 0;
}

int xr_cpu_feature_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_cpu *cpu = &c->dom->cpu;
    const char *policy = xr_attr(c, "policy");
    if (policy && !xr_in_list(cpu_policies, policy))
        return xr_error(c, xr_attr_pos(c, "policy"), "Invalid CPU feature policy");
    const char *name = xr_attr(c, "name");
    if (!name || !*name)
        return xr_error(c, f->pos, "Invalid CPU feature name");
    struct xc_cpu_feature *feat = xc_vec_push(&cpu->features);
    xc_str_set(&feat->name, name, f->pos);
    xc_str_set(&feat->policy, policy ? policy : "require",
               policy ? xr_attr_pos(c, "policy") : f->pos);
    if (!c->cpu_feature_names)
        c->cpu_feature_names = xc_calloc(1, sizeof(*c->cpu_feature_names));
    if (!xc_strset_add(c->cpu_feature_names, feat->name.s))
        return xr_error(c, f->pos, "CPU feature '%s' specified more than once", name);
    return 0;
}

/* ---- NUMA ------------------------------------------------------------------ */

int xr_numa_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    (void)c;
    return 0;
}

int xr_cell_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_cpu *cpu = &c->dom->cpu;
    size_t index = cpu->cells.n;
    struct xc_numa_cell *cell = xc_vec_push(&cpu->cells);
    cell->pos = f->pos;
    unsigned id;
    int r = xr_attr_uint(c, "id", 10, &id);
    if (r < 0)
        return -1;
    cell->id = r ? id : (unsigned)index;
    c->cell_cur = cell->id;
    const char *cpus = xr_attr(c, "cpus");
    if (cpus) {
        struct xc_pos pos = xr_attr_pos(c, "cpus");
        if (!xc_cpuset_valid(cpus, 4096, false))
            return xr_error(c, pos, "Failed to parse bitmap '%s'", cpus);
        xc_str_set(&cell->cpus, cpus, pos);
    }
    const char *mem = xr_attr(c, "memory");
    if (!mem)
        return xr_error(c, f->pos, "missing element or attribute './@memory'");
    const char *unit = xr_attr(c, "unit");
    uint64_t kib;
    int rc = xc_parse_memory_kib(mem, unit, &kib);
    if (rc == -1)
        return xr_error(c, xr_attr_pos(c, "memory"),
                        "Invalid value '%s' for element or attribute './@memory'", mem);
    if (rc == -2)
        return xr_error(c, xr_attr_pos(c, "unit"), "unknown unit '%s' (expected b, KB, KiB, MB, MiB, GB, GiB, TB, TiB, PB, PiB, EB or EiB)", unit);
    if (rc == -3)
        return xr_error(c, xr_attr_pos(c, "memory"), "size value too large: %s%s",
                        mem, unit ? unit : "");
    cell->memory_kib = kib;
    c->cell = cell;
    c->cell_has_distances = false;
    c->cell_nsiblings = 0;
    xc_vec_push(&c->cell_ids)[0] = cell->id;
    return 0;
}

int xr_cell_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)t;
    (void)n;
    c->cell = NULL;
    if (c->cell_has_distances && !c->cell_nsiblings)
        return xr_error(c, f->pos, "NUMA distances defined without siblings");
    return 0;
}

int xr_distances_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    c->cell_has_distances = true;
    return 0;
}

int xr_sibling_start(struct xr_ctx *c, struct xr_frame *f)
{
    unsigned id, value;
    int r = xr_attr_uint(c, "id", 10, &id);
    if (r < 0)
        return -1;
    if (r == 0)
        return xr_error(c, f->pos, "Missing required attribute 'id' in element 'sibling'");
    r = xr_attr_uint(c, "value", 10, &value);
    if (r < 0)
        return -1;
    if (r == 0)
        return xr_error(c, f->pos, "Missing required attribute 'value' in element 'sibling'");
    unsigned cur = c->cell_cur;
    if (value < 10 || value > 255 || (id == cur && value != 10) ||
        (id != cur && value == 10))
        return xr_error(c, xr_attr_pos(c, "value"),
                        "'value %u' is invalid for 'sibling id %u' under NUMA 'cell id %u'",
                        value, id, cur);
    struct xr_sibling *s = xc_vec_push(&c->siblings);
    s->cell = cur;
    s->id = id;
    s->value = value;
    s->pos = f->pos;
    c->cell_nsiblings++;
    return 0;
}

/* (row, col) -> value map for the distance matrix, sparse. */
struct dist_map {
    uint64_t *key;
    unsigned *val;
    size_t cap, n;
};

static size_t dm_find(const struct dist_map *m, uint64_t key)
{
    size_t j = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 17) & (m->cap - 1);
    while (m->val[j] && m->key[j] != key)
        j = (j + 1) & (m->cap - 1);
    return j;
}

static unsigned dm_get(const struct dist_map *m, uint64_t key)
{
    return m->val[dm_find(m, key)];
}

static void dm_set(struct dist_map *m, uint64_t key, unsigned v)
{
    size_t j = dm_find(m, key);
    if (!m->val[j])
        m->n++;
    m->key[j] = key;
    m->val[j] = v;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int xr_numa_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)t;
    (void)n;
    struct xc_cpu *cpu = &c->dom->cpu;
    size_t ncells = cpu->cells.n;
    if (!ncells)
        return xr_error(c, f->pos, "NUMA topology defined without NUMA cells");

    /* Cells are kept in id order; ids must be exactly 0..n-1. */
    struct xc_numa_cell *sorted = xc_calloc(ncells, sizeof(*sorted));
    unsigned char *have = xc_calloc(ncells, 1);
    for (size_t i = 0; i < ncells; i++) {
        struct xc_numa_cell *cell = &cpu->cells.v[i];
        if (cell->id >= ncells || have[cell->id]) {
            int rc = cell->id >= ncells
                ? xr_error(c, cell->pos, "Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous ranges or ranges not starting from 0 are not allowed")
                : xr_error(c, cell->pos, "Duplicate NUMA cell info for cell id '%u'", cell->id);
            free(have);
            free(sorted);
            return rc;
        }
        have[cell->id] = 1;
        sorted[cell->id] = *cell;
    }
    free(have);
    free(cpu->cells.v);
    cpu->cells.v = sorted;
    cpu->cells.cap = ncells;

    if (!c->siblings.n)
        return 0;
    for (size_t i = 0; i < c->siblings.n; i++)
        if (c->siblings.v[i].id >= ncells)
            return xr_error(c, c->siblings.v[i].pos,
                            "'sibling_id %u' does not refer to a valid cell within NUMA 'cell id %u'",
                            c->siblings.v[i].id, c->siblings.v[i].cell);

    /* Apply the distances as libvirt does, symmetric where not given. */
    struct dist_map m = {0};
    m.cap = 16;
    while (m.cap < c->siblings.n * 8 + 16)
        m.cap *= 2;
    m.key = xc_calloc(m.cap, sizeof(*m.key));
    m.val = xc_calloc(m.cap, sizeof(*m.val));
    unsigned char *row = xc_calloc(ncells, 1);
    for (size_t i = 0; i < c->siblings.n; i++) {
        uint64_t cur = c->siblings.v[i].cell, sib = c->siblings.v[i].id;
        unsigned v = c->siblings.v[i].value;
        if (!row[cur]) {
            row[cur] = 1;
            dm_set(&m, cur << 32 | cur, 10);
        }
        dm_set(&m, cur << 32 | sib, v);
        if (!row[sib]) {
            row[sib] = 1;
            dm_set(&m, sib << 32 | sib, 10);
        }
        if (!dm_get(&m, sib << 32 | cur))
            dm_set(&m, sib << 32 | cur, v);
    }
    uint64_t *keys = xc_calloc(m.n ? m.n : 1, sizeof(*keys));
    size_t nk = 0;
    for (size_t j = 0; j < m.cap; j++)
        if (m.val[j])
            keys[nk++] = m.key[j];
    qsort(keys, nk, sizeof(*keys), cmp_u64);
    for (size_t k = 0; k < nk; k++) {
        struct xc_numa_cell *cell = &cpu->cells.v[keys[k] >> 32];
        struct xc_numa_distance *dd = xc_vec_push(&cell->distances);
        dd->id = (unsigned)(keys[k] & 0xffffffffu);
        dd->value = dm_get(&m, keys[k]);
    }
    free(keys);
    free(row);
    free(m.key);
    free(m.val);
    return 0;
}
