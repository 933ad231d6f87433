#include "CCurlLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* libcurl's ABI (stable since 7.x): option numbers from curl.h. */
#define OPT_LONG 0
#define OPT_POINTER 10000
#define OPT_FUNCTION 20000
enum {
    CURLOPT_WRITEDATA = OPT_POINTER + 1,
    CURLOPT_URL = OPT_POINTER + 2,
    CURLOPT_ERRORBUFFER = OPT_POINTER + 10,
    CURLOPT_WRITEFUNCTION = OPT_FUNCTION + 11,
    CURLOPT_USERAGENT = OPT_POINTER + 18,
    CURLOPT_LOW_SPEED_LIMIT = OPT_LONG + 19,
    CURLOPT_LOW_SPEED_TIME = OPT_LONG + 20,
    CURLOPT_HTTPHEADER = OPT_POINTER + 23,
    CURLOPT_HEADERDATA = OPT_POINTER + 29,
    CURLOPT_NOPROGRESS = OPT_LONG + 43,
    CURLOPT_NOBODY = OPT_LONG + 44,
    CURLOPT_FOLLOWLOCATION = OPT_LONG + 52,
    CURLOPT_XFERINFODATA = OPT_POINTER + 57,
    CURLOPT_CONNECTTIMEOUT = OPT_LONG + 78,
    CURLOPT_HEADERFUNCTION = OPT_FUNCTION + 79,
    CURLOPT_NOSIGNAL = OPT_LONG + 99,
    CURLOPT_XFERINFOFUNCTION = OPT_FUNCTION + 219,
};
#define CURLINFO_RESPONSE_CODE (0x200000 + 2)
#define CURL_GLOBAL_DEFAULT 3
#define CURL_ERROR_SIZE 256

struct slist;
static void *(*easy_init)(void);
static int (*easy_setopt)(void *, int, ...);
static int (*easy_perform)(void *);
static int (*easy_getinfo)(void *, int, ...);
static void (*easy_cleanup)(void *);
static const char *(*easy_strerror)(int);
static struct slist *(*slist_append)(struct slist *, const char *);
static void (*slist_free_all)(struct slist *);
static int (*global_init)(long);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char load_error[256];

static void load(void) {
    const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4", "libcurl.4.dylib", "libcurl.dylib"};
    void *lib = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !lib; i++) lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(load_error, sizeof load_error, "libcurl is not installed (Debian/Ubuntu: apt-get install libcurl4)");
        return;
    }
#define SYM(var, name) *(void **)(&var) = dlsym(lib, name); if (!var) { snprintf(load_error, sizeof load_error, "libcurl lacks %s", name); return; }
    SYM(easy_init, "curl_easy_init")
    SYM(easy_setopt, "curl_easy_setopt")
    SYM(easy_perform, "curl_easy_perform")
    SYM(easy_getinfo, "curl_easy_getinfo")
    SYM(easy_cleanup, "curl_easy_cleanup")
    SYM(easy_strerror, "curl_easy_strerror")
    SYM(slist_append, "curl_slist_append")
    SYM(slist_free_all, "curl_slist_free_all")
    SYM(global_init, "curl_global_init")
#undef SYM
    if (global_init(CURL_GLOBAL_DEFAULT) != 0) {
        snprintf(load_error, sizeof load_error, "libcurl could not be initialised");
        return;
    }
    loaded = 1;
}

static size_t write_body(char *data, size_t size, size_t count, void *request) {
    const frus_http_request *r = request;
    return r->on_body ? r->on_body(data, size * count, r->context) : size * count;
}

static size_t write_header(char *data, size_t size, size_t count, void *request) {
    const frus_http_request *r = request;
    return r->on_header ? r->on_header(data, size * count, r->context) : size * count;
}

static int progress(void *request, long long dltotal, long long dlnow, long long ultotal, long long ulnow) {
    (void)ultotal; (void)ulnow;
    const frus_http_request *r = request;
    return r->on_progress ? r->on_progress(r->context, dltotal, dlnow) : 0;
}

int frus_http_perform(const frus_http_request *request, long *status, char *error, size_t error_size) {
    pthread_once(&once, load);
    if (error_size) error[0] = 0;
    if (!loaded) {
        snprintf(error, error_size, "%s", load_error);
        return -1;
    }
    void *h = easy_init();
    if (!h) {
        snprintf(error, error_size, "libcurl could not start a transfer");
        return -1;
    }
    char buffer[CURL_ERROR_SIZE];
    buffer[0] = 0;
    struct slist *headers = NULL;
    for (int i = 0; i < request->header_count; i++) headers = slist_append(headers, request->headers[i]);
    easy_setopt(h, CURLOPT_URL, request->url);
    easy_setopt(h, CURLOPT_ERRORBUFFER, buffer);
    easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    easy_setopt(h, CURLOPT_USERAGENT, "frusread");
    easy_setopt(h, CURLOPT_CONNECTTIMEOUT, request->connect_timeout > 0 ? request->connect_timeout : 30L);
    easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    easy_setopt(h, CURLOPT_LOW_SPEED_TIME, request->stall_timeout > 0 ? request->stall_timeout : 60L);
    if (headers) easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    if (request->head_only) easy_setopt(h, CURLOPT_NOBODY, 1L);
    easy_setopt(h, CURLOPT_WRITEFUNCTION, write_body);
    easy_setopt(h, CURLOPT_WRITEDATA, (void *)request);
    easy_setopt(h, CURLOPT_HEADERFUNCTION, write_header);
    easy_setopt(h, CURLOPT_HEADERDATA, (void *)request);
    easy_setopt(h, CURLOPT_XFERINFOFUNCTION, progress);
    easy_setopt(h, CURLOPT_XFERINFODATA, (void *)request);
    easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    int code = easy_perform(h);
    long http = 0;
    easy_getinfo(h, CURLINFO_RESPONSE_CODE, &http);
    *status = http;
    if (code != 0) snprintf(error, error_size, "%s", buffer[0] ? buffer : easy_strerror(code));
    if (headers) slist_free_all(headers);
    easy_cleanup(h);
    return code;
}
