/* What formats/xencommon/ shares between its reading and writing halves:
 * the native format being read or written.  libvirt 9.0.0's xen_common.c
 * takes it as nativeFormat ("xen-xl" / "xen-xm") and branches on it in a
 * few places (the vif type name, a list of serial devices). */
#ifndef XC_XEN_H
#define XC_XEN_H

enum xc_xen_flavor { XC_XEN_XL = 0, XC_XEN_XM };

/* libvirt's nativeFormat name of a flavour: "xen-xl" or "xen-xm". */
const char *xc_xen_flavor_name(enum xc_xen_flavor f);
/* The vif type= value that means model netfront: "vif" for xl,
 * "netfront" for xm. */
const char *xc_xen_vif_typename(enum xc_xen_flavor f);

#endif
