/* `xenconv migrate` command line (bin/xenconv.c dispatches here). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "migrate.h"

void xc_migrate_usage(FILE *out)
{
    fputs("Usage: xenconv migrate --output-dir DIR FILE|DIR...\n"
          "       xenconv migrate --in-place [--backup SUFFIX] FILE|DIR...\n"
          "       xenconv migrate [--report FILE.md] [--report-json FILE.json] FILE|DIR...\n"
          "       xenconv migrate FILE            (the xl config on stdout)\n"
          "\n"
          "Migrate legacy xm configs to xl.cfg(5) configs (Xen 4.17).  Only what\n"
          "must change changes (builder -> type, the HVM hvmloader kernel,\n"
          "device_model -> device_model_override, disk specs in xl's syntax,\n"
          "xend-only keys removed); comments, order and everything else are kept.\n"
          "Every result is checked before it is written: xl's own parser\n"
          "(libxlutil) reads it, and it gives the domain the xm config gives,\n"
          "except for what the report lists.  A config with embedded Python is\n"
          "reported as needing a hand migration, with the line; nothing is written\n"
          "for it.  A DIR stands for its regular files (not hidden, not ending\n"
          "in '~' or the backup suffix), by name.\n"
          "\n"
          "  --output-dir DIR     write DIR/NAME for each input NAME (atomically)\n"
          "  --in-place           replace each input (atomically)\n"
          "  --backup SUFFIX      with --in-place: keep the input as NAME+SUFFIX\n"
          "                       (an existing backup is never replaced)\n"
          "  --report FILE        per file and key: kept, changed (old -> new, why),\n"
          "                       lost (why, what to do), and a summary, as Markdown\n"
          "  --report-json FILE   the same as JSON ('-': standard output)\n"
          "  --normalize          write what xm -> domain -> xl gives instead\n"
          "                       (libvirt's layout; comments and order are not kept)\n"
          "  -q, --quiet          no notes, no summary line, no progress\n"
          "  -h, --help           this help\n"
          "\n"
          "Without --output-dir or --in-place, one FILE is written to standard\n"
          "output and several inputs are a dry run (reports and diagnostics only).\n"
          "Diagnostics: FILE:LINE:COL: note: 'KEY' changed: ... [migrate-changed],\n"
          "warning: ... lost [migrate-lost], error: needs a hand migration\n"
          "[migrate-python], error: ... [migrate-check].\n"
          "Exit status: 0 every file migrated, 1 a file needs hands or failed,\n"
          "2 usage error, 70 out of memory.\n", out);
}

static int usage(const char *msg, const char *arg)
{
    fprintf(stderr, "xenconv: ");
    fputs(msg, stderr);
    if (arg)
        fprintf(stderr, " '%s'", arg);
    fputs("\nTry 'xenconv migrate --help'.\n", stderr);
    return 2;
}

int xc_migrate_main(int argc, char **argv, const struct xc_settings *set)
{
    struct xc_migrate_opts o = {0};
    const char **files = calloc((size_t)argc + 1, sizeof(*files));
    size_t n = 0;
    bool done = false;
    int rc = 2;
    if (!files) {
        fputs("xenconv: out of memory\n", stderr);
        return 70;
    }
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        if (done || a[0] != '-' || a[1] == '\0') {
            files[n++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            done = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            xc_migrate_usage(stdout);
            rc = 0;
            goto out;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o.quiet = true;
        } else if (strcmp(a, "--in-place") == 0) {
            o.in_place = true;
        } else if (strcmp(a, "--normalize") == 0) {
            o.normalize = true;
        } else if (strcmp(a, "--output-dir") == 0) {
            slot = &o.output_dir;
        } else if (strcmp(a, "--backup") == 0) {
            slot = &o.backup;
        } else if (strcmp(a, "--report") == 0) {
            slot = &o.report_md;
        } else if (strcmp(a, "--report-json") == 0) {
            slot = &o.report_json;
        } else {
            rc = usage("unknown option", a);
            goto out;
        }
        if (slot) {
            if (i + 1 >= argc || !argv[i + 1][0]) {
                rc = usage("option needs a non-empty value:", a);
                goto out;
            }
            *slot = argv[++i];
        }
    }
    if (n == 0)
        rc = usage("migrate needs an input FILE or DIR", NULL);
    else if (o.output_dir && o.in_place)
        rc = usage("--output-dir and --in-place exclude each other", NULL);
    else if (o.backup && !o.in_place)
        rc = usage("--backup needs --in-place", NULL);
    else if (o.report_md && o.report_json && strcmp(o.report_md, o.report_json) == 0)
        rc = usage("--report and --report-json name the same file", NULL);
    else {
        for (size_t i = 0; i < n; i++)
            if (strcmp(files[i], "-") == 0) {
                rc = usage("migrate reads files, not standard input:", "-");
                goto out;
            }
        o.progress = isatty(STDERR_FILENO) == 1;
        rc = xc_migrate_run(&o, files, n, set, stderr);
    }
out:
    free(files);
    return rc;
}
