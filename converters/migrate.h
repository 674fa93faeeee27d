/* xenconv migrate: xm configs to xl configs with a minimal diff, a per-key
 * change report (Markdown and JSON), and a check of every result before it
 * is written.  See README.md ("Migrating from xm") and docs/xenconv.1.md. */
#ifndef XC_MIGRATE_H
#define XC_MIGRATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../common/settings.h"

struct xc_migrate_opts {
    const char *output_dir;   /* DIR/NAME for each input NAME */
    bool in_place;            /* replace each input */
    const char *backup;       /* --in-place: keep the input as NAME+SUFFIX */
    const char *report_md;    /* --report FILE.md */
    const char *report_json;  /* --report-json FILE.json */
    bool normalize;           /* write xm -> model -> xl instead of edits */
    bool quiet;               /* no notes, no progress */
    bool progress;            /* progress line on stderr (a terminal) */
};

/* Migrate the files and directories (each regular, non-hidden file in it,
 * by name) in inputs[0..n).  Neither output_dir nor in_place: one FILE
 * operand is written to standard output, more are a dry run (reports and
 * diagnostics only).  Returns the exit status: 0 every file migrated, 1
 * any file needed hands or failed (or a report could not be written). */
int xc_migrate_run(const struct xc_migrate_opts *o, const char *const *inputs,
                   size_t n, const struct xc_settings *set, FILE *err);

/* `xenconv migrate ARGS`: parses the command line (argv[0] is the first
 * argument after "migrate"); returns the exit status (2: usage). */
int xc_migrate_main(int argc, char **argv, const struct xc_settings *set);
void xc_migrate_usage(FILE *out);

#endif
