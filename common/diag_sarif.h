/* Diagnostics as a SARIF 2.1.0 log (OASIS Static Analysis Results
 * Interchange Format), streamed: one run, one result per diagnostic, for
 * code-scanning UIs.  The same fields as the text and JSON forms:
 *   file     -> locations[0].physicalLocation.artifactLocation.uri
 *               (a relative path stays relative, percent-encoded; an
 *               absolute one becomes file:///...)
 *   line/col -> region.startLine / startColumn (1-based; the column counts
 *               bytes, which is the code point for ASCII text)
 *   severity -> level (error, warning, note)
 *   check    -> ruleId, and ruleIndex into tool.driver.rules
 *   message  -> message.text
 * Checked against the SARIF 2.1.0 JSON schema by tests/lint.sh. */
#ifndef XC_DIAG_SARIF_H
#define XC_DIAG_SARIF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"

/* One reportingDescriptor of tool.driver.rules. */
struct xc_sarif_rule {
    const char *id;            /* the check name */
    const char *description;   /* shortDescription.text */
};

struct xc_diag_sarif {
    FILE *out;
    const struct xc_sarif_rule *rules;
    size_t nrules, n;
    struct xc_buf line;
};

/* Start a log on out for the tool (name, version) with its rules. */
void xc_diag_sarif_begin(struct xc_diag_sarif *s, FILE *out, const char *tool,
                         const char *version, const struct xc_sarif_rule *rules,
                         size_t nrules);
void xc_diag_sarif_add(struct xc_diag_sarif *s, const struct xc_diag *g);
/* Close the log; ok: invocations[0].executionSuccessful. */
void xc_diag_sarif_end(struct xc_diag_sarif *s, bool ok);

/* Append path as a URI reference (exposed for tests). */
void xc_sarif_uri(struct xc_buf *b, const char *path);

#endif
