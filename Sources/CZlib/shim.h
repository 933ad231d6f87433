// zlib, for the search index's stored text and outlines (Debian: zlib1g-dev, which libxml2-dev
// already needs).
#ifndef FRUSREAD_CZLIB_SHIM_H
#define FRUSREAD_CZLIB_SHIM_H
#include <zlib.h>
#endif
