/* xenconv: argument parsing only; the work is in converters/. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/diag.h"
#include "../common/settings.h"
#include "../converters/convert.h"
#include "../converters/lint.h"
#include "../converters/migrate.h"
#include "../converters/validate.h"
#include "../converters/libxl_launch.h"
#include "../converters/native.h"
#include "../formats/format.h"

/* XENCONV_VERSION: the library's public header holds the one version. */
#include "../include/xenconv.h"
/* What the Makefile found with pkg-config at build time. */
#ifndef XC_LIBXENLIGHT_VERSION
#define XC_LIBXENLIGHT_VERSION "unknown"
#endif
#ifndef XC_LIBXLUTIL_VERSION
#define XC_LIBXLUTIL_VERSION "unknown"
#endif

/* Exit codes (docs/xenconv.1.md). */
enum {
    EXIT_OK = 0,
    EXIT_CONVERT = 1,   /* bad input, or a value the target cannot hold */
    EXIT_USAGE = 2,     /* bad command line or settings file */
};

static const char *prog = "xenconv";

static void usage_main(FILE *out)
{
    fprintf(out,
            "Usage: %s [--config FILE] COMMAND [ARGS]\n"
            "\n"
            "Convert Xen guest configurations to and from libvirt domain XML,\n"
            "offline, exactly as libvirt 9.0.0 does.\n"
            "\n"
            "Commands:\n"
            "  domxml-from-native FORMAT FILE [-o OUT]  native config -> domain XML\n"
            "  domxml-to-native   FORMAT FILE [-o OUT]  domain XML -> native config\n"
            "  convert [--from F] --to F FILE [-o OUT]  any format -> any format\n"
            "  convert [--from F] --to F --output-dir DIR FILE...\n"
            "                                          a batch, in one process\n"
            "  lint [OPTIONS] PATH...                  check configs (files or\n"
            "                                          directories) for CI\n"
            "  migrate [OPTIONS] FILE|DIR...           xm configs -> xl configs, with\n"
            "                                          a change report\n"
            "  validate [--quiet] FILE                 any format -> libxl's JSON of\n"
            "                                          the libxl_domain_config, offline\n"
            "  launch [--paused] [--dry-run] FILE      any format -> a running domain,\n"
            "                                          through libxl (on a Xen dom0)\n"
            "\n"
            "FORMAT is one of:", prog);
    for (size_t i = 0; xc_formats[i]; i++)
        if (strcmp(xc_formats[i]->name, "xml") != 0)
            fprintf(out, " %s", xc_formats[i]->name);
    fprintf(out,
            "\nconvert also takes xml (domain XML) and the short names xl, xm,\n"
            "sxpr, domxml; --from auto (the default) guesses from the content.\n"
            "FILE may be '-' for standard input.\n"
            "\n"
            "Options:\n"
            "  --config FILE  settings file (default: $XENCONV_CONFIG, then\n"
            "                 /etc/xenconv/xenconv.conf if it exists)\n"
            "  -h, --help     this help; COMMAND --help for a command\n"
            "  --version      print the version\n"
            "\n"
            "Exit status: 0 success, 1 conversion error (in a batch: any file\n"
            "failed), 2 usage error, 3 not a Xen host (launch), 4 libxl\n"
            "could not create the domain (launch), 70 out of memory.\n");
}

