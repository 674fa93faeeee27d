/* The domain XML writer: prints a struct xc_domain as libvirt 9.0.0's
 * virDomainDefFormat does with VIR_DOMAIN_XML_INACTIVE |
 * VIR_DOMAIN_XML_SECURE (what `virsh domxml-from-native` prints).
 *
 * The layout follows virDomainDefFormatInternalSetRootName in libvirt's
 * src/conf/domain_conf.c: the same elements in the same order, the same
 * attribute order, two-space indentation, empty elements self-closed.
 * An unset model field prints what libvirt's zero-initialised field
 * prints (e.g. an unset lifecycle action is "destroy", an unset clock
 * offset "utc").  This file holds the helpers and everything outside
 * <devices>; xml_write_devices.c holds the devices. */
#include "xml_write.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml_escape.h"

/* ---- helpers -------------------------------------------------------- */

void xw_indent(struct xw *w)
{
    xc_buf_indent(w->out, w->depth * 2);
}

void xw_lit(struct xw *w, const char *s)
{
    xc_buf_add(w->out, s);
}

void xw_fmt(struct xw *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    xc_buf_vaddf(w->out, fmt, ap);
    va_end(ap);
}

void xw_line(struct xw *w, const char *s)
{
    /* A line at the depth of <domain>'s children or of the devices starts
     * a new element: what is before it is final (xml_write.h). */
    if (w->depth <= 2)
        xc_buf_flush_point(w->out);
    xw_indent(w);
    xw_lit(w, s);
}

static void refuse(struct xw *w, enum xc_xml_bad why, size_t off,
                   struct xc_pos pos, const char *what)
{
    xc_error(w->d, pos, "unsafe-value",
             "%s contains %s (byte %zu of the value); domain XML cannot hold it",
             what ? what : "a value", xc_xml_bad_reason(why), off + 1);
    w->failed = true;
}

void xw_value_text(struct xw *w, const char *s, struct xc_pos pos, const char *what)
{
    size_t off = 0;
    enum xc_xml_bad why = xc_xml_escape_text(w->out, s, &off);
    if (why != XC_XML_OK)
        refuse(w, why, off, pos, what);
}

void xw_value_attr(struct xw *w, const char *s, struct xc_pos pos, const char *what)
{
    size_t off = 0;
    enum xc_xml_bad why = xc_xml_escape_attr(w->out, s, &off);
    if (why != XC_XML_OK)
        refuse(w, why, off, pos, what);
}

/* The attribute and element helpers append their pieces directly: they
 * run for every attribute written, and a printf format per piece was a
 * fifth of the writer's time. */
static void attr_open(struct xw *w, const char *name)
{
    xc_buf_addc(w->out, ' ');
    xc_buf_add(w->out, name);
    xc_buf_add_len(w->out, "='", 2);
}

void xw_attr(struct xw *w, const char *name, const struct xc_str *v)
{
    if (!v->s)
        return;
    attr_open(w, name);
    xw_value_attr(w, v->s, v->pos, name);
    xc_buf_addc(w->out, '\'');
}

void xw_attr_s(struct xw *w, const char *name, const char *s)
{
    attr_open(w, name);
    xw_value_attr(w, s ? s : "", xc_nopos, name);
    xc_buf_addc(w->out, '\'');
}

void xw_attr_u(struct xw *w, const char *name, unsigned long long v)
{
    char tmp[24];
    size_t n = sizeof(tmp);
    do
        tmp[--n] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    attr_open(w, name);
    xc_buf_add_len(w->out, tmp + n, sizeof(tmp) - n);
    xc_buf_addc(w->out, '\'');
}

void xw_text_elem(struct xw *w, const char *name, const struct xc_str *v)
{
    if (!v->s)
        return;
    xw_indent(w);
    xc_buf_addc(w->out, '<');
    xc_buf_add(w->out, name);
    xc_buf_addc(w->out, '>');
    xw_value_text(w, v->s, v->pos, name);
    xc_buf_add_len(w->out, "</", 2);
    xc_buf_add(w->out, name);
    xc_buf_add_len(w->out, ">\n", 2);
}

