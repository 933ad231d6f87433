// The curses API as Swift can use it. NCURSES_WIDECHAR must come before the include
// (SwiftPM drops pkg-config's -D_XOPEN_SOURCE); the macros and C globals Swift cannot
// import, or that Swift 6 rejects as not concurrency-safe, are wrapped in functions.
#ifndef FRUSREAD_CNCURSESW_SHIM_H
#define FRUSREAD_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_colors(void) { return COLORS; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_a_italic(void) { return A_ITALIC; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }

/// newterm on the standard streams: unlike initscr, it returns NULL instead of exiting when
/// the terminal cannot be set up (the C globals stdin/stdout are not usable from Swift 6).
static inline SCREEN *cnc_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Writes bytes to the terminal curses draws on, after what curses has buffered (an OSC 52
/// clipboard sequence: curses has no call for it).
static inline void cnc_write_raw(const char *bytes) {
    fflush(stdout);
    fputs(bytes, stdout);
    fflush(stdout);
}

/// A terminfo string capability, or NULL when absent or not a string.
static inline const char *cnc_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == (char *)-1) ? NULL : s;
}

/// wcwidth is declared by <wchar.h> only under _XOPEN_SOURCE, which SwiftPM does not set.
extern int wcwidth(wchar_t c);
static inline int cnc_wcwidth(wchar_t c) { return wcwidth(c); }

/// KEY_F(n) is a function-like macro.
static inline int cnc_key_f(int n) { return KEY_F(n); }

/// The character set of the current locale ("UTF-8", "ANSI_X3.4-1968" …); call after setlocale.
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }

/// Installs `handler` for `sig` with sigaction and no SA_RESTART, so a blocking read is
/// interrupted and the run loop sees the signal at once. Linux's `struct sigaction` keeps the
/// handler in a union that Swift reaches only awkwardly, hence this wrapper.
static inline int cnc_install_handler(int sig, void (*handler)(int), int reset_after_first) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = reset_after_first ? SA_RESETHAND : 0;
    return sigaction(sig, &sa, NULL);
}

/// Restores the default action of `sig` (to re-raise it after cleaning up).
static inline int cnc_default_handler(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    return sigaction(sig, &sa, NULL);
}

/// Unblocks `sig` (a re-raised signal must not stay pending).
static inline int cnc_unblock(int sig) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    return sigprocmask(SIG_UNBLOCK, &set, NULL);
}
#endif
