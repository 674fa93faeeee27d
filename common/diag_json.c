#include "diag_json.h"

#include "json.h"

void xc_diag_json_object(struct xc_buf *b, const struct xc_diag *g)
{
    xc_buf_add(b, "{\"file\": ");
    xc_json_string(b, g->file);
    if (g->pos.line)
        xc_buf_addf(b, ", \"line\": %u, \"column\": %u", g->pos.line,
                    g->pos.col);
    else
        xc_buf_add(b, ", \"line\": null, \"column\": null");
    xc_buf_add(b, ", \"severity\": ");
    xc_json_string(b, xc_severity_name(g->sev));
    xc_buf_add(b, ", \"check\": ");
    xc_json_string(b, g->check);
    xc_buf_add(b, ", \"message\": ");
    xc_json_string(b, g->msg);
    xc_buf_addc(b, '}');
}

void xc_diag_json_begin(struct xc_diag_json *j, FILE *out, const char *head)
{
    *j = (struct xc_diag_json){.out = out, .head = head};
    fputs("{\n  ", out);
    xc_json_string(&j->line, head);
    fwrite(j->line.data, 1, j->line.len, out);
    fputs(": 1,\n  \"findings\": [", out);
    xc_buf_reset(&j->line);
}

void xc_diag_json_add(struct xc_diag_json *j, const struct xc_diag *g)
{
    xc_buf_reset(&j->line);
    xc_buf_add(&j->line, j->n ? ",\n    " : "\n    ");
    xc_diag_json_object(&j->line, g);
    fwrite(j->line.data, 1, j->line.len, j->out);
    j->n++;
    j->nsev[g->sev]++;
}

void xc_diag_json_end(struct xc_diag_json *j, size_t files)
{
    fprintf(j->out,
            "%s\n  \"files\": %zu,\n  \"errors\": %zu,\n  \"warnings\": %zu,\n"
            "  \"notes\": %zu\n}\n",
            j->n ? "\n  ]," : "],", files, j->nsev[XC_SEV_ERROR],
            j->nsev[XC_SEV_WARNING], j->nsev[XC_SEV_NOTE]);
    xc_buf_free(&j->line);
}
