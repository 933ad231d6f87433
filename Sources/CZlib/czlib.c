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

int cz_uncompress_prefix(unsigned char *dest, unsigned long *dest_length, const unsigned char *source,
                         unsigned long source_length) {
    z_stream stream = {0};
    stream.next_in = (Bytef *)source;
    stream.avail_in = (uInt)source_length;
    stream.next_out = dest;
    stream.avail_out = (uInt)*dest_length;
    int status = inflateInit(&stream);
    if (status != Z_OK) return status;
    while (stream.avail_out > 0) {
        status = inflate(&stream, Z_SYNC_FLUSH);
        if (status == Z_STREAM_END) break;
        if (status != Z_OK) {
            inflateEnd(&stream);
            return status == Z_BUF_ERROR && stream.avail_out == 0 ? Z_OK : status;
        }
    }
    *dest_length = stream.total_out;
    inflateEnd(&stream);
    return Z_OK;
}
