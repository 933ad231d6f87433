#include <zlib.h>
#include "CZlib.h"

unsigned long cz_compress_bound(unsigned long source_length) { return compressBound(source_length); }

int cz_compress(unsigned char *dest, unsigned long *dest_length, const unsigned char *source,
                unsigned long source_length, int level) {
    return compress2(dest, dest_length, source, source_length, level);
}

int cz_uncompress(unsigned char *dest, unsigned long *dest_length, const unsigned char *source,
                  unsigned long source_length) {
    return uncompress(dest, dest_length, source, source_length);
}
