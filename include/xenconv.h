/* xenconv.h: the public interface of libxenconv.
 *
 * libxenconv converts virtual-machine configurations between libvirt domain
 * XML and Xen's native formats, offline, exactly as the xenconv command
 * does (libvirt 9.0.0's conversion semantics).  This header is the whole
 * interface: it includes only <stddef.h>, and every type it names is
 * either opaque or a plain C type.
 *
 * Formats, by name (or short alias):
 *   "xen-xl"   ("xl")      xl.cfg(5)
 *   "xen-xm"   ("xm")      legacy xm/xend configs
 *   "xen-sxpr" ("sxpr")    xend S-expressions, as `xm list -l` prints them
 *   "xml"      ("domxml")  libvirt domain XML
 *
 * Use:
 *
 *     xenconv_source *src = xenconv_open_file("guest.cfg");
 *     char *xml = NULL;
 *     size_t len = 0;
 *     if (xenconv_read(src, NULL) == XENCONV_OK &&          // NULL: detect
 *         xenconv_write(src, "xml", &xml, &len) == XENCONV_OK)
 *         fwrite(xml, 1, len, stdout);
 *     for (size_t i = 0; i < xenconv_diag_count(src); i++) {
 *         const xenconv_diag *g = xenconv_diag_get(src, i);
 *         fprintf(stderr, "%s:%u:%u: %s\n", xenconv_diag_file(g),
 *                 xenconv_diag_line(g), xenconv_diag_column(g),
 *                 xenconv_diag_message(g));
 *     }
 *     xenconv_free(xml);
 *     xenconv_close(src);
 *
 * Build with `pkg-config --cflags --libs xenconv` (shared library,
 * libxenconv.so.0) or `pkg-config --static --libs xenconv` with
 * libxenconv.a.
 *
 * Errors.  Functions that can fail return an enum xenconv_status.  Every
 * problem with the input (and every input key or element the output will
 * not carry) is also a diagnostic of the source, with its file, line and
 * column: the diagnostics are the full story, the status is the summary.
 *
 * Memory.  Strings returned as `const char *` belong to the source and
 * stay valid until xenconv_close().  Output buffers from xenconv_write()
 * and xenconv_convert() belong to the caller: release them with
 * xenconv_free().  When memory runs out, the library prints
 * "xenconv: out of memory" on stderr and ends the process with exit
 * status 70 (it has no recovery path); calls never return a half-built
 * result.
 *
 * Threads.  The library has no global mutable state of its own, but it
 * has not been audited for concurrent use: use one source from one thread
 * at a time, and serialise calls if in doubt.
 */
#ifndef XENCONV_H
#define XENCONV_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header; xenconv_version() gives the library's. */
#define XENCONV_VERSION_MAJOR 0
#define XENCONV_VERSION_MINOR 1
#define XENCONV_VERSION_PATCH 0
#define XENCONV_VERSION "0.1.0"

/* Symbols of the shared library.  Only functions declared here are
 * exported from libxenconv.so; everything else in it is internal. */
#if defined(__GNUC__) && !defined(XENCONV_NO_VISIBILITY)
#define XENCONV_API __attribute__((visibility("default")))
#else
#define XENCONV_API
#endif

/* Results.  The numbers equal the xenconv command's exit statuses. */
enum xenconv_status {
    XENCONV_OK = 0,        /* done; warnings and notes may have been added */
    XENCONV_EINPUT = 1,    /* the input is unreadable or invalid, or holds a
                            * value the target format cannot express
                            * safely: at least one error diagnostic says
                            * where and why; no output was produced */
    XENCONV_EUSAGE = 2,    /* a bad argument: a NULL pointer, an unknown
                            * format name, xenconv_write() before a
                            * successful xenconv_read(), an unreadable
                            * settings file (an error diagnostic says so) */
};

enum xenconv_severity {
    XENCONV_ERROR = 0,
    XENCONV_WARNING = 1,
    XENCONV_NOTE = 2,
};

/* One input (its bytes, its name) and everything known about it: the
 * format it was read as, the domain read from it, its diagnostics. */
typedef struct xenconv_source xenconv_source;
/* One diagnostic of a source. */
typedef struct xenconv_diag xenconv_diag;

/* The library's version, "MAJOR.MINOR.PATCH". */
XENCONV_API const char *xenconv_version(void);

/* ---- sources ------------------------------------------------------------ */

/* Open the file at path ("-" is standard input), read whole into memory.
 * Returns NULL only when path is NULL.  A file that cannot be read still
 * gives a source: it holds an error diagnostic (check "io") naming the
 * file, and xenconv_read() on it returns XENCONV_EINPUT. */
XENCONV_API xenconv_source *xenconv_open_file(const char *path);

/* A source over len bytes at data (copied: data may be freed after the
 * call; it may hold NUL bytes, which readers report as errors).  name is
 * what diagnostics call the input (NULL: "<input>").  Returns NULL only
 * when data is NULL and len is not 0. */
XENCONV_API xenconv_source *xenconv_open_mem(const char *name,
                                             const void *data, size_t len);

