/* libxml2 for lint's RelaxNG check, loaded with dlopen on first use: it
 * pulls in ICU and libstdc++, whose loading and relocation were ~1.3 ms
 * of every xenconv process (docs/performance.md), and only `xenconv lint`
 * on domain XML needs it.  lint_rng.c calls the usual names; this header
 * maps them onto the loaded functions. */
#ifndef XC_LINT_RNG_DL_H
#define XC_LINT_RNG_DL_H

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdbool.h>

#define XCL_XML2_FUNCS(X)                                                          \
    X(xmlCleanupParser) X(xmlDocGetRootElement) X(xmlFreeDoc) X(xmlGetLineNo)      \
    X(xmlReadMemory) X(xmlRelaxNGFree) X(xmlRelaxNGFreeParserCtxt)                 \
    X(xmlRelaxNGFreeValidCtxt) X(xmlRelaxNGNewParserCtxt) X(xmlRelaxNGNewValidCtxt) \
    X(xmlRelaxNGParse) X(xmlRelaxNGSetParserStructuredErrors)                      \
    X(xmlRelaxNGSetValidStructuredErrors) X(xmlRelaxNGValidateDoc)                 \
    X(xmlSetStructuredErrorFunc)

#define XCL_XML2_MEMBER(f) __typeof__(f) *f;
struct xcl_xml2 {
    XCL_XML2_FUNCS(XCL_XML2_MEMBER)
};
#undef XCL_XML2_MEMBER

extern struct xcl_xml2 xcl_xml2;

/* Loads libxml2 (once per process); false when it or one of its
 * functions is missing. */
bool xcl_xml2_load(void);

#ifndef XCL_XML2_IMPL
#define xmlCleanupParser xcl_xml2.xmlCleanupParser
#define xmlDocGetRootElement xcl_xml2.xmlDocGetRootElement
#define xmlFreeDoc xcl_xml2.xmlFreeDoc
#define xmlGetLineNo xcl_xml2.xmlGetLineNo
#define xmlReadMemory xcl_xml2.xmlReadMemory
#define xmlRelaxNGFree xcl_xml2.xmlRelaxNGFree
#define xmlRelaxNGFreeParserCtxt xcl_xml2.xmlRelaxNGFreeParserCtxt
#define xmlRelaxNGFreeValidCtxt xcl_xml2.xmlRelaxNGFreeValidCtxt
#define xmlRelaxNGNewParserCtxt xcl_xml2.xmlRelaxNGNewParserCtxt
#define xmlRelaxNGNewValidCtxt xcl_xml2.xmlRelaxNGNewValidCtxt
#define xmlRelaxNGParse xcl_xml2.xmlRelaxNGParse
#define xmlRelaxNGSetParserStructuredErrors xcl_xml2.xmlRelaxNGSetParserStructuredErrors
#define xmlRelaxNGSetValidStructuredErrors xcl_xml2.xmlRelaxNGSetValidStructuredErrors
#define xmlRelaxNGValidateDoc xcl_xml2.xmlRelaxNGValidateDoc
#define xmlSetStructuredErrorFunc xcl_xml2.xmlSetStructuredErrorFunc
#endif

#endif
