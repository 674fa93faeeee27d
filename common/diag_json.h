/* Diagnostics as JSON, streamed: one object per diagnostic, written as it
 * comes, so memory does not grow with the number of findings.
 *
 *   {
 *     "xenconv_lint": 1,
 *     "findings": [
 *       {"file": "a.cfg", "line": 3, "column": 1, "severity": "warning",
 *        "check": "unknown-key", "message": "..."}
 *     ],
 *     "files": 1, "errors": 0, "warnings": 1, "notes": 0
 *   }
 *
 * The object of one diagnostic is xc_diag_json_object (also used by the
 * loss report of convert).  Strings go through xc_json_string: valid JSON
 * and UTF-8 whatever the input held. */
#ifndef XC_DIAG_JSON_H
#define XC_DIAG_JSON_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"

/* {"file": ..., "line": N|null, "column": N|null, "severity": ...,
 *  "check": ...|null, "message": ...} on one line, no newline. */
void xc_diag_json_object(struct xc_buf *b, const struct xc_diag *g);

struct xc_diag_json {
    FILE *out;
    const char *head;        /* the document's version key */
    size_t n;                /* findings written */
    size_t nsev[3];          /* by enum xc_severity */
    struct xc_buf line;      /* scratch */
};

/* Start a document on out; head names the version key ("xenconv_lint"). */
void xc_diag_json_begin(struct xc_diag_json *j, FILE *out, const char *head);
/* One finding. */
void xc_diag_json_add(struct xc_diag_json *j, const struct xc_diag *g);
/* Close the document with the totals; files: inputs looked at. */
void xc_diag_json_end(struct xc_diag_json *j, size_t files);

#endif
