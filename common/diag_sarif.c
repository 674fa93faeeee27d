#include "diag_sarif.h"

#include <string.h>

#include "json.h"

static void put(struct xc_diag_sarif *s)
{
    fwrite(s->line.data, 1, s->line.len, s->out);
    xc_buf_reset(&s->line);
}

void xc_sarif_uri(struct xc_buf *b, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    if (path[0] == '/')
        xc_buf_add(b, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || strchr("-._~/", c))
            xc_buf_addc(b, (char)c);
        else {
            xc_buf_addc(b, '%');
            xc_buf_addc(b, hex[c >> 4]);
            xc_buf_addc(b, hex[c & 15]);
        }
    }
}

void xc_diag_sarif_begin(struct xc_diag_sarif *s, FILE *out, const char *tool,
                         const char *version, const struct xc_sarif_rule *rules,
                         size_t nrules)
{
    *s = (struct xc_diag_sarif){.out = out, .rules = rules, .nrules = nrules};
    struct xc_buf *b = &s->line;
    xc_buf_add(b, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                  "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
                  "      \"tool\": {\n        \"driver\": {\n          \"name\": ");
    xc_json_string(b, tool);
    xc_buf_add(b, ",\n          \"version\": ");
    xc_json_string(b, version);
    xc_buf_add(b, ",\n          \"rules\": [");
    for (size_t i = 0; i < nrules; i++) {
        xc_buf_add(b, i ? ",\n            {\"id\": " : "\n            {\"id\": ");
        xc_json_string(b, rules[i].id);
        xc_buf_add(b, ", \"shortDescription\": {\"text\": ");
        xc_json_string(b, rules[i].description);
        xc_buf_add(b, "}}");
    }
    xc_buf_add(b, nrules ? "\n          ]\n" : "]\n");
    xc_buf_add(b, "        }\n      },\n      \"columnKind\": \"unicodeCodePoints\",\n"
                  "      \"results\": [");
    put(s);
}

static const char *level(enum xc_severity sev)
{
    return sev == XC_SEV_ERROR ? "error" : sev == XC_SEV_WARNING ? "warning"
                                                                 : "note";
}

void xc_diag_sarif_add(struct xc_diag_sarif *s, const struct xc_diag *g)
{
    struct xc_buf *b = &s->line;
    xc_buf_add(b, s->n ? ",\n        {" : "\n        {");
    if (g->check) {
        xc_buf_add(b, "\"ruleId\": ");
        xc_json_string(b, g->check);
        for (size_t i = 0; i < s->nrules; i++)
            if (strcmp(s->rules[i].id, g->check) == 0) {
                xc_buf_addf(b, ", \"ruleIndex\": %zu", i);
                break;
            }
        xc_buf_add(b, ", ");
    }
    xc_buf_add(b, "\"level\": ");
    xc_json_string(b, level(g->sev));
    xc_buf_add(b, ", \"message\": {\"text\": ");
    xc_json_string(b, g->msg);
    xc_buf_add(b, "}, \"locations\": [{\"physicalLocation\": "
                  "{\"artifactLocation\": {\"uri\": \"");
    xc_sarif_uri(b, g->file ? g->file : "<input>");
    xc_buf_addc(b, '"');
    xc_buf_addc(b, '}');
    if (g->pos.line) {
        xc_buf_addf(b, ", \"region\": {\"startLine\": %u", g->pos.line);
        if (g->pos.col)
            xc_buf_addf(b, ", \"startColumn\": %u", g->pos.col);
        xc_buf_addc(b, '}');
    }
    xc_buf_add(b, "}}]}");
    put(s);
    s->n++;
}

void xc_diag_sarif_end(struct xc_diag_sarif *s, bool ok)
{
    fprintf(s->out,
            "%s\n      \"invocations\": [{\"executionSuccessful\": %s}]\n"
            "    }\n  ]\n}\n",
            s->n ? "\n      ]," : "],", ok ? "true" : "false");
    xc_buf_free(&s->line);
}
