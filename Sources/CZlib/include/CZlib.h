// The three zlib functions the search index uses (libz, Debian zlib1g-dev), declared here
// rather than through <zlib.h> as a system module: a system module beside libxml2's (whose
// headers pull in ICU) made every module importing Foundation fail to build ("UErrorCode has
// different definitions"). Signatures as in zlib.h (uLong is unsigned long, Bytef unsigned char).
#ifndef FRUSREAD_CZLIB_H
#define FRUSREAD_CZLIB_H

#define CZ_OK 0

unsigned long cz_compress_bound(unsigned long source_length);
int cz_compress(unsigned char *dest, unsigned long *dest_length, const unsigned char *source,
                unsigned long source_length, int level);
// Whether compression goes through libdeflate (found with dlopen; same zlib format, about
// twice as fast); `cz_use_fast_compressor(0)` makes it zlib's (tests compare the two).
int cz_fast_compressor_available(void);
void cz_use_fast_compressor(int enabled);
// Whether whole streams are inflated by libdeflate (same library, found the same way; off with
// cz_use_fast_compressor(0) too); prefixes are always zlib's (libdeflate inflates only whole).
int cz_fast_decompressor_available(void);
int cz_uncompress(unsigned char *dest, unsigned long *dest_length, const unsigned char *source,
                  unsigned long source_length);
// The first *dest_length bytes of a zlib stream (fewer if it ends first), inflating no more
// of it than that; *dest_length is set to the bytes produced. CZ_OK unless the stream is damaged.
int cz_uncompress_prefix(unsigned char *dest, unsigned long *dest_length, const unsigned char *source,
                         unsigned long source_length);

#endif
