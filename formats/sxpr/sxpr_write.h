/* Private to the xen-sxpr writer (sxpr_write*.c, sxpr_escape.c): libvirt's
 * historical xenFormatSxpr (src/xenconfig/xen_sxpr.c), split by topic.
 *
 * The output is appended to the caller's buffer and taken back when
 * anything failed, as libvirt's virBuffer was discarded.  With a sink on
 * that buffer (common/buf.h), every xc_sxw_kv is a flush point: what was
 * written before it may leave the buffer, so no part of the writer
 * changes or takes back output across one; a failure fails the whole
 * output, which the caller then discards.  Every value passes
 * through xc_sxw_atom (sxpr_escape.c); what the sxpr cannot carry is a
 * loss warning [not-carried]; a value that would change the meaning of a
 * composite field (a disk target "hda:cdrom", a ',' in a chardev path) is
 * an error [unsafe-value] at its input position. */
#ifndef XC_SXPR_WRITE_H
#define XC_SXPR_WRITE_H

#include <stdbool.h>

#include "../../common/buf.h"
#include "../../common/diag.h"
#include "../../common/model.h"
#include "../xencommon/xen_write.h"

/* ---- atoms (sxpr_escape.c) ---------------------------------------------- */

/* Append v as one atom.  Quoted: '...' with a backslash before ' and \
 * (libvirt's virBufferEscapeSexpr), and control bytes as \n, \t, \r or
 * \xHH, so the atom reads back byte for byte through xc_sx_parse and
 * xend's sxp.py.  Bare-if-safe: written bare when it is non-empty and made
 * only of letters, digits and . - _ : / ~ , @ = + (what libvirt wrote bare
 * for chardev specs and what both parsers read as one atom), else quoted. */
enum xc_sxw_style { XC_SXW_QUOTED, XC_SXW_BARE_IF_SAFE };
void xc_sxw_atom(struct xc_buf *b, const char *v, enum xc_sxw_style style);
/* Would v be written bare under XC_SXW_BARE_IF_SAFE? */
bool xc_sxw_bare_safe(const char *v);

/* ---- the writing context (sxpr_write.c) --------------------------------- */

struct sxw {
    const struct xc_domain *dom;
    struct xc_diags *d;
    struct xc_buf *b;    /* the caller's output buffer */
    bool hvm;
    bool failed;
};

/* "(key 'v')", v through xc_sxw_atom (quoted). */
void xc_sxw_kv(struct sxw *w, const char *key, const char *v);
/* "(key N)" */
void xc_sxw_num(struct sxw *w, const char *key, long long v);
/* A loss warning [not-carried]. */
void xc_sxw_lost(struct sxw *w, struct xc_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* An error [check]; marks the conversion failed. */
void xc_sxw_error(struct sxw *w, struct xc_pos pos, const char *check,
                  const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The value text, or "" for an unset string. */
const char *xc_sxw_s(const struct xc_str *s);
bool xc_sxw_streq(const char *a, const char *b);

/* (vcpus N) and, when fewer are online, (vcpu_avail MASK) (sxpr_write.c;
 * written twice for an HVM guest, as libvirt does). */
void xc_sxw_vcpus(struct sxw *w);

/* ---- the image (sxpr_write_image.c) ------------------------------------- */

/* Everything from "(image" to the closing of the image, as
 * xenFormatSxpr writes it, with the (localtime N) after it. */
void xc_sxw_image(struct sxw *w);

/* ---- character devices (sxpr_write_chr.c) ------------------------------- */

/* (parallel ...) and (serial ...) of an HVM image. */
void xc_sxw_parallel_serial(struct sxw *w);
/* Loss warnings for serial and parallel devices the image does not hold. */
void xc_sxw_chr_lost(struct sxw *w, const char *why);

/* ---- devices (sxpr_write_dev.c) ----------------------------------------- */

void xc_sxw_disks(struct sxw *w);
void xc_sxw_nets(struct sxw *w);
void xc_sxw_pci(struct sxw *w);

/* ---- graphics (sxpr_write_gfx.c) ---------------------------------------- */

/* The one graphics device libvirt wrote (when there is exactly one):
 * xenFormatSxprGraphicsOld inside an HVM image (old_style) or
 * xenFormatSxprGraphicsNew, (device (vkbd))(device (vfb ...)), for a PV
 * guest; with loss warnings for what it drops and for every device of
 * several. */
void xc_sxw_graphics(struct sxw *w, bool old_style);
/* Loss warnings for every graphics device (an HVM guest with a
 * bootloader has no place for them). */
void xc_sxw_graphics_lost(struct sxw *w, const char *why);

/* ---- what the sxpr has no place for (sxpr_write_loss.c) ----------------- */

void xc_sxw_other_losses(struct sxw *w);

#endif
