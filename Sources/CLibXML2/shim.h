// libxml2 for the TEI importer. xmlFree is a global function pointer, which Swift 6
// rejects; cnx_free wraps it.
#ifndef FRUSREAD_CLIBXML2_SHIM_H
#define FRUSREAD_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

static inline void cnx_free(void *p) { xmlFree(p); }
#endif
