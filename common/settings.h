/* xenconv's own settings (see docs/settings.md and xenconv.conf.sample).
 * Built-in defaults match libvirt 9.0.0's libxl driver on Debian. */
#ifndef XC_SETTINGS_H
#define XC_SETTINGS_H

#include "diag.h"

struct xc_settings {
    char *firmware_dir;   /* replaces LIBXL_FIRMWARE_DIR: /usr/lib/xen/boot */
    char *hvmloader;      /* default HVM <loader>: firmware_dir/hvmloader */
    char *emulator;       /* default device model: /usr/lib/xen/bin/qemu-system-i386 */
    char *arch;           /* guest arch for configs that name none: x86_64 */
};

/* Fill with built-in defaults. */
void xc_settings_init(struct xc_settings *s);
/* Override from a libconfig file.  0 on success, -1 with a diagnostic
 * naming file:line on a syntax error or a wrongly typed setting. */
int xc_settings_load(struct xc_settings *s, const char *path, struct xc_diags *d);
void xc_settings_free(struct xc_settings *s);

#endif