static void usage_convert(FILE *out)
{
    fprintf(out,
            "Usage: %s convert [--from FORMAT] --to FORMAT FILE [-o OUT]\n"
            "       %s convert [--from FORMAT] --to FORMAT --output-dir DIR FILE...\n"
            "\n"
            "Convert between any two formats through xenconv's model, with\n"
            "libvirt 9.0.0's semantics: the reader, libvirt's post-parse\n"
            "defaults, the writer ('--from xen-xl --to xml' prints what\n"
            "'domxml-from-native xen-xl' prints).\n"
            "\n"
            "  --from FORMAT     input format, or auto (default): guessed from\n"
            "                    each file's content, and said so in a note\n"
            "  --to FORMAT       output format\n"
            "  -o, --output OUT  one input: write OUT atomically (default: stdout)\n"
            "  --output-dir DIR  any number of inputs: DIR/NAME.EXT for each input\n"
            "                    NAME.*, EXT .cfg (xen-xl, xen-xm), .xml, .sxpr;\n"
            "                    a failed file is reported and the rest go on\n"
            "  --report FILE     write every loss warning and every other\n"
            "                    diagnostic of the run as JSON to FILE\n"
            "  -q, --quiet       no notes and no progress line on stderr\n"
            "  -h, --help        this help\n"
            "\n"
            "FORMAT: xen-xl (xl), xen-xm (xm), xen-sxpr (sxpr), xml (domxml).\n"
            "FILE '-' is standard input (single file only).  No output ever\n"
            "replaces an input file.\n"
            "Exit status: 0 every file converted, 1 any file failed, 2 usage\n"
            "error, 70 out of memory.\n",
            prog, prog);
}

static void usage_cmd(FILE *out, const char *cmd)
{
    if (strcmp(cmd, "convert") == 0) {
        usage_convert(out);
        return;
    }
    if (strcmp(cmd, "lint") == 0) {
        xc_lint_usage(out);
        return;
    }
    if (strcmp(cmd, "validate") == 0) {
        xc_validate_usage(out);
        return;
    }
    if (strcmp(cmd, "launch") == 0) {
        xc_launch_usage(out);
        return;
    }
    if (strcmp(cmd, "migrate") == 0) {
        xc_migrate_usage(out);
        return;
    }
    int from = strcmp(cmd, "domxml-from-native") == 0;
    fprintf(out,
            "Usage: %s %s FORMAT FILE [-o OUT] [--report FILE.json]\n"
            "\n"
            "%s\n"
            "\n"
            "  FORMAT        native format: xen-xl, xen-xm or xen-sxpr (xend\n"
            "                S-expression, as `xm list -l` prints it)\n"
            "  FILE          input file, or '-' for standard input\n"
            "  -o, --output OUT  write to OUT atomically (default: stdout)\n"
            "  --report FILE the loss report and all diagnostics as JSON\n"
            "  -h, --help    this help\n"
            "\n"
            "Diagnostics go to stderr as FILE:LINE:COL: severity: message.\n"
            "Exit status: 0 success, 1 conversion error, 2 usage error.\n",
            prog, cmd,
            from ? "Convert a native Xen config to libvirt domain XML, byte for byte\n"
                   "what 'virsh domxml-from-native' of libvirt 9.0.0 prints."
                 : "Convert libvirt domain XML to a native Xen config, byte for byte\n"
                   "what 'virsh domxml-to-native' of libvirt 9.0.0 prints.");
}

static int usage_error(const char *fmt, const char *arg)
    __attribute__((format(printf, 1, 0)));
static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", prog);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    fprintf(stderr, fmt, arg);
#pragma GCC diagnostic pop
    fprintf(stderr, "\nTry '%s --help'.\n", prog);
    return EXIT_USAGE;
}

/* domxml-from-native / domxml-to-native: FORMAT FILE [-o OUT] in any order
 * of options and operands. */
