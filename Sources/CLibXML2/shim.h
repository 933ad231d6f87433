// libxml2 for the TEI importer. xmlFree is a global function pointer, which Swift 6
// rejects; cnx_free wraps it.
#ifndef FRUSREAD_CLIBXML2_SHIM_H
#define FRUSREAD_CLIBXML2_SHIM_H
#include <stddef.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

static inline void cnx_free(void *p) { xmlFree(p); }

// Text of a TEI volume, for the importer's hottest loop (every character of a volume passes
// here). In C so that debug builds, where Swift is unoptimised, still read a 10 MB text run
// in milliseconds.

/// Copies `n` bytes of XML text to `dst`, writing each run of XML white space (space, tab,
/// CR, LF) as one space, and none right after a space when `*at_space` is set. Branch-free:
/// a space that follows a space is written but not counted, so the next byte overwrites it.
/// Returns the number of bytes written (at most `n`); updates `*at_space`.
static inline size_t cnx_collapse_space(const unsigned char *src, size_t n, unsigned char *dst,
                                        int *at_space) {
    size_t out = 0;
    int space = *at_space;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = src[i];
        int is = (b == 0x20) | (b == 0x0A) | (b == 0x09) | (b == 0x0D);
        dst[out] = is ? 0x20 : b;
        out += !(is & space);
        space = is;
    }
    *at_space = space;
    return out;
}

/// Whether `n` bytes of XML text are all white space (indentation between elements).
static inline int cnx_is_all_space(const unsigned char *src, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char b = src[i];
        if (!((b == 0x20) | (b == 0x0A) | (b == 0x09) | (b == 0x0D))) return 0;
    }
    return 1;
}
#endif
