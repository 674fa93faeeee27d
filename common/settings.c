#include "settings.h"

#include <libconfig.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

static void set_str(char **dst, const char *v)
{
    free(*dst);
    *dst = xc_strdup(v);
}

void xc_settings_init(struct xc_settings *s)
{
    memset(s, 0, sizeof(*s));
    set_str(&s->firmware_dir, "/usr/lib/xen/boot");
    set_str(&s->hvmloader, "/usr/lib/xen/boot/hvmloader");
    set_str(&s->emulator, "/usr/lib/xen/bin/qemu-system-i386");
    set_str(&s->arch, "x86_64");
}

/* Read one optional string setting; a non-string is an error. */
static int load_str(config_t *cf, const char *name, char **dst,
                    struct xc_diags *d)
{
    config_setting_t *st = config_lookup(cf, name);
    if (!st)
        return 0;
    const char *v = config_setting_get_string(st);
    if (!v) {
        struct xc_pos pos = {(unsigned)config_setting_source_line(st), 1};
        xc_error(d, pos, "settings", "'%s' must be a string", name);
        return -1;
    }
    set_str(dst, v);
    return 0;
}

int xc_settings_load(struct xc_settings *s, const char *path, struct xc_diags *d)
{
    config_t cf;
    config_init(&cf);
    const char *saved = d->file;
    d->file = path;
    int rc = -1;
    if (!config_read_file(&cf, path)) {
        if (config_error_type(&cf) == CONFIG_ERR_FILE_IO) {
            xc_error(d, xc_nopos, "settings", "cannot read settings file");
        } else {
            struct xc_pos pos = {(unsigned)config_error_line(&cf), 1};
            xc_error(d, pos, "settings", "%s", config_error_text(&cf));
        }
        goto out;
    }
    int had_hvmloader = config_lookup(&cf, "hvmloader") != NULL;
    if (load_str(&cf, "firmware_dir", &s->firmware_dir, d) < 0 ||
        load_str(&cf, "hvmloader", &s->hvmloader, d) < 0 ||
        load_str(&cf, "emulator", &s->emulator, d) < 0 ||
        load_str(&cf, "arch", &s->arch, d) < 0)
        goto out;
    if (!had_hvmloader) {
        /* hvmloader follows firmware_dir unless set on its own. */
        struct xc_buf b = {0};
        xc_buf_addf(&b, "%s/hvmloader", s->firmware_dir);
        free(s->hvmloader);
        s->hvmloader = xc_buf_steal(&b);
    }
    rc = 0;
out:
    config_destroy(&cf);
    d->file = saved;
    return rc;
}

void xc_settings_free(struct xc_settings *s)
{
    free(s->firmware_dir);
    free(s->hvmloader);
    free(s->emulator);
    free(s->arch);
    memset(s, 0, sizeof(*s));
}
