/* Inside the libxl bridge: one build in progress and its parts, one file
 * each, in the order libvirt 9.0.0's libxlBuildDomainConfig calls them.
 * Only converters/libxl_bridge*.c include this (it pulls in libxl.h
 * through libxl_bridge.h). */
#ifndef XC_LIBXL_BRIDGE_INT_H
#define XC_LIBXL_BRIDGE_INT_H

#include "libxl_bridge.h"

struct xlb {
    const struct xc_domain *dom;
    const struct xc_settings *set;
    const struct xc_libxl_host *host;
    libxl_ctx *ctx;               /* NULL: offline */
    libxl_domain_config *cfg;
    struct xc_diags *d;
    bool hvm, pvh;                /* else PV */
    libxl_device_model_version dm_version;
    unsigned ports_taken;         /* graphics ports allocated so far */
};

#define XLB_CHECK "libxl"

/* A copy of s, NULL for NULL (libxl frees with free()). */
char *xlb_strdup(const char *s);
/* A bitmap of nbits bits, all clear: libxl_cpu_bitmap_alloc with a ctx;
 * without one the same layout allocated here (libxl_bitmap_dispose frees
 * it with free()), since libxl's allocator needs a ctx. */
void xlb_bitmap_alloc(struct xlb *b, libxl_bitmap *map, unsigned nbits);
/* Parse a cpu list ("0-3,^2,5") into map, growing nothing: bits beyond
 * map's size are an error.  0, or -1 after an error at pos. */
int xlb_cpulist(struct xlb *b, const char *s, struct xc_pos pos,
                libxl_bitmap *map, unsigned *highest);

int xlb_create_info(struct xlb *b);      /* libxl_bridge_info.c */
int xlb_build_info(struct xlb *b);       /* libxl_bridge_info.c */
int xlb_build_hvm(struct xlb *b);        /* libxl_bridge_hvm.c */
int xlb_build_pv(struct xlb *b);         /* libxl_bridge_hvm.c (PV and PVH) */
int xlb_clock(struct xlb *b);            /* libxl_bridge_clock.c */
int xlb_cpu(struct xlb *b);              /* libxl_bridge_cpu.c */
int xlb_vnuma(struct xlb *b);            /* libxl_bridge_cpu.c */
int xlb_disks(struct xlb *b);            /* libxl_bridge_disk.c */
int xlb_nics(struct xlb *b);             /* libxl_bridge_nic.c */
int xlb_vfbs(struct xlb *b);             /* libxl_bridge_vfb.c */
int xlb_buildinfo_vfb(struct xlb *b);    /* libxl_bridge_vfb.c */
int xlb_video(struct xlb *b);            /* libxl_bridge_vfb.c */
int xlb_pcidevs(struct xlb *b);          /* libxl_bridge_hostdev.c */
int xlb_usb(struct xlb *b);              /* libxl_bridge_hostdev.c */
int xlb_channels(struct xlb *b);         /* libxl_bridge_chr.c */
/* An HVM serial port as a qemu chardev string ("pty", "tcp:h:p,server,nowait");
 * NULL after an error. */
char *xlb_chrdev_str(struct xlb *b, const struct xc_chr *c);

#endif
