#ifndef FRUS_CCURL_LOADER_H
#define FRUS_CCURL_LOADER_H

#include <stddef.h>

/* One HTTP request through libcurl, loaded with dlopen when first used (`frusread get`):
   linking libcurl would make every frusread command load it and its ~30 libraries at start.
   No curl header is needed to build this. */
typedef struct frus_http_request {
    const char *url;
    /* Extra request headers ("Range: bytes=100-", "If-None-Match: \"abc\""). */
    const char *const *headers;
    int header_count;
    /* HEAD instead of GET. */
    int head_only;
    /* Each response header line (with its CRLF); return len to go on, anything else stops. */
    size_t (*on_header)(const char *line, size_t len, void *context);
    /* Each piece of the body; return len to go on, anything else stops the transfer. */
    size_t (*on_body)(const char *data, size_t len, void *context);
    /* Bytes expected (0 when unknown) and received so far; nonzero stops the transfer. */
    int (*on_progress)(void *context, long long expected, long long received);
    void *context;
    /* Seconds to connect; seconds below 1 byte/s before giving up (0: the defaults). */
    long connect_timeout;
    long stall_timeout;
} frus_http_request;

/* Performs the request. Returns 0 when a response came (its status in *status), -1 when
   libcurl cannot be loaded, else libcurl's error code; `error` holds a message (may be empty). */
int frus_http_perform(const frus_http_request *request, long *status, char *error, size_t error_size);

#endif