bool xw_streq(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

void xw_lost(struct xw *w, struct xc_pos pos, const char *what)
{
    xc_warn(w->d, pos, "not-carried",
            "%s is not carried to domain XML", what);
}

/* ---- cpusets -------------------------------------------------------- */

/* libvirt's domain cpu masks hold VIR_DOMAIN_CPUMASK_LEN bits. */
enum { CPUMASK_LEN = 4096 };

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Parse a decimal number below CPUMASK_LEN; *p advances past it. */
static bool parse_cpu(const char **p, unsigned *out)
{
    const char *s = *p;
    unsigned v = 0;
    if (!is_digit(*s))
        return false;
    while (is_digit(*s)) {
        v = v * 10 + (unsigned)(*s - '0');
        if (v >= CPUMASK_LEN)
            return false;
        s++;
    }
    *p = s;
    *out = v;
    return true;
}

/* virBitmapParse semantics: "N", "N-M" and "^N" items separated by
 * commas, blanks allowed around items. */
static bool parse_cpuset(const char *s, unsigned char *bits)
{
    memset(bits, 0, CPUMASK_LEN / 8);
    while (is_space(*s))
        s++;
    if (!*s)
        return false;
    while (*s) {
        bool neg = false;
        unsigned start, last;
        if (*s == '^') {
            s++;
            neg = true;
        }
        if (!parse_cpu(&s, &start))
            return false;
        while (is_space(*s))
            s++;
        if (*s == ',' || *s == '\0') {
            if (neg)
                bits[start / 8] &= (unsigned char)~(1u << (start % 8));
            else
                bits[start / 8] |= (unsigned char)(1u << (start % 8));
        } else if (*s == '-') {
            if (neg)
                return false;
            s++;
            while (is_space(*s))
                s++;
            if (*s == '+')
                s++;
            if (!parse_cpu(&s, &last) || last < start)
                return false;
            for (unsigned i = start; i <= last; i++)
                bits[i / 8] |= (unsigned char)(1u << (i % 8));
            while (is_space(*s))
                s++;
        }
        if (*s == ',') {
            s++;
            while (is_space(*s))
                s++;
        } else if (*s != '\0') {
            return false;
        }
    }
    return true;
}

static bool bit(const unsigned char *bits, unsigned i)
{
    return bits[i / 8] & (1u << (i % 8));
}

static void format_cpuset(struct xw *w, const unsigned char *bits)
{
    bool first = true;
    unsigned i = 0;
    while (i < CPUMASK_LEN) {
        if (!bit(bits, i)) {
            i++;
            continue;
        }
        unsigned start = i;
        while (i + 1 < CPUMASK_LEN && bit(bits, i + 1))
            i++;
        xw_lit(w, first ? "" : ",");
        first = false;
        if (start == i)
            xw_fmt(w, "%u", start);
        else
            xw_fmt(w, "%u-%u", start, i);
        i++;
    }
}

static bool all_set(const unsigned char *bits)
{
    for (unsigned i = 0; i < CPUMASK_LEN / 8; i++)
        if (bits[i] != 0xFF)
            return false;
    return true;
}

void xw_cpuset_attr(struct xw *w, const char *name, const struct xc_str *v)
{
    unsigned char bits[CPUMASK_LEN / 8];
    if (!v->s)
        return;
    if (!parse_cpuset(v->s, bits)) {
        xw_attr(w, name, v);
        return;
    }
    xw_fmt(w, " %s='", name);
    format_cpuset(w, bits);
    xw_lit(w, "'");
}

/* ---- top-level parts ------------------------------------------------ */

static const char *enum_or(enum xc_enum_table t, int v, const char *dflt)
{
    const char *s = xc_enum_name(t, v);
    return *s ? s : dflt;
}

static void write_vcpu(struct xw *w, const struct xc_domain *dom)
{
    xw_line(w, "<vcpu placement='");
    xw_value_attr(w, dom->placement.s ? dom->placement.s : "static",
                  dom->placement.pos, "vcpu placement");
    xw_lit(w, "'");
    if (dom->cpuset.s) {
        unsigned char bits[CPUMASK_LEN / 8];
        if (!parse_cpuset(dom->cpuset.s, bits))
            xw_attr(w, "cpuset", &dom->cpuset);
        else if (!all_set(bits)) {
            xw_lit(w, " cpuset='");
            format_cpuset(w, bits);
            xw_lit(w, "'");
        }
    }
    unsigned max = dom->has_vcpus ? dom->maxvcpus : 0;
    if (dom->has_current_vcpus && dom->current_vcpus != max)
        xw_attr_u(w, "current", dom->current_vcpus);
    xw_fmt(w, ">%u</vcpu>\n", max);
}

static void write_os(struct xw *w, const struct xc_domain *dom)
{
    const struct xc_os *os = &dom->os;

    if (os->bootloader.s) {
        xw_text_elem(w, "bootloader", &os->bootloader);
        xw_text_elem(w, "bootloader_args", &os->bootloader_args);
    }

    xw_line(w, "<os>\n");
    w->depth++;
    xw_line(w, "<type");
    xw_attr(w, "arch", &os->arch);
    xw_attr(w, "machine", &os->machine);
    /* libvirt prints the Xen PV type as the historical "linux". */
    bool xen = !dom->virt_type.s || xw_streq(dom->virt_type.s, "xen");
    const char *type = os->type == XC_OS_XEN && xen ? "linux" : enum_or(XC_T_OS_TYPE, os->type, "hvm");
    xw_fmt(w, ">%s</type>\n", type);

    if (os->loader.s || os->loader_readonly || os->loader_type) {
        xw_line(w, "<loader");
        if (os->loader_readonly)
            xw_attr_s(w, "readonly", xc_enum_name(XC_T_TRISTATE_BOOL, os->loader_readonly));
        if (os->loader_type)
            xw_attr_s(w, "type", xc_enum_name(XC_T_LOADER_TYPE, os->loader_type));
        if (os->loader.s) {
            xw_lit(w, ">");
            xw_value_text(w, os->loader.s, os->loader.pos, "loader");
            xw_lit(w, "</loader>\n");
        } else {
            xw_lit(w, "/>\n");
        }
    }
    xw_text_elem(w, "nvram", &os->nvram);
    xw_text_elem(w, "kernel", &os->kernel);
    xw_text_elem(w, "initrd", &os->initrd);
    xw_text_elem(w, "cmdline", &os->cmdline);
    xw_text_elem(w, "dtb", &os->dtb);
    xw_text_elem(w, "root", &os->root);
    if (os->slic_table.s) {
        xw_line(w, "<acpi>\n");
        w->depth++;
        xw_line(w, "<table type='slic'>");
        xw_value_text(w, os->slic_table.s, os->slic_table.pos, "acpi table");
        xw_lit(w, "</table>\n");
        w->depth--;
        xw_line(w, "</acpi>\n");
    }
    if (!os->bootloader.s) {
        unsigned n = os->nboot <= XC_MAX_BOOT_DEVS ? os->nboot : XC_MAX_BOOT_DEVS;
        for (unsigned i = 0; i < n; i++) {
            xw_line(w, "<boot dev='");
            xw_lit(w, enum_or(XC_T_BOOT_DEV, os->boot[i], "fd"));
            xw_lit(w, "'/>\n");
        }
        if (os->bootmenu) {
            xw_line(w, "<bootmenu");
            xw_attr_s(w, "enable", xc_enum_name(XC_T_TRISTATE_BOOL, os->bootmenu));
            xw_lit(w, "/>\n");
        }
    }
    w->depth--;
    xw_line(w, "</os>\n");
}

static const char *on_off(enum xc_tristate t)
{
    return xc_enum_name(XC_T_TRISTATE_SWITCH, t);
}

static void write_features(struct xw *w, const struct xc_features *f)
{
    /* acpi, pae and viridian are written only when on, apic likewise; hap
     * and pvspinlock as state='on|off'.  An hpt feature with no resizing
     * and no page size prints nothing in libvirt either. */
    bool xen = f->xen_e820_host || f->xen_passthrough;
    bool any = f->f[XC_FEAT_ACPI] == XC_TRI_YES || f->f[XC_FEAT_APIC] == XC_TRI_YES ||
               f->f[XC_FEAT_PAE] == XC_TRI_YES || f->f[XC_FEAT_HAP] ||
               f->f[XC_FEAT_VIRIDIAN] == XC_TRI_YES || f->f[XC_FEAT_PVSPINLOCK] || xen;
    if (!any)
        return;

    xw_line(w, "<features>\n");
    w->depth++;
    if (f->f[XC_FEAT_ACPI] == XC_TRI_YES)
        xw_line(w, "<acpi/>\n");
    if (f->f[XC_FEAT_APIC] == XC_TRI_YES)
        xw_line(w, "<apic/>\n");
    if (f->f[XC_FEAT_PAE] == XC_TRI_YES)
        xw_line(w, "<pae/>\n");
    if (f->f[XC_FEAT_HAP]) {
        xw_line(w, "<hap");
        xw_attr_s(w, "state", on_off(f->f[XC_FEAT_HAP]));
        xw_lit(w, "/>\n");
    }
    if (f->f[XC_FEAT_VIRIDIAN] == XC_TRI_YES)
        xw_line(w, "<viridian/>\n");
    if (f->f[XC_FEAT_PVSPINLOCK]) {
        xw_line(w, "<pvspinlock");
        xw_attr_s(w, "state", on_off(f->f[XC_FEAT_PVSPINLOCK]));
        xw_lit(w, "/>\n");
    }
    if (xen) {
        xw_line(w, "<xen>\n");
        w->depth++;
        if (f->xen_e820_host) {
            xw_line(w, "<e820_host");
            xw_attr_s(w, "state", on_off(f->xen_e820_host));
            xw_lit(w, "/>\n");
        }
        if (f->xen_passthrough) {
            xw_line(w, "<passthrough");
            xw_attr_s(w, "state", on_off(f->xen_passthrough));
            if (f->xen_passthrough == XC_TRI_YES && f->xen_passthrough_mode)
                xw_attr_s(w, "mode", xc_enum_name(XC_T_PASSTHROUGH_MODE, f->xen_passthrough_mode));
            xw_lit(w, "/>\n");
        }
        w->depth--;
        xw_line(w, "</xen>\n");
    }
    w->depth--;
    xw_line(w, "</features>\n");
}

/* <distances>: libvirt keeps one slot per sibling id, so it prints them
 * by id, the last value given for an id winning, zero values skipped. */
static void write_distances(struct xw *w, const struct xc_numa_cell *c)
{
    size_t n = c->distances.n;
    const struct xc_numa_distance *v = c->distances.v;
    bool sorted = true;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && v[i].id <= v[i - 1].id)
            sorted = false;
        if (v[i].value)
            any = true;
    }
    if (!any)
        return;

    const struct xc_numa_distance **order = NULL;
    size_t m = 0;
    if (!sorted) {
        /* Stable insertion by id would be quadratic for a hostile input;
         * use a merge sort over pointers instead. */
        order = xc_calloc(n ? n : 1, sizeof(*order));
        const struct xc_numa_distance **tmp = xc_calloc(n ? n : 1, sizeof(*tmp));
        for (size_t i = 0; i < n; i++)
            order[i] = &v[i];
        for (size_t width = 1; width < n; width *= 2) {
            for (size_t lo = 0; lo < n; lo += 2 * width) {
                size_t mid = lo + width < n ? lo + width : n;
                size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
                size_t a = lo, b = mid, k = lo;
                while (a < mid && b < hi)
                    tmp[k++] = order[b]->id < order[a]->id ? order[b++] : order[a++];
                while (a < mid)
                    tmp[k++] = order[a++];
                while (b < hi)
                    tmp[k++] = order[b++];
            }
            memcpy(order, tmp, n * sizeof(*order));
        }
        free(tmp);
        /* keep the last entry of each id */
        for (size_t i = 0; i < n; i++) {
            if (i + 1 < n && order[i + 1]->id == order[i]->id)
                continue;
            order[m++] = order[i];
        }
    }

    size_t count = sorted ? n : m;
    bool printed = false;
    for (size_t i = 0; i < count; i++) {
        const struct xc_numa_distance *d = sorted ? &v[i] : order[i];
        if (!d->value)
            continue;
        if (!printed) {
            xw_line(w, "<distances>\n");
            w->depth++;
            printed = true;
        }
        xw_indent(w);
        xw_fmt(w, "<sibling id='%u' value='%u'/>\n", d->id, d->value);
    }
    if (printed) {
        w->depth--;
        xw_line(w, "</distances>\n");
    }
    free(order);
}

