#include "CLibXML2.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// libxml2's functions as loaded: typed from its own declarations, so a call through them is
// checked as a direct call would be.
static __typeof__(xmlInitParser) *init_parser;
static __typeof__(xmlCreateIOParserCtxt) *create_io_parser_ctxt;
static __typeof__(xmlFreeParserCtxt) *free_parser_ctxt;
static __typeof__(xmlCtxtUseOptions) *ctxt_use_options;
static __typeof__(xmlParseDocument) *parse_document;
static __typeof__(xmlStopParser) *stop_parser;
static __typeof__(xmlSAX2GetLineNumber) *sax2_get_line_number;
static __typeof__(xmlSAX2GetColumnNumber) *sax2_get_column_number;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char load_error[256];

static void load(void) {
    // The soname of libxml2 2.x on Linux (Debian's libxml2 package), then macOS's.
    const char *names[] = {"libxml2.so.2", "libxml2.so", "libxml2.2.dylib", "libxml2.dylib"};
    void *lib = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(load_error, sizeof load_error,
                 "libxml2 is not installed, and TEI volumes cannot be read without it (Debian/Ubuntu: apt-get install libxml2)");
        return;
    }
#define SYM(var, name)                                                                  \
    *(void **)(&var) = dlsym(lib, name);                                                \
    if (!var) {                                                                         \
        snprintf(load_error, sizeof load_error, "the installed libxml2 lacks %s", name); \
        return;                                                                         \
    }
    SYM(init_parser, "xmlInitParser")
    SYM(create_io_parser_ctxt, "xmlCreateIOParserCtxt")
    SYM(free_parser_ctxt, "xmlFreeParserCtxt")
    SYM(ctxt_use_options, "xmlCtxtUseOptions")
    SYM(parse_document, "xmlParseDocument")
    SYM(stop_parser, "xmlStopParser")
    SYM(sax2_get_line_number, "xmlSAX2GetLineNumber")
    SYM(sax2_get_column_number, "xmlSAX2GetColumnNumber")
#undef SYM
    init_parser();
    loaded = 1;
}

const char *frus_xml_load(void) {
    pthread_once(&once, load);
    return loaded ? NULL : load_error;
}

xmlParserCtxtPtr frus_xmlCreateIOParserCtxt(xmlSAXHandlerPtr sax, void *user_data, xmlInputReadCallback ioread,
                                            xmlInputCloseCallback ioclose, void *ioctx, xmlCharEncoding enc) {
    return create_io_parser_ctxt(sax, user_data, ioread, ioclose, ioctx, enc);
}

void frus_xmlFreeParserCtxt(xmlParserCtxtPtr ctxt) { free_parser_ctxt(ctxt); }
int frus_xmlCtxtUseOptions(xmlParserCtxtPtr ctxt, int options) { return ctxt_use_options(ctxt, options); }
int frus_xmlParseDocument(xmlParserCtxtPtr ctxt) { return parse_document(ctxt); }
void frus_xmlStopParser(xmlParserCtxtPtr ctxt) { stop_parser(ctxt); }
int frus_xmlSAX2GetLineNumber(void *ctx) { return sax2_get_line_number(ctx); }
int frus_xmlSAX2GetColumnNumber(void *ctx) { return sax2_get_column_number(ctx); }
