/* xenconv launch: create a domain from a config in any format through
 * libxl (converters/libxl_bridge.h builds the libxl_domain_config).  This
 * header does not include libxl.h, so bin/ can call it.  README.md
 * ("Launching on Xen"), docs/xenconv.1.md. */
#ifndef XC_LIBXL_LAUNCH_H
#define XC_LIBXL_LAUNCH_H

#include <stdbool.h>
#include <stdio.h>

#include "../common/settings.h"

/* Exit statuses of launch (besides 0 and 2, usage). */
enum {
    XC_LAUNCH_CONVERT = 1,   /* the config does not read or build */
    XC_LAUNCH_NOT_XEN = 3,   /* no /proc/xen/privcmd, or no libxl context */
    XC_LAUNCH_FAILED = 4,    /* libxl refused or failed to create it */
};

struct xc_launch_opts {
    const char *file;        /* "-" is standard input */
    bool paused;             /* leave the new domain paused */
    bool dry_run;            /* build and print the libxl config, no Xen */
    bool quiet;              /* no notes on stderr */
};

/* The device whose absence means "not a Xen dom0". */
#define XC_LAUNCH_PRIVCMD "/proc/xen/privcmd"

/* Run one launch; an exit status.  Diagnostics to err; the domid (or,
 * for a dry run, libxl's JSON of the config) to out. */
int xc_launch_run(const struct xc_launch_opts *o, const struct xc_settings *set,
                  FILE *out, FILE *err);

/* The command line: xenconv launch [--paused] [--dry-run] [-q] FILE. */
int xc_launch_main(int argc, char **argv, const struct xc_settings *set);
void xc_launch_usage(FILE *out);

#endif