static bool distances_nonzero(const struct xc_numa_cell *c)
{
    for (size_t i = 0; i < c->distances.n; i++)
        if (c->distances.v[i].value)
            return true;
    return false;
}

static void write_cpu(struct xw *w, const struct xc_cpu *cpu)
{
    const char *mode = cpu->mode.s ? cpu->mode.s : "custom";
    bool custom = xw_streq(mode, "custom");
    bool attrs = !custom || cpu->model.s;
    bool format_model = custom || xw_streq(mode, "host-model");
    bool children = (format_model && cpu->model.s) || cpu->features.n || cpu->cells.n;

    if (!attrs && !children)
        return;

    xw_line(w, "<cpu");
    if (attrs) {
        xw_lit(w, " mode='");
        xw_value_attr(w, mode, cpu->mode.pos, "cpu mode");
        xw_lit(w, "'");
        if (custom) {
            xw_lit(w, " match='");
            xw_value_attr(w, cpu->match.s ? cpu->match.s : "exact", cpu->match.pos, "cpu match");
            xw_lit(w, "'");
        }
        if (cpu->check.s && !xw_streq(cpu->check.s, "default"))
            xw_attr(w, "check", &cpu->check);
        if (xw_streq(mode, "host-passthrough") || xw_streq(mode, "maximum"))
            xw_attr(w, "migratable", &cpu->migratable);
    }
    if (!children) {
        xw_lit(w, "/>\n");
        return;
    }
    xw_lit(w, ">\n");
    w->depth++;
    if (format_model && cpu->model.s) {
        xw_line(w, "<model fallback='allow'>");
        xw_value_text(w, cpu->model.s, cpu->model.pos, "cpu model");
        xw_lit(w, "</model>\n");
    }
    for (size_t i = 0; i < cpu->features.n; i++) {
        const struct xc_cpu_feature *f = &cpu->features.v[i];
        xw_line(w, "<feature policy='");
        xw_value_attr(w, f->policy.s ? f->policy.s : "force", f->policy.pos, "cpu feature policy");
        xw_lit(w, "' name='");
        xw_value_attr(w, f->name.s ? f->name.s : "", f->name.pos, "cpu feature name");
        xw_lit(w, "'/>\n");
    }
    if (cpu->cells.n) {
        xw_line(w, "<numa>\n");
        w->depth++;
        for (size_t i = 0; i < cpu->cells.n; i++) {
            const struct xc_numa_cell *c = &cpu->cells.v[i];
            /* libvirt numbers cells by position */
            xw_indent(w);
            xw_fmt(w, "<cell id='%zu'", i);
            xw_cpuset_attr(w, "cpus", &c->cpus);
            xw_fmt(w, " memory='%llu' unit='KiB'", (unsigned long long)c->memory_kib);
            if (!distances_nonzero(c)) {
                xw_lit(w, "/>\n");
                continue;
            }
            xw_lit(w, ">\n");
            w->depth++;
            write_distances(w, c);
            w->depth--;
            xw_line(w, "</cell>\n");
        }
        w->depth--;
        xw_line(w, "</numa>\n");
    }
    w->depth--;
    xw_line(w, "</cpu>\n");
}