static int cmd_domxml(const char *cmd, int argc, char **argv,
                      const struct xc_settings *set)
{
    const char *pos[2] = {NULL, NULL};
    const char *output = NULL, *report = NULL;
    int npos = 0;
    int opts_done = 0;

    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!opts_done && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
            usage_cmd(stdout, cmd);
            return EXIT_OK;
        } else if (!opts_done && (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a file name", a);
            output = argv[++i];
        } else if (!opts_done && strncmp(a, "--output=", 9) == 0) {
            output = a + 9;
        } else if (!opts_done && strcmp(a, "--report") == 0) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a file name", a);
            report = argv[++i];
        } else if (!opts_done && strncmp(a, "--report=", 9) == 0) {
            report = a + 9;
        } else if (!opts_done && strcmp(a, "--") == 0) {
            opts_done = 1;
        } else if (!opts_done && a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option '%s'", a);
        } else {
            if (npos == 2)
                return usage_error("unexpected argument '%s'", a);
            pos[npos++] = a;
        }
    }
    if (npos < 2)
        return usage_error("%s needs FORMAT and FILE", cmd);
    if (output && output[0] == '\0')
        return usage_error("%s", "empty output file name");
    if (report && report[0] == '\0')
        return usage_error("%s", "empty report file name");

    struct xc_diags d = {0};
    int rc;
    if (strcmp(cmd, "domxml-from-native") == 0)
        rc = xc_domxml_from_native(pos[0], pos[1], output, set, &d);
    else
        rc = xc_domxml_to_native(pos[0], pos[1], output, set, &d);
    xc_diags_print(&d, stderr);
    int unknown_format = d.list.n && d.list.v[0].check &&
                         strcmp(d.list.v[0].check, "usage") == 0;
    if (report && !unknown_format) {
        struct xc_diags rd = {0};
        if (xc_domxml_report(report, strcmp(cmd, "domxml-to-native") == 0,
                             pos[0], &d, rc, &rd) < 0)
            rc = -1;
        xc_diags_print(&rd, stderr);
        xc_diags_free(&rd);
    }
    xc_diags_free(&d);
    if (rc < 0)
        return unknown_format ? EXIT_USAGE : EXIT_CONVERT;
    return EXIT_OK;
}

/* Value of an option given as "--opt VALUE" or "--opt=VALUE"; NULL if a
 * is not that option.  *i advances past a separate value. */
static int opt_value(const char *a, const char *name, int argc, char **argv,
                     int *i, const char **value)
{
    size_t n = strlen(name);
    if (strcmp(a, name) == 0) {
        if (*i + 1 >= argc)
            return -1;
        *value = argv[++*i];
        return 1;
    }
    if (strncmp(a, name, n) == 0 && a[n] == '=' && name[1] == '-') {
        *value = a + n + 1;
        return 1;
    }
    return 0;
}

/* convert [--from F] --to F [-o OUT | --output-dir DIR] [--report FILE]
 *         [-q] FILE... */
static int cmd_convert(int argc, char **argv, const struct xc_settings *set)
{
    struct xc_convert_opts o = {0};
    const char **files = calloc((size_t)argc + 1, sizeof(*files));
    size_t nfiles = 0;
    int opts_done = 0, rc = EXIT_USAGE;
    static const char *const valued[] = {"--from", "--to", "-o", "--output",
                                         "--output-dir", "--report", NULL};

    if (!files) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 70;
    }
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int k = 0, got = 0;
        if (opts_done || a[0] != '-' || a[1] == '\0') {
            files[nfiles++] = a;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage_convert(stdout);
            rc = EXIT_OK;
            goto done;
        }
        if (strcmp(a, "--") == 0) {
            opts_done = 1;
            continue;
        }
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o.quiet = true;
            continue;
        }
        for (; valued[k]; k++)
            if ((got = opt_value(a, valued[k], argc, argv, &i, &v)) != 0)
                break;
        if (got < 0) {
            usage_error("option '%s' needs a value", a);
            goto done;
        }
        if (!got) {
            usage_error("unknown option '%s'", a);
            goto done;
        }
        if (!*v) {
            usage_error("option '%s' needs a non-empty value", valued[k]);
            goto done;
        }
        switch (k) {
        case 0: o.from = v; break;
        case 1: o.to = v; break;
        case 2: case 3: o.output = v; break;
        case 4: o.output_dir = v; break;
        case 5: o.report = v; break;
        }
    }
    if (!o.to) {
        usage_error("%s", "convert needs --to FORMAT");
    } else if (nfiles == 0) {
        usage_error("%s", "convert needs an input FILE");
    } else if (o.output && o.output_dir) {
        usage_error("%s", "-o and --output-dir exclude each other");
    } else if (nfiles > 1 && !o.output_dir) {
        usage_error("%s", "several input files need --output-dir DIR");
    } else {
        for (size_t i = 0; o.output_dir && i < nfiles; i++)
            if (strcmp(files[i], "-") == 0) {
                usage_error("%s", "'-' (standard input) cannot be used with --output-dir");
                goto done;
            }
        o.progress = isatty(STDERR_FILENO) == 1;
        switch (xc_convert_run(&o, files, nfiles, set, stderr)) {
        case XC_CONVERT_OK: rc = EXIT_OK; break;
        case XC_CONVERT_FAILED: rc = EXIT_CONVERT; break;
        case XC_CONVERT_USAGE: rc = EXIT_USAGE; break;
        }
    }
