// The only C surface of esafety. SwiftPM drops the -D flags that pkg-config gives, so the wide
// character API is switched on here, and the macros Swift cannot import are wrapped as functions.
#ifndef ESAFETY_CNCURSESW_SHIM_H
#define ESAFETY_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncurses.h>
#include <term.h>
#include <unistd.h>

extern int wcwidth(wchar_t c);

static inline WINDOW *esafety_stdscr(void) { return stdscr; }
static inline int esafety_colors(void) { return COLORS; }
static inline int esafety_key_f(int n) { return KEY_F(n); }

static inline attr_t esafety_a_normal(void) { return A_NORMAL; }
static inline attr_t esafety_a_bold(void) { return A_BOLD; }
static inline attr_t esafety_a_reverse(void) { return A_REVERSE; }
static inline attr_t esafety_a_underline(void) { return A_UNDERLINE; }
static inline attr_t esafety_a_dim(void) { return A_DIM; }

/// Writes one cell: a base character (and up to four combining characters) with attributes and a colour pair.
/// Returns -2 when `setcchar` refuses the characters; otherwise what `mvadd_wch` returns (ERR in the
/// bottom-right corner, where the character is written but the cursor cannot advance).
static inline int esafety_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) != OK) return -2;
    return mvadd_wch(y, x, &cell);
}

static inline FILE *esafety_stdin(void) { return stdin; }
static inline FILE *esafety_stdout(void) { return stdout; }
static inline int esafety_color_pairs(void) { return COLOR_PAIRS; }
/* 1 when the terminal in use lists line-drawing characters (terminfo acsc). */
static inline int esafety_has_line_drawing(void) {
    char *acsc = tigetstr("acsc");
    return acsc != NULL && acsc != (char *)-1 && acsc[0] != 0;
}

/// Reads back one cell with its attributes and colour pair (for headless tests of the real backend).
static inline int esafety_read_cell_styled(int y, int x, wchar_t *out, int capacity, attr_t *attrs, short *pair) {
    cchar_t cell;
    if (mvin_wch(y, x, &cell) == ERR) return ERR;
    wchar_t buf[CCHARW_MAX + 1];
    if (getcchar(&cell, buf, attrs, pair, NULL) == ERR) return ERR;
    *attrs &= ~A_COLOR;
    int i = 0;
    for (; i < capacity - 1 && buf[i] != 0; i++) out[i] = buf[i];
    out[i] = 0;
    return OK;
}

/// Looks a terminal type up in terminfo without initialising curses and without exiting on failure.
/// Returns 0 when the terminal is usable, 1 when terminfo has no entry for it (or it is generic),
/// 2 when no terminfo database was found, 3 for a hardcopy terminal, 4 when it cannot address the
/// cursor (no `cup`). The terminfo entry loaded for the check is freed again.
static inline int esafety_probe_terminal(const char *term) {
    int status = 0;
    TERMINAL *previous = cur_term;
    if (setupterm((char *)term, STDOUT_FILENO, &status) != OK) {
        set_curterm(previous);
        if (status == 1) return 3;
        if (status == -1) return 2;
        return 1;
    }
    const char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (char *)-1;
    TERMINAL *loaded = set_curterm(previous);
    if (loaded != previous) del_curterm(loaded);
    return usable ? 0 : 4;
}

#endif