static void write_timer(struct xw *w, const struct xc_timer *t)
{
    xw_line(w, "<timer");
    xw_lit(w, " name='");
    xw_value_attr(w, t->name.s ? t->name.s : "platform", t->name.pos, "timer name");
    xw_lit(w, "'");
    if (t->present)
        xw_attr_s(w, "present", xc_enum_name(XC_T_TRISTATE_BOOL, t->present));
    if (t->tickpolicy.s && !xw_streq(t->tickpolicy.s, "none"))
        xw_attr(w, "tickpolicy", &t->tickpolicy);
    if (t->track.s && !xw_streq(t->track.s, "none"))
        xw_attr(w, "track", &t->track);
    if (xw_streq(t->name.s, "tsc")) {
        if (t->has_frequency && t->frequency > 0)
            xw_attr_u(w, "frequency", t->frequency);
        if (t->mode.s && !xw_streq(t->mode.s, "none"))
            xw_attr(w, "mode", &t->mode);
    } else if (t->has_frequency || (t->mode.s && !xw_streq(t->mode.s, "none"))) {
        xw_lost(w, t->name.pos, "a frequency or mode on a timer other than tsc");
    }
    xw_lit(w, "/>\n");
}

static void write_clock(struct xw *w, const struct xc_clock *c)
{
    xw_line(w, "<clock offset='");
    xw_lit(w, enum_or(XC_T_CLOCK_OFFSET, c->offset, "utc"));
    xw_lit(w, "'");
    switch (c->offset) {
    case XC_CLOCK_NONE:
    case XC_CLOCK_UTC:
    case XC_CLOCK_LOCALTIME:
        if (c->utc_reset)
            xw_lit(w, " adjustment='reset'");
        break;
    case XC_CLOCK_VARIABLE:
        xw_fmt(w, " adjustment='%lld' basis='%s'", c->has_adjustment ? c->adjustment : 0,
               enum_or(XC_T_CLOCK_BASIS, c->basis, "utc"));
        break;
    case XC_CLOCK_TIMEZONE:
        xw_attr(w, "timezone", &c->timezone);
        break;
    }
    if (!c->timers.n) {
        xw_lit(w, "/>\n");
        return;
    }
    xw_lit(w, ">\n");
    w->depth++;
    for (size_t i = 0; i < c->timers.n; i++)
        write_timer(w, &c->timers.v[i]);
    w->depth--;
    xw_line(w, "</clock>\n");
}

