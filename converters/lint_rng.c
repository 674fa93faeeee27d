/* lint: domain XML against libvirt's own RelaxNG schema (domain.rng,
 * shipped by Debian's libvirt-clients), through libxml2's xmlRelaxNG API:
 * no shelling out to virt-xml-validate.  The schema is parsed once per
 * run.  libxml2 gives the line of the element an error is about; the
 * column is that of its start tag on that line ("<name"), else 1.  When
 * the schema is not installed, each XML file gets a note saying so. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lint_int.h"
#include "lint_rng_dl.h"     /* libxml2, loaded on first use */

#define XCL_DEFAULT_RNG "/usr/share/libvirt/schemas/domain.rng"

static struct {
    char *path;                /* the schema parsed, or NULL */
    xmlRelaxNGPtr rng;         /* NULL: did not parse */
    bool used;                 /* libxml2 was initialised */
} cache;

static void quiet(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

/* Column of "<name" on line (1-based) of the source, else 1. */
static unsigned tag_column(const struct xc_source *src, unsigned line,
                           const char *name)
{
    const char *p = src->data, *end = src->data + src->len;
    for (unsigned l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return 1;
        p = nl + 1;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
        eol = end;
    size_t n = name ? strlen(name) : 0;
    for (const char *q = p; n && q + 1 + n <= eol; q++) {
        if (*q != '<')
            continue;
        const char *t = q + 1;
        const char *colon = memchr(t, ':', (size_t)(eol - t));
        if (colon && colon < t + 64 && memcmp(colon + 1, name, n) == 0 &&
            memchr(t, '>', (size_t)(colon - t)) == NULL &&
            memchr(t, ' ', (size_t)(colon - t)) == NULL)
            t = colon + 1;     /* a namespace prefix */
        if ((size_t)(eol - t) >= n && memcmp(t, name, n) == 0 &&
            (t + n == eol || strchr(" \t\r/>", t[n])))
            return (unsigned)(q - p) + 1;
    }
    return 1;
}

struct report_ctx {
    struct xcl_file *c;
    xmlDocPtr doc;
    size_t reported;
};

/* The last element named name (n bytes) under node, in document order. */
static xmlNodePtr last_named(xmlNodePtr node, const char *name, size_t n)
{
    xmlNodePtr found = NULL;
    for (xmlNodePtr k = node; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (strlen((const char *)k->name) == n && memcmp(k->name, name, n) == 0)
            found = k;
        xmlNodePtr below = last_named(k->children, name, n);
        if (below)
            found = below;
    }
    return found;
}

static bool has_prefix(const char *s, const char *p)
{
    return s && strncmp(s, p, strlen(p)) == 0;
}

static void report(void *ctx, xmlErrorPtr e)
{
    struct report_ctx *r = ctx;
    unsigned line = 0;
    const char *name = NULL;
    xmlNodePtr node = e->node;
    /* the follow-ups libxml2 adds on the parent once a specific error
     * has been given say nothing new */
    if (r->reported && (has_prefix(e->message, "Invalid sequence in interleave") ||
                        (has_prefix(e->message, "Element ") &&
                         strstr(e->message, " failed to validate content"))))
        return;
    /* "Extra element X in interleave" comes without a node: point at the
     * (last) element X */
    if (!node && has_prefix(e->message, "Extra element ")) {
        const char *m = e->message + strlen("Extra element ");
        node = last_named(xmlDocGetRootElement(r->doc), m, strcspn(m, " \n"));
    }
    if (node) {
        line = (unsigned)xmlGetLineNo(node);
        name = (const char *)node->name;
    }
    if (!line && e->line > 0)
        line = (unsigned)e->line;
    char msg[512];
    snprintf(msg, sizeof(msg), "%s", e->message ? e->message : "invalid");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    struct xc_pos pos = {line ? line : 1,
                         line ? tag_column(r->c->src, line, name) : 1};
    xcl_add(r->c, XC_LINT_SCHEMA, XC_SEV_ERROR, pos,
            "not valid against libvirt's RelaxNG schema: %s", msg);
    r->reported++;
}

static xmlRelaxNGPtr schema(const char *path)
{
    if (cache.path && strcmp(cache.path, path) == 0)
        return cache.rng;
    if (cache.rng)
        xmlRelaxNGFree(cache.rng);
    free(cache.path);
    cache.path = strdup(path);
    cache.rng = NULL;
    cache.used = true;
    xmlRelaxNGParserCtxtPtr p = xmlRelaxNGNewParserCtxt(path);
    if (!p)
        return NULL;
    xmlRelaxNGSetParserStructuredErrors(p, quiet, NULL);
    cache.rng = xmlRelaxNGParse(p);
    xmlRelaxNGFreeParserCtxt(p);
    return cache.rng;
}

void xcl_schema(struct xcl_file *c)
{
    const char *path = c->o->schema ? c->o->schema : XCL_DEFAULT_RNG;
    if (!c->o->enabled[XC_LINT_SCHEMA])
        return;
    if (access(path, R_OK) != 0) {
        xcl_add(c, XC_LINT_SCHEMA, XC_SEV_NOTE, xc_nopos,
                "not validated: libvirt's RelaxNG schema %s is not installed "
                "(Debian package libvirt-clients)", path);
        return;
    }
    if (!xcl_xml2_load()) {
        xcl_add(c, XC_LINT_SCHEMA, XC_SEV_NOTE, xc_nopos,
                "not validated: libxml2 (libxml2.so.2) cannot be loaded");
        return;
    }
    xmlRelaxNGPtr rng = schema(path);
    if (!rng) {
        xcl_add(c, XC_LINT_SCHEMA, XC_SEV_NOTE, xc_nopos,
                "not validated: the RelaxNG schema %s does not parse", path);
        return;
    }
    if (c->src->len > (size_t)INT32_MAX)
        return;
    xmlSetStructuredErrorFunc(NULL, quiet);
    xmlDocPtr doc = xmlReadMemory(c->src->data, (int)c->src->len, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING);
    if (!doc)
        return;              /* the reader reports the syntax error */
    xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(rng);
    if (v) {
        struct report_ctx r = {c, doc, 0};
        xmlRelaxNGSetValidStructuredErrors(v, report, &r);
        xmlRelaxNGValidateDoc(v, doc);
        xmlRelaxNGFreeValidCtxt(v);
    }
    xmlFreeDoc(doc);
}

void xcl_schema_done(void)
{
    if (cache.rng)
        xmlRelaxNGFree(cache.rng);
    free(cache.path);
    if (cache.used)
        xmlCleanupParser();
    cache.path = NULL;
    cache.rng = NULL;
    cache.used = false;
}
