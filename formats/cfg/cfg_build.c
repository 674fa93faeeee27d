/* Looking up, building and freeing xc_cfg entries, with the semantics of
 * libvirt's virConfGetValue (first entry wins) and virConfSetValue
 * (replace in place, else append). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "cfg_int.h"

void xc_cfg_value_clear(struct xc_cfg_value *v)
{
    free(v->str);
    free(v->raw);
    for (size_t i = 0; i < v->items.n; i++)
        xc_cfg_value_clear(&v->items.v[i]);
    free(v->items.v);
    memset(v, 0, sizeof(*v));
}

void xc_cfg_free(struct xc_cfg *cfg)
{
    for (size_t i = 0; i < cfg->entries.n; i++) {
        free(cfg->entries.v[i].key);
        xc_cfg_value_clear(&cfg->entries.v[i].value);
    }
    free(cfg->entries.v);
    memset(cfg, 0, sizeof(*cfg));
}

static struct xc_cfg_entry *find(const struct xc_cfg *cfg, const char *key)
{
    for (size_t i = 0; i < cfg->entries.n; i++)
        if (strcmp(cfg->entries.v[i].key, key) == 0)
            return &cfg->entries.v[i];
    return NULL;
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
    fill_string(xc_vec_push(&list->items), value, pos);
}

void xc_cfg_list_add_number(struct xc_cfg_value *list, long long value)
{
    fill_number(xc_vec_push(&list->items), value);
}