static void write_lifecycle(struct xw *w, const char *name, enum xc_lifecycle a)
{
    xw_indent(w);
    xw_fmt(w, "<%s>%s</%s>\n", name, enum_or(XC_T_LIFECYCLE, a, "destroy"), name);
}

static void write_xen_namespace(struct xw *w, const struct xc_domain *dom)
{
    if (!dom->dm_args.n)
        return;
    xw_line(w, "<xen:commandline>\n");
    w->depth++;
    for (size_t i = 0; i < dom->dm_args.n; i++) {
        const struct xc_str *a = &dom->dm_args.v[i];
        xw_line(w, "<xen:arg value='");
        xw_value_attr(w, a->s ? a->s : "", a->pos, "device model argument");
        xw_lit(w, "'/>\n");
    }
    w->depth--;
    xw_line(w, "</xen:commandline>\n");
}

int xc_xml_write(const struct xc_domain *dom, const struct xc_settings *set,
                 struct xc_buf *out, struct xc_diags *d)
{
    (void)set;
    struct xw w = {
        .out = out,
        .d = d,
        .dom = dom,
        .depth = 0,
        .active = dom->has_id && dom->id != -1,
        .failed = false,
    };
    size_t start = xc_buf_mark(out);

    xw_lit(&w, "<domain type='");
    xw_value_attr(&w, dom->virt_type.s ? dom->virt_type.s : "xen", dom->virt_type.pos,
                  "domain type");
    xw_lit(&w, "'");
    if (w.active)
        xw_fmt(&w, " id='%d'", dom->id);
    if (dom->dm_args.n)
        xw_lit(&w, " xmlns:xen='http://libvirt.org/schemas/domain/xen/1.0'");
    xw_lit(&w, ">\n");
    w.depth++;

