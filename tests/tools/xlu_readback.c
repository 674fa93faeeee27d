/* xlu_readback FILE [KEY...]: read FILE with xl's own parser (libxlutil)
 * and print each KEY's value as xl sees it, one line per value:
 *
 *   key=<string>        a string (or number: xl keeps numbers as text)
 *   key[i]=<item>       each item of a list
 *   key=[]              an empty list
 *   key[i]=<not a string>   a list item xl cannot read as a string
 *   key (unset)         not in the file
 *
 * Bytes outside 0x20..0x7e, and the backslash, are written \xNN, so every
 * value is one line and the output is unambiguous.  Without KEYs, the keys
 * are those xenconv's own parser finds in FILE (in order, each once), or a
 * fixed set of common xl keys if it cannot parse the file.
 *
 * Exit status: 0, or 1 when xl cannot parse FILE, 2 on a usage or I/O
 * error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxlutil.h>

#include "common/diag.h"
#include "common/source.h"
#include "formats/cfg/cfg.h"

static const char *const default_keys[] = {
    "name", "uuid", "type", "builder", "memory", "maxmem", "vcpus",
    "maxvcpus", "cpus", "kernel", "ramdisk", "extra", "cmdline", "root",
    "bootloader", "bootloader_args", "boot", "disk", "vif", "vfb", "pci",
    "serial", "channel", "usbdevice", "on_poweroff", "on_reboot", "on_crash",
    "device_model_args", NULL
};

static void put_escaped(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p >= 0x7f || *p == '\\')
            printf("\\x%02x", *p);
        else
            putchar(*p);
    }
}

static void show(XLU_Config *c, const char *key)
{
    const char *s = NULL;
    if (xlu_cfg_get_string(c, key, &s, 1) == 0) {
        fputs(key, stdout);
        putchar('=');
        put_escaped(s);
        putchar('\n');
        return;
    }
    XLU_ConfigList *list = NULL;
    int n = 0;
    int rc = xlu_cfg_get_list(c, key, &list, &n, 1);
    if (rc == ESRCH) {
        printf("%s (unset)\n", key);
        return;
    }
    if (rc != 0) {
        printf("%s (unreadable: error %d)\n", key, rc);
        return;
    }
    if (n == 0)
        printf("%s=[]\n", key);
    for (int i = 0; i < n; i++) {
        const char *item = xlu_cfg_get_listitem(list, i);
        printf("%s[%d]=", key, i);
        if (item)
            put_escaped(item);
        else
            fputs("<not a string>", stdout);
        putchar('\n');
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [KEY...]\n", argv[0]);
        return 2;
    }
    struct xc_diags d = {0};
    struct xc_source src = {0};
    if (xc_source_load(&src, argv[1], &d) < 0) {
        xc_diags_print(&d, stderr);
        xc_diags_free(&d);
        return 2;
    }
    if (src.len > (size_t)0x7fffffff) {
        fprintf(stderr, "%s: too large for libxlutil\n", argv[1]);
        xc_source_free(&src);
        return 2;
    }

    XLU_Config *c = xlu_cfg_init(stderr, argv[1]);
    if (!c) {
        fprintf(stderr, "xlu_cfg_init: out of memory\n");
        xc_source_free(&src);
        return 2;
    }
    /* libxlutil asserts on a NUL byte inside a string: treat any NUL as
     * a file xl cannot parse rather than abort. */
    if (memchr(src.data, '\0', src.len) ||
        xlu_cfg_readdata(c, src.data, (int)src.len) != 0) {
        fprintf(stderr, "%s: xl cannot parse this file\n", argv[1]);
        xlu_cfg_destroy(c);
        xc_source_free(&src);
        return 1;
    }

    if (argc > 2) {
        for (int i = 2; i < argc; i++)
            show(c, argv[i]);
    } else {
        struct xc_cfg cfg = {0};
        struct xc_diags quiet = {0};
        if (xc_cfg_parse(&src, &cfg, &quiet) == 0) {
            for (size_t i = 0; i < cfg.entries.n; i++) {
                const char *k = cfg.entries.v[i].key;
                if (xc_cfg_count(&cfg, k) > 1) {
                    size_t j = 0;
                    while (strcmp(cfg.entries.v[j].key, k) != 0)
                        j++;
                    if (j != i)
                        continue;   /* shown at its first occurrence */
                }
                show(c, k);
            }
        } else {
            for (const char *const *k = default_keys; *k; k++)
                show(c, *k);
        }
        xc_cfg_free(&cfg);
        xc_diags_free(&quiet);
    }
    xlu_cfg_destroy(c);
    xc_source_free(&src);
    xc_diags_free(&d);
    return 0;
}
