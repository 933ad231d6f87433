// libxml2 for the TEI importer, loaded with dlopen when a volume is first parsed, not linked:
// libxml2 brings the system's ICU (libicuuc, libicudata, liblzma), and loading and relocating
// them at start cost every run 1.3 ms (an empty program linked with -lxml2 against one
// without, 300 runs) — a tenth of a search that never parses XML. The types and constants
// come from libxml2's headers; frus_xml_load loads the library (and initializes its parser),
// and the importer calls libxml2 through the frus_xml* functions below (xml_loader.c).
#ifndef FRUSREAD_CLIBXML2_H
#define FRUSREAD_CLIBXML2_H
#include <stddef.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// Debian builds libxml2 with ICU, and its encoding header then includes the system's ICU
// headers. Foundation brings its own ICU (_FoundationICU) with another UErrorCode, and a
// module that sees both fails to compile ("UErrorCode has different definitions"), depending
// on build order. frusread never touches libxml2's ICU converters (only in a struct it does not
// use), so the module is read without them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

/// Loads libxml2 on first call (thread-safe); NULL once it is loaded, else why it cannot be
/// (not installed, or a symbol missing). The other functions must not be called before it
/// returned NULL.
const char *frus_xml_load(void);
xmlParserCtxtPtr frus_xmlCreateIOParserCtxt(xmlSAXHandlerPtr sax, void *user_data, xmlInputReadCallback ioread,
                                            xmlInputCloseCallback ioclose, void *ioctx, xmlCharEncoding enc);
void frus_xmlFreeParserCtxt(xmlParserCtxtPtr ctxt);
int frus_xmlCtxtUseOptions(xmlParserCtxtPtr ctxt, int options);
int frus_xmlParseDocument(xmlParserCtxtPtr ctxt);
void frus_xmlStopParser(xmlParserCtxtPtr ctxt);
int frus_xmlSAX2GetLineNumber(void *ctx);
int frus_xmlSAX2GetColumnNumber(void *ctx);

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
    size_t i = 0;
    int space = *at_space;
#define CNX_STEP()                                                               \
    do {                                                                         \
        unsigned char b = src[i];                                                \
        int is = (b == 0x20) | (b == 0x0A) | (b == 0x09) | (b == 0x0D);          \
        dst[out] = is ? 0x20 : b;                                                \
        out += !(is & space);                                                    \
        space = is;                                                              \
    } while (0)
#if defined(__SSE2__)
    // Sixteen bytes at a time when nothing in them needs changing: no white space, or only
    // single plain spaces (most of running prose); else those sixteen byte by byte. `dst`
    // has room for `n` bytes past `out`, and `out` never passes `i`.
    const __m128i sp = _mm_set1_epi8(0x20), lf = _mm_set1_epi8(0x0A), tab = _mm_set1_epi8(0x09),
                  cr = _mm_set1_epi8(0x0D);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(src + i));
        __m128i is_sp = _mm_cmpeq_epi8(v, sp);
        __m128i is_ws = _mm_or_si128(_mm_or_si128(is_sp, _mm_cmpeq_epi8(v, lf)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, cr)));
        unsigned m = (unsigned)_mm_movemask_epi8(is_ws);
        unsigned s = (unsigned)_mm_movemask_epi8(is_sp);
        unsigned bad = (m & ~s) | (m & ((m << 1) | (unsigned)space));
        if (bad == 0) {
            _mm_storeu_si128((__m128i *)(dst + out), v);
            out += 16;
            i += 16;
            space = (int)((m >> 15) & 1);
        } else {
            for (size_t end = i + 16; i < end; i++) CNX_STEP();
        }
    }
#endif
    for (; i < n; i++) CNX_STEP();
#undef CNX_STEP
    *at_space = space;
    return out;
}

/// Whether `n` bytes of XML text are all white space (indentation between elements).
static inline int cnx_is_all_space(const unsigned char *src, size_t n) {
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i sp = _mm_set1_epi8(0x20), lf = _mm_set1_epi8(0x0A), tab = _mm_set1_epi8(0x09),
                  cr = _mm_set1_epi8(0x0D);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(src + i));
        __m128i is_ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, lf)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, cr)));
        if (_mm_movemask_epi8(is_ws) != 0xFFFF) return 0;
    }
#endif
    for (; i < n; i++) {
        unsigned char b = src[i];
        if (!((b == 0x20) | (b == 0x0A) | (b == 0x09) | (b == 0x0D))) return 0;
    }
    return 1;
}
#endif