    xw_text_elem(&w, "name", &dom->name);
    {
        static const unsigned char zero[16];
        char uuid[37];
        xc_uuid_format(dom->has_uuid ? dom->uuid : zero, uuid);
        xw_indent(&w);
        xw_fmt(&w, "<uuid>%s</uuid>\n", uuid);
    }
    xw_text_elem(&w, "title", &dom->title);
    xw_text_elem(&w, "description", &dom->description);

    uint64_t mem = dom->has_memory ? dom->memory_kib : 0;
    /* libvirt's post-parse makes an unset balloon equal to the maximum. */
    uint64_t cur = dom->has_current_memory ? dom->current_memory_kib : mem;
    xw_indent(&w);
    xw_fmt(&w, "<memory unit='KiB'>%llu</memory>\n", (unsigned long long)mem);
    xw_indent(&w);
    xw_fmt(&w, "<currentMemory unit='KiB'>%llu</currentMemory>\n", (unsigned long long)cur);

    write_vcpu(&w, dom);
    if (dom->has_shares) {
        xw_line(&w, "<cputune>\n");
        w.depth++;
        xw_indent(&w);
        xw_fmt(&w, "<shares>%llu</shares>\n", (unsigned long long)dom->shares);
        w.depth--;
        xw_line(&w, "</cputune>\n");
    }

    write_os(&w, dom);
    write_features(&w, &dom->features);
    write_cpu(&w, &dom->cpu);
    write_clock(&w, &dom->clock);
    write_lifecycle(&w, "on_poweroff", dom->on_poweroff);
    write_lifecycle(&w, "on_reboot", dom->on_reboot);
    write_lifecycle(&w, "on_crash", dom->on_crash);

    xw_devices(&w);

    write_xen_namespace(&w, dom);
    w.depth--;
    xw_lit(&w, "</domain>\n");

    if (w.failed) {
        /* Never hand out a document that holds a refused value. */
        xc_buf_truncate(out, start);
        return -1;
    }
    return 0;
}
