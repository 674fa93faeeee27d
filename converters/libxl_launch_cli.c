/* xenconv launch's command line (converters/libxl_launch.h). */
#include <stdlib.h>
#include <string.h>

#include "libxl_launch.h"

void xc_launch_usage(FILE *out)
{
    fputs("Usage: xenconv launch [--paused] [--dry-run] [-q] FILE\n"
          "\n"
          "Create a Xen domain from FILE, in any format (xen-xl, xen-xm,\n"
          "xen-sxpr or domain XML, guessed from the content), through libxl:\n"
          "the config is read, libvirt 9.0.0's defaults applied, turned into\n"
          "libxl's libxl_domain_config as libvirt's libxl driver does (the\n"
          "libxl bridge), and handed to libxl_domain_create_new.  Prints the\n"
          "new domain's id.  Runs in a Xen dom0, as root.\n"
          "\n"
          "  --paused     leave the new domain paused (`xl unpause` starts it)\n"
          "  --dry-run    build the config and print libxl's JSON of it; create\n"
          "               nothing (works on any machine)\n"
          "  -q, --quiet  no notes on stderr\n"
          "  -h, --help   this help\n"
          "\n"
          "FILE '-' is standard input.  xenconv does not watch the domain\n"
          "afterwards: on_poweroff/on_reboot/on_crash actions need a toolstack\n"
          "daemon (xl's, libvirt's); a guest that shuts down stays until\n"
          "`xl destroy`.\n"
          "Exit status: 0 created (or dry run done), 1 the config does not\n"
          "read or build, 2 usage error, 3 not a Xen host (no\n"
          "/proc/xen/privcmd, or no libxl context), 4 libxl failed to create\n"
          "the domain.\n",
          out);
}

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "xenconv: launch: %s%s%s\nTry 'xenconv launch --help'.\n", what,
            arg ? " " : "", arg ? arg : "");
    return 2;
}

int xc_launch_main(int argc, char **argv, const struct xc_settings *set)
{
    struct xc_launch_opts o = {0};
    bool opts_done = false;

    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (opts_done || a[0] != '-' || a[1] == '\0') {
            if (o.file)
                return usage_error("takes one FILE; unexpected", a);
            o.file = a;
        } else if (strcmp(a, "--") == 0) {
            opts_done = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            xc_launch_usage(stdout);
            return 0;
        } else if (strcmp(a, "--paused") == 0 || strcmp(a, "-p") == 0) {
            o.paused = true;
        } else if (strcmp(a, "--dry-run") == 0 || strcmp(a, "-n") == 0) {
            o.dry_run = true;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o.quiet = true;
        } else {
            return usage_error("unknown option", a);
        }
    }
    if (!o.file)
        return usage_error("needs a FILE", NULL);
    return xc_launch_run(&o, set, stdout, stderr);
}
