/* The libxl bridge: the model as libxl's own libxl_domain_config.
 *
 * The only header of xenconv that includes <libxl.h>; only
 * converters/libxl_bridge*.c and converters/libxl_launch*.c include it.
 * Follows libvirt 9.0.0's libxlBuildDomainConfig (src/libxl/libxl_conf.c)
 * part by part, with libxl's types and helpers.  docs/libxl-bridge.md. */
#ifndef XC_LIBXL_BRIDGE_H
#define XC_LIBXL_BRIDGE_H

#include <stdbool.h>

#include <libxl.h>
#include <libxl_utils.h>

#include "../common/diag.h"
#include "../common/model.h"
#include "../common/settings.h"

/* Fill CFG (already libxl_domain_config_init'ed by the caller, who also
 * disposes of it, on success or failure) from DOM, defaults applied
 * (xc_convert_source's model after converters/defaults).  CTX may be NULL:
 * nothing in the build then asks the hypervisor (the offline validate);
 * with a ctx, what libvirt takes from the host (e.g. the emulator's
 * capabilities) may be asked of it.  Returns 0, or -1 after at least one
 * error diagnostic in D, with the input position where the model has one.
 * Whatever libxl cannot take but can be dropped is a warning. */
int xc_libxl_build(const struct xc_domain *dom, const struct xc_settings *set,
                   libxl_ctx *ctx, libxl_domain_config *cfg, struct xc_diags *d);

/* What libvirt's build takes from the host rather than the definition
 * (capabilities, libxl.conf, physinfo).  xc_libxl_build fills it from CTX
 * (libxl_get_physinfo, libxl_get_max_cpus, /proc/cpuinfo) or, without a
 * ctx, with xc_libxl_host_offline; tests pass their own.  With a ctx:
 * physinfo's nodes, libxl's max cpus, VMX or SVM from Xen's cap_hvm and
 * the CPU vendor, VNC autoport left to libxl (findunused). */
struct xc_libxl_host {
    unsigned nr_nodes;          /* NUMA nodes: more vnuma cells -> all pnode 0 */
    unsigned max_cpus;          /* host CPUs (libxl_get_max_cpus); 0: unknown */
    bool vmx, svm;              /* the host CPU's hardware virtualization */
    bool nested_hvm;            /* libxl.conf nested_hvm (libvirt: 0) */
    /* nested_hvm in b_info.u.hvm, as libvirt built against a libxl
     * without LIBXL_HAVE_BUILDINFO_NESTED_HVM */
    bool legacy_nested_hvm;
    bool fixed_shadow;          /* shadow_memkb below instead of libxl's */
    unsigned long shadow_memkb;
    unsigned vnc_port;          /* autoport: the port allocated (5900 offline) */
    bool vnc_findunused;        /* autoport: let libxl find a free display */
};

/* No hypervisor, the same answer on every machine: nodes unlimited (cell
 * i on node i), an x86 host with VMX (libvirt's test host), nested_hvm 0
 * (libxl.conf's default), libxl's shadow computation, VNC autoport on
 * 5900 (the first port of libvirt's range, display 0). */
void xc_libxl_host_offline(struct xc_libxl_host *h);

/* xc_libxl_build with an explicit host. */
int xc_libxl_build_host(const struct xc_domain *dom, const struct xc_settings *set,
                        const struct xc_libxl_host *host, libxl_ctx *ctx,
                        libxl_domain_config *cfg, struct xc_diags *d);

/* libxl's own JSON of CFG (libxl_domain_config_gen_json through the
 * generator libxl_domain_config_to_json uses), without a ctx.  malloc'd,
 * no trailing newline; NULL if libxl's generator failed. */
char *xc_libxl_json(libxl_domain_config *cfg);

#endif
