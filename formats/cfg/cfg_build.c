/* Looking up, building and freeing xc_cfg entries, with the semantics of
 * libvirt's virConfGetValue (first entry wins) and virConfSetValue
 * (replace in place, else append). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "cfg_int.h"

/* A list of 100,000 disks is 100,000 values: keep them this small. */
_Static_assert(sizeof(void *) != 8 || sizeof(struct xc_cfg_value) == 40,
               "struct xc_cfg_value grew");

void xc_cfg_value_clear(struct xc_cfg_value *v)
{
    if (v->kind == XC_CFG_LIST) {
        for (size_t i = 0; i < v->items.n; i++)
            xc_cfg_value_clear(&v->items.v[i]);
        free(v->items.v);
    } else if (!v->stored) {    /* the store is freed with the tree */
        free(v->str);
        if (v->kind == XC_CFG_STRING)
            free(v->raw);
    }
    memset(v, 0, sizeof(*v));
}

void xc_cfg_free(struct xc_cfg *cfg)
{
    for (size_t i = 0; i < cfg->entries.n; i++) {
        if (!cfg->entries.v[i].key_stored)
            free(cfg->entries.v[i].key);
        xc_cfg_value_clear(&cfg->entries.v[i].value);
    }
    free(cfg->entries.v);
    free(cfg->index);
    xc_cfg_store_free(cfg);
    memset(cfg, 0, sizeof(*cfg));
}

/* ---- lookup ------------------------------------------------------------ */

/* Below this many entries a scan is as fast as the index. */
enum { INDEX_MIN = 16 };

static size_t key_hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;     /* FNV-1a, then a finaliser */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (size_t)h;
}

/* The slot holding key, or the empty slot where it would go. */
static size_t *index_slot(const struct xc_cfg *cfg, const char *key)
{
    size_t mask = cfg->index_cap - 1;
    for (size_t j = key_hash(key) & mask;; j = (j + 1) & mask) {
        size_t *s = &cfg->index[j];
        if (!*s || strcmp(cfg->entries.v[*s - 1].key, key) == 0)
            return s;
    }
}

/* Bring the index up to date with entries appended since (entries are
 * only ever appended; a shrunk list is indexed afresh). */
static void index_update(struct xc_cfg *cfg)
{
    size_t n = cfg->entries.n;
    if (cfg->indexed > n) {
        free(cfg->index);
        cfg->index = NULL;
        cfg->index_cap = cfg->indexed = 0;
    }
    if (cfg->indexed == n)
        return;
    if (n * 2 > cfg->index_cap) {      /* load at most one half */
        size_t cap = cfg->index_cap ? cfg->index_cap : 64;
        while (n * 2 > cap)
            cap *= 2;
        free(cfg->index);
        cfg->index = xc_calloc(cap, sizeof(*cfg->index));
        cfg->index_cap = cap;
        cfg->indexed = 0;
    }
    for (size_t i = cfg->indexed; i < n; i++) {
        size_t *s = index_slot(cfg, cfg->entries.v[i].key);
        if (!*s)
            *s = i + 1;
    }
    cfg->indexed = n;
}

static struct xc_cfg_entry *find(struct xc_cfg *cfg, const char *key)
{
    if (cfg->entries.n < INDEX_MIN) {   /* first bytes compared inline */
        for (size_t i = 0; i < cfg->entries.n; i++)
            if (cfg->entries.v[i].key[0] == key[0] &&
                strcmp(cfg->entries.v[i].key, key) == 0)
                return &cfg->entries.v[i];
        return NULL;
    }
    index_update(cfg);
    size_t *s = index_slot(cfg, key);
    return *s ? &cfg->entries.v[*s - 1] : NULL;
}

struct xc_cfg_entry *xc_cfg_get(struct xc_cfg *cfg, const char *key)
{
    struct xc_cfg_entry *e = find(cfg, key);
    if (e)
        e->used = true;
    return e;
}

