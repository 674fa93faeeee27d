/* xenconv launch: read (format detected) -> libvirt's defaults ->
 * xc_libxl_build -> libxl_domain_create_new.  A dry run stops after the
 * build, offline, and prints libxl's JSON of the config. */
#include "libxl_launch.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xentoollog.h>

#include "../common/buf.h"
#include "../common/model.h"
#include "../common/source.h"
#include "../formats/format.h"
#include "../formats/xml/xml.h"
#include "defaults.h"
#include "detect.h"
#include "libxl_bridge.h"

/* libxl's messages of level warning and above, on err, as
 * "xenconv: libxl: ..." (libxentoollog's stdio logger is not used: its
 * library is not one xenconv links). */
struct launch_logger {
    xentoollog_logger xtl;   /* first: libxl sees only this */
    FILE *err;
};

__attribute__((format(printf, 5, 0)))
static void logger_vmessage(xentoollog_logger *lg, xentoollog_level level,
                            int errnoval, const char *context, const char *fmt,
                            va_list ap)
{
    struct launch_logger *l = (struct launch_logger *)lg;
    if (level < XTL_WARN)
        return;
    fprintf(l->err, "xenconv: %s%s", context ? context : "libxl", ": ");
    vfprintf(l->err, fmt, ap);
    if (errnoval >= 0)
        fprintf(l->err, ": %s", strerror(errnoval));
    fputc('\n', l->err);
}

/* Read src in its detected format and apply libvirt's post-parse defaults
 * into dom.  0, or -1 after an error diagnostic. */
static int load_model(const struct xc_source *src, const struct xc_settings *set,
                      bool quiet, struct xc_domain *dom, struct xc_diags *d)
{
    struct xc_buf why = {0};
    const char *name = xc_detect_format(src, &why);
    const struct xc_format *from = xc_format_find(name);
    size_t errors = d->nerrors;

    if (!from)
        xc_error(d, xc_nopos, "detect",
                 "input format guessed as %s (%s), which this build cannot read",
                 name, xc_buf_str(&why));
    else if (!quiet)
        xc_note(d, xc_nopos, "detect", "input format guessed as %s (%s)", name,
                xc_buf_str(&why));
    xc_buf_free(&why);
    if (!from)
        return -1;
    enum xc_origin origin = from == &xc_format_xml ? XC_ORIGIN_XML : XC_ORIGIN_NATIVE;
    if (from->read(src, set, dom, d) < 0 || d->nerrors > errors)
        return -1;
    if (xc_defaults_apply(dom, set, origin, d) < 0 || d->nerrors > errors)
        return -1;
    return 0;
}

static const char *type_name(libxl_domain_type t)
{
    return t == LIBXL_DOMAIN_TYPE_HVM ? "hvm" : t == LIBXL_DOMAIN_TYPE_PVH ? "pvh" : "pv";
}

/* The dry run's output: libxl's JSON of the config, then what would be
 * created, as a comment line that no JSON reader mistakes for data. */
static int dry_run(libxl_domain_config *cfg, const struct xc_launch_opts *o,
                   FILE *out, FILE *err)
{
    char *json = xc_libxl_json(cfg);
    if (!json) {
        fprintf(err, "xenconv: libxl could not generate the JSON of the config\n");
        return XC_LAUNCH_CONVERT;
    }
    size_t n = strlen(json);
    fprintf(out, "%s%s", json, n && json[n - 1] == '\n' ? "" : "\n");
    free(json);
    if (!o->quiet)
        fprintf(err,
                "xenconv: dry run: would create %s domain '%s' (%llu KiB, %d vcpus)%s; "
                "nothing created\n",
                type_name(cfg->c_info.type), cfg->c_info.name ? cfg->c_info.name : "",
                (unsigned long long)cfg->b_info.max_memkb, cfg->b_info.max_vcpus,
                o->paused ? ", left paused" : "");
    return 0;
}

/* Create the domain through ctx (synchronously: libxl returns once it is
 * built, devices attached, still paused) and unpause it unless asked. */
static int create(libxl_ctx *ctx, libxl_domain_config *cfg,
                  const struct xc_launch_opts *o, FILE *out, FILE *err)
{
    uint32_t domid = 0;
    int rc = libxl_domain_create_new(ctx, cfg, &domid, NULL, NULL);
    if (rc) {
        fprintf(err, "xenconv: libxl_domain_create_new failed (libxl error %d)\n", rc);
        return XC_LAUNCH_FAILED;
    }
    if (!o->paused && (rc = libxl_domain_unpause(ctx, domid, NULL)) != 0) {
        fprintf(err, "xenconv: domain %u created but libxl_domain_unpause failed "
                     "(libxl error %d); destroying it\n", (unsigned)domid, rc);
        libxl_domain_destroy(ctx, domid, NULL);
        return XC_LAUNCH_FAILED;
    }
    fprintf(out, "%u\n", (unsigned)domid);
    if (!o->quiet)
        fprintf(err, "xenconv: created domain '%s' (domid %u), %s\n",
                cfg->c_info.name ? cfg->c_info.name : "", (unsigned)domid,
                o->paused ? "paused" : "running");
    return 0;
}

int xc_launch_run(const struct xc_launch_opts *o, const struct xc_settings *set,
                  FILE *out, FILE *err)
{
    /* Not a dom0: say so before reading anything or calling libxl. */
    if (!o->dry_run && access(XC_LAUNCH_PRIVCMD, F_OK) != 0) {
        fprintf(err, "xenconv: not a Xen host: %s missing\n", XC_LAUNCH_PRIVCMD);
        return XC_LAUNCH_NOT_XEN;
    }

    struct xc_diags d = {0};
    struct xc_source src;
    struct xc_domain dom;
    libxl_domain_config cfg;
    libxl_ctx *ctx = NULL;
    struct launch_logger lg = {{logger_vmessage, NULL, NULL}, err};
    int rc = XC_LAUNCH_CONVERT;

    xc_domain_init(&dom);
    libxl_domain_config_init(&cfg);
    if (xc_source_load(&src, o->file, &d) < 0)
        goto done;
    d.file = src.name;
    if (load_model(&src, set, o->quiet, &dom, &d) < 0)
        goto done;
    if (!o->dry_run) {
        if (libxl_ctx_alloc(&ctx, LIBXL_VERSION, 0, &lg.xtl)) {
            fprintf(err, "xenconv: not a Xen host: cannot open a libxl context\n");
            rc = XC_LAUNCH_NOT_XEN;
            goto done;
        }
    }
    if (xc_libxl_build(&dom, set, ctx, &cfg, &d) < 0 || d.nerrors)
        goto done;
    xc_diags_print(&d, err);
    xc_diags_clear(&d);
    rc = o->dry_run ? dry_run(&cfg, o, out, err) : create(ctx, &cfg, o, out, err);
done:
    xc_diags_print(&d, err);
    xc_diags_free(&d);
    libxl_domain_config_dispose(&cfg);
    libxl_ctx_free(ctx);
    xc_domain_free(&dom);
    xc_source_free(&src);
    return rc;
}
