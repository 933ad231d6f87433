#include <zlib.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include "CZlib.h"

unsigned long cz_compress_bound(unsigned long source_length) { return compressBound(source_length); }

/* libdeflate writes the same zlib streams as zlib's compress2, about twice as fast at the same
   level and size (the index build spent over half its parsing threads' time in compress2).
   Loaded with dlopen when the system has it (libdeflate0: on Debian and Ubuntu beside libtiff,
   common but not always there), so nothing is needed to build or run; without it, zlib. The
   stored format does not depend on which one wrote it: zlib reads both. */
struct libdeflate_compressor;
static struct libdeflate_compressor *(*ld_alloc)(int);
static size_t (*ld_zlib_compress)(struct libdeflate_compressor *, const void *, size_t, void *, size_t);
static void (*ld_free)(struct libdeflate_compressor *);
/* Decompression too: a search inflates the stored text of each of its results for the
   snippets (20 groups of ~64 KB), which zlib's inflate made a tenth of a query's time. */
struct libdeflate_decompressor;
static struct libdeflate_decompressor *(*ld_alloc_decompressor)(void);
static int (*ld_zlib_decompress)(struct libdeflate_decompressor *, const void *, size_t, void *, size_t, size_t *);
static void (*ld_free_decompressor)(struct libdeflate_decompressor *);
static pthread_once_t ld_once = PTHREAD_ONCE_INIT;
static int ld_enabled = 1;

static void ld_load(void) {
    if (getenv("FRUSREAD_NO_LIBDEFLATE")) return;
    void *lib = dlopen("libdeflate.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return;
    ld_alloc = (struct libdeflate_compressor * (*)(int)) dlsym(lib, "libdeflate_alloc_compressor");
    ld_zlib_compress = (size_t(*)(struct libdeflate_compressor *, const void *, size_t, void *, size_t))dlsym(
        lib, "libdeflate_zlib_compress");
    ld_free = (void (*)(struct libdeflate_compressor *))dlsym(lib, "libdeflate_free_compressor");
    if (!ld_alloc || !ld_zlib_compress || !ld_free) ld_alloc = 0;
    ld_alloc_decompressor = (struct libdeflate_decompressor * (*)(void)) dlsym(lib, "libdeflate_alloc_decompressor");
    ld_zlib_decompress = (int (*)(struct libdeflate_decompressor *, const void *, size_t, void *, size_t, size_t *))dlsym(
        lib, "libdeflate_zlib_decompress");
    ld_free_decompressor = (void (*)(struct libdeflate_decompressor *))dlsym(lib, "libdeflate_free_decompressor");
    if (!ld_alloc_decompressor || !ld_zlib_decompress || !ld_free_decompressor) ld_alloc_decompressor = 0;
}

/* A compressor is not safe to share between threads: one per thread and level, kept for the
   thread's life (the index build's parser threads compress thousands of documents each). */
static pthread_key_t ld_key;
static pthread_once_t ld_key_once = PTHREAD_ONCE_INIT;
struct ld_slot { int level; struct libdeflate_compressor *compressor; };
static void ld_release(void *p) {
    struct ld_slot *slot = p;
    if (slot->compressor) ld_free(slot->compressor);
    free(slot);
}
static void ld_make_key(void) { pthread_key_create(&ld_key, ld_release); }

static struct libdeflate_compressor *ld_compressor(int level) {
    pthread_once(&ld_key_once, ld_make_key);
    struct ld_slot *slot = pthread_getspecific(ld_key);
    if (!slot) {
        slot = calloc(1, sizeof *slot);
        if (!slot) return 0;
        pthread_setspecific(ld_key, slot);
    }
    if (!slot->compressor || slot->level != level) {
        if (slot->compressor) ld_free(slot->compressor);
        slot->compressor = ld_alloc(level);
        slot->level = level;
    }
    return slot->compressor;
}

int cz_fast_compressor_available(void) {
    pthread_once(&ld_once, ld_load);
    return ld_alloc != 0;
}

void cz_use_fast_compressor(int enabled) { ld_enabled = enabled; }

int cz_compress(unsigned char *dest, unsigned long *dest_length, const unsigned char *source,
                unsigned long source_length, int level) {
    if (ld_enabled && cz_fast_compressor_available()) {
        struct libdeflate_compressor *c = ld_compressor(level);
        size_t n = c ? ld_zlib_compress(c, source, source_length, dest, *dest_length) : 0;
        /* 0: no compressor, or the output did not fit the room given: zlib does it. */
        if (n > 0) {
            *dest_length = n;
            return Z_OK;
        }
    }
    return compress2(dest, dest_length, source, source_length, level);
}

int cz_fast_decompressor_available(void) {
    pthread_once(&ld_once, ld_load);
    return ld_enabled && ld_alloc_decompressor != 0;
}

int cz_uncompress(unsigned char *dest, unsigned long *dest_length, const unsigned char *source,
                  unsigned long source_length) {
    if (cz_fast_decompressor_available()) {
        /* A decompressor per call (a small allocation): they are not safe to share between
           threads, and a search inflates a few dozen groups. */
        struct libdeflate_decompressor *d = ld_alloc_decompressor();
        if (d) {
            size_t actual = 0;
            int result = ld_zlib_decompress(d, source, source_length, dest, *dest_length, &actual);
            ld_free_decompressor(d);
            /* 0: LIBDEFLATE_SUCCESS. Anything else (damage, a length that does not match):
               zlib decides, so that errors are zlib's as before. */
            if (result == 0) {
                *dest_length = actual;
                return Z_OK;
            }
        }
    }
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