size_t xc_cfg_count(const struct xc_cfg *cfg, const char *key)
{
    size_t n = 0;
    for (size_t i = 0; i < cfg->entries.n; i++)
        if (strcmp(cfg->entries.v[i].key, key) == 0)
            n++;
    return n;
}

/* The value slot for key, emptied: the existing entry's, or a new one. */
static struct xc_cfg_value *slot(struct xc_cfg *cfg, const char *key)
{
    struct xc_cfg_entry *e = find(cfg, key);
    if (e) {
        xc_cfg_value_clear(&e->value);
        e->append = false;
    } else {
        e = xc_vec_push(&cfg->entries);
        e->key = xc_strdup(key);
        e->key_pos = xc_nopos;
    }
    return &e->value;
}

static void fill_string(struct xc_cfg_value *v, const char *value,
                        struct xc_pos pos)
{
    v->kind = XC_CFG_STRING;
    v->pos = pos;
    v->str = value ? xc_strdup(value) : NULL;
}

static void fill_number(struct xc_cfg_value *v, long long value)
{
    char tmp[32];
    snprintf(tmp, sizeof(tmp), "%lld", value);
    v->kind = XC_CFG_NUMBER;
    v->pos = xc_nopos;
    v->num = value;
    v->str = xc_strdup(tmp);
}

void xc_cfg_set_string(struct xc_cfg *cfg, const char *key, const char *value,
                       struct xc_pos pos)
{
    fill_string(slot(cfg, key), value, pos);
}

void xc_cfg_set_number(struct xc_cfg *cfg, const char *key, long long value)
{
    fill_number(slot(cfg, key), value);
}

struct xc_cfg_value *xc_cfg_set_list(struct xc_cfg *cfg, const char *key)
{
    struct xc_cfg_value *v = slot(cfg, key);
    v->kind = XC_CFG_LIST;
    v->pos = xc_nopos;
    return v;
}

void xc_cfg_list_add_string(struct xc_cfg_value *list, const char *value,
                            struct xc_pos pos)
{
    fill_string(xc_cfg_items_push(&list->items), value, pos);
}

void xc_cfg_list_add_number(struct xc_cfg_value *list, long long value)
{
    fill_number(xc_cfg_items_push(&list->items), value);
}

void xc_cfg_list_reserve(struct xc_cfg_value *list, size_t n)
{
    if (n > list->items.cap && n <= UINT32_MAX) {
        list->items.v = xc_realloc(list->items.v, n * sizeof(*list->items.v));
        list->items.cap = (uint32_t)n;
    }
}

struct xc_cfg_value *xc_cfg_items_push(struct xc_cfg_items *items)
{
    if (items->n == items->cap) {
        if (items->cap > UINT32_MAX / 2)
            abort();   /* unreachable: see struct xc_cfg_items */
        items->cap = items->cap ? items->cap * 2 : 4;
        items->v = xc_realloc(items->v, (size_t)items->cap * sizeof(*items->v));
    }
    struct xc_cfg_value *v = &items->v[items->n++];
    memset(v, 0, sizeof(*v));
    return v;
}

void xc_cfg_list_add_stored(struct xc_cfg *cfg, struct xc_cfg_value *list,
                            const char *s, size_t n, struct xc_pos pos)
{
    struct xc_cfg_value *v = xc_cfg_items_push(&list->items);
    v->kind = XC_CFG_STRING;
    v->pos = pos;
    v->stored = true;   /* freed with cfg's store */
    v->str = xc_cfg_store_strndup(cfg, s, n);
}

void xc_cfg_set_list_value(struct xc_cfg *cfg, const char *key,
                           struct xc_cfg_value *list)
{
    struct xc_cfg_value *v = slot(cfg, key);
    *v = *list;
    v->kind = XC_CFG_LIST;
    v->pos = xc_nopos;
    *list = (struct xc_cfg_value)XC_CFG_LIST_INIT;
}

void xc_cfg_value_free(struct xc_cfg_value *v)
{
    xc_cfg_value_clear(v);
}