done:
    free(files);
    return rc;
}

/* Built-in defaults, overridden by --config FILE, else $XENCONV_CONFIG,
 * else /etc/xenconv/xenconv.conf when it exists. */
static int load_settings(struct xc_settings *set, const char *path)
{
    xc_settings_init(set);
    if (!path)
        path = getenv("XENCONV_CONFIG");
    if (path && !*path)
        path = NULL;
    if (!path && access("/etc/xenconv/xenconv.conf", R_OK) == 0)
        path = "/etc/xenconv/xenconv.conf";
    if (!path)
        return 0;
    struct xc_diags d = {0};
    int rc = xc_settings_load(set, path, &d);
    xc_diags_print(&d, stderr);
    xc_diags_free(&d);
    return rc;
}

int main(int argc, char **argv)
{
    const char *config = NULL;
    int i = 1;

    /* Blocks of 128 KiB and more (a large input, its parse tree, device
     * arrays) from mmap, given back to the system when freed.  glibc
     * otherwise raises this threshold after the first such free and then
     * carves them from the heap, where a freed input or tree stays
     * resident beside the model built from it: 6-9 MB more peak memory on
     * a 100,000-disk file (docs/performance.md). */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);

    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage_main(stdout);
            return EXIT_OK;
        } else if (strcmp(a, "--version") == 0) {
            printf("xenconv %s (libvirt 9.0.0 conversion semantics, Xen 4.17 xl syntax)\n"
                   "built with libxenlight %s, libxlutil %s\n",
                   XENCONV_VERSION, XC_LIBXENLIGHT_VERSION, XC_LIBXLUTIL_VERSION);
            return EXIT_OK;
        } else if (strcmp(a, "--config") == 0) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a file name", a);
            config = argv[++i];
        } else if (strncmp(a, "--config=", 9) == 0) {
            config = a + 9;
        } else if (a[0] == '-') {
            return usage_error("unknown option '%s'", a);
        } else {
            break;
        }
    }
    if (i >= argc) {
        usage_main(stderr);
        return EXIT_USAGE;
    }

    const char *cmd = argv[i];
    if (strcmp(cmd, "help") == 0) {
        if (i + 1 < argc)
            usage_cmd(stdout, argv[i + 1]);
        else
            usage_main(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "domxml-from-native") != 0 &&
        strcmp(cmd, "domxml-to-native") != 0 && strcmp(cmd, "convert") != 0 &&
        strcmp(cmd, "lint") != 0 && strcmp(cmd, "migrate") != 0 &&
        strcmp(cmd, "validate") != 0 && strcmp(cmd, "launch") != 0)
        return usage_error("unknown command '%s'", cmd);

    struct xc_settings set;
    if (load_settings(&set, config) < 0) {
        xc_settings_free(&set);
        return EXIT_USAGE;
    }
    int rc = strcmp(cmd, "validate") == 0 ? xc_validate_main(argc - i - 1, argv + i + 1, &set)
             : strcmp(cmd, "launch") == 0 ? xc_launch_main(argc - i - 1, argv + i + 1, &set)
             : strcmp(cmd, "migrate") == 0 ? xc_migrate_main(argc - i - 1, argv + i + 1, &set)
             : strcmp(cmd, "lint") == 0 ? xc_lint_main(argc - i - 1, argv + i + 1, &set)
             : strcmp(cmd, "convert") == 0
                 ? cmd_convert(argc - i - 1, argv + i + 1, &set)
                 : cmd_domxml(cmd, argc - i - 1, argv + i + 1, &set);
    xc_settings_free(&set);
    return rc;
}