/* Settings for this source's conversions, from a libconfig file (see the
 * xenconv.conf.sample installed with the documentation: firmware_dir,
 * hvmloader, emulator, arch).  Without this call a source uses the
 * built-in defaults, which equal libvirt 9.0.0's libxl driver on Debian;
 * the library never reads /etc/xenconv/xenconv.conf or $XENCONV_CONFIG by
 * itself (the command does).  Call it before xenconv_read().
 * XENCONV_EUSAGE with an error diagnostic (check "settings") when the file
 * cannot be read or is invalid; the built-in defaults then remain. */
XENCONV_API enum xenconv_status xenconv_load_settings(xenconv_source *src,
                                                      const char *path);

/* Release the source, its diagnostics and every string it handed out.
 * NULL is allowed. */
XENCONV_API void xenconv_close(xenconv_source *src);

/* ---- converting --------------------------------------------------------- */

/* Read the source as format (a name or alias above).  format NULL or
 * "auto" detects it from the content (the rule of `xenconv convert --from
 * auto`) and adds a note (check "detect") naming the evidence.  Then
 * libvirt's post-parse defaults are applied, as every conversion does.
 * A source is read once; reading again returns XENCONV_EUSAGE.
 * Input that no output format will carry is reported as warnings
 * "... is not carried to the output" (xenconv_convert() names the target
 * instead, as the command does). */
XENCONV_API enum xenconv_status xenconv_read(xenconv_source *src,
                                             const char *format);

/* The canonical name of the format the source was read as ("xen-xl",
 * "xen-xm", "xen-sxpr", "xml"), or NULL before a successful read. */
XENCONV_API const char *xenconv_format(const xenconv_source *src);

/* Write the domain read from src in format, into a new buffer: *out gets
 * len bytes followed by a NUL (free it with xenconv_free()), *len the
 * length (len may be NULL).  On failure *out is NULL and *len 0, and
 * error diagnostics say why.  A source may be written several times, in
 * several formats.  Writing a native format of a running domain's dump (a
 * xen-sxpr with a domain id) drops the run's identity (the id, interface
 * names Xen generated) from the source, as the command does: write "xml"
 * first if you want them there too. */
XENCONV_API enum xenconv_status xenconv_write(xenconv_source *src,
                                              const char *format,
                                              char **out, size_t *len);

/* xenconv_read(src, from) then xenconv_write(src, to, out, len), with the
 * diagnostics exactly as `xenconv convert --from FROM --to TO` reports
 * them (loss warnings name the target format). */
XENCONV_API enum xenconv_status xenconv_convert(xenconv_source *src,
                                                const char *from,
                                                const char *to,
                                                char **out, size_t *len);

/* Release a buffer from xenconv_write() or xenconv_convert(); NULL is
 * allowed. */
XENCONV_API void xenconv_free(void *p);

/* ---- diagnostics -------------------------------------------------------- */

/* Every diagnostic of the source so far, in the order the command prints
 * them: for each file, those without a position first, then by line and
 * column.  Indexes are valid until the next call that adds diagnostics
 * (open, load_settings, read, write, convert); the diag pointers until
 * xenconv_close(). */
XENCONV_API size_t xenconv_diag_count(const xenconv_source *src);
/* The i-th diagnostic, or NULL when i >= xenconv_diag_count(src). */
XENCONV_API const xenconv_diag *xenconv_diag_get(const xenconv_source *src,
                                                 size_t i);
/* Number of error diagnostics so far. */
XENCONV_API size_t xenconv_error_count(const xenconv_source *src);

XENCONV_API enum xenconv_severity xenconv_diag_severity(const xenconv_diag *g);
/* "error", "warning" or "note". */
XENCONV_API const char *xenconv_severity_name(enum xenconv_severity sev);
/* The input's name as given (or "<stdin>", or the settings file's). */
XENCONV_API const char *xenconv_diag_file(const xenconv_diag *g);
/* 1-based line and byte column; 0 when the diagnostic has no position
 * (it concerns the whole file). */
XENCONV_API unsigned xenconv_diag_line(const xenconv_diag *g);
XENCONV_API unsigned xenconv_diag_column(const xenconv_diag *g);
XENCONV_API const char *xenconv_diag_message(const xenconv_diag *g);
/* Short check name ("syntax", "unused-key", "bad-mac", "detect", "io",
 * ...), or NULL. */
XENCONV_API const char *xenconv_diag_check(const xenconv_diag *g);
/* 1 when the diagnostic is a loss (input the output will not carry: the
 * entries of the command's --report "losses" array), else 0. */
XENCONV_API int xenconv_diag_lost(const xenconv_diag *g);

/* The diagnostic as the command prints it, without a newline:
 * "FILE:LINE:COL: severity: message [check]" (no ":LINE:COL" without a
 * position, no " [check]" without a check).  Owned by the source. */
XENCONV_API const char *xenconv_diag_text(const xenconv_diag *g);

#ifdef __cplusplus
}
#endif

#endif
