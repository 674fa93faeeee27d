/* xenconv convert: any reader to any writer through the model, one file or
 * a batch in one process, with format auto-detection and the loss report.
 * See README.md ("convert") and docs/xenconv.1.md. */
#ifndef XC_CONVERT_H
#define XC_CONVERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../common/settings.h"
#include "../formats/format.h"

struct xc_convert_opts {
    const char *from;        /* format name or alias; NULL or "auto": detect */
    const char *to;          /* format name or alias */
    const char *output;      /* single input: OUT file; NULL or "-": stdout */
    const char *output_dir;  /* non-NULL: batch mode, outputs go here */
    const char *report;      /* --report FILE.json, or NULL */
    bool quiet;              /* no notes, no progress on stderr */
    bool progress;           /* batch progress line on stderr (a terminal) */
};

/* Result of a run, mapped to exit codes by bin/. */
enum xc_convert_status {
    XC_CONVERT_OK = 0,       /* every file converted */
    XC_CONVERT_FAILED = 1,   /* at least one file (or the report) failed */
    XC_CONVERT_USAGE = 2,    /* unknown or unavailable format */
};

/* Convert inputs[0..n).  Without output_dir n must be 1 (input "-" is
 * standard input).  Diagnostics go to err per file as it finishes. */
enum xc_convert_status xc_convert_run(const struct xc_convert_opts *o,
                                      const char *const *inputs, size_t n,
                                      const struct xc_settings *set, FILE *err);

/* A registered format by name or alias (xl, xm, sxpr, domxml); NULL if
 * unknown or not registered.  *canonical (if not NULL) gets the canonical
 * name of a known format even when it is not registered, else NULL. */
const struct xc_format *xc_convert_format(const char *name,
                                          const char **canonical);
/* The file name extension of a format's files: ".cfg", ".xml", ".sxpr". */
const char *xc_convert_extension(const char *canonical);
/* The output path for input in dir: the input's base name with its
 * extension replaced by ext.  NULL when input has no base name. */
char *xc_convert_output_path(const char *dir, const char *input,
                             const char *ext);

#endif
