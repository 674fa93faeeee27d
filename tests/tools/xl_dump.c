/* xl_dump FILE: read an xl.cfg with the xen-xl reader (no post-parse
 * defaults) and print the model, one fact per line, for inspection. */
#include <stdio.h>
#include <stdlib.h>

#include "common/diag.h"
#include "common/model.h"
#include "common/settings.h"
#include "common/source.h"
#include "formats/xl/xl.h"

static const char *S(const struct xc_str *s)
{
    return s->s ? s->s : "-";
}

static const char *T(int v)
{
    return xc_enum_name(XC_T_TRISTATE_BOOL, v)[0] ? xc_enum_name(XC_T_TRISTATE_BOOL, v) : "-";
}

static void dump_chr(const char *what, const struct xc_chr *c)
{
    printf("%s type=%s path=%s host=%s service=%s listen=%d bind=%s:%s proto=%s port=%s%u ttype=%s tname=%s\n",
           what, xc_enum_name(XC_T_CHR_TYPE, c->type), S(&c->path), S(&c->host),
           S(&c->service), c->listen, S(&c->bind_host), S(&c->bind_service),
           xc_enum_name(XC_T_CHR_TCP_PROTOCOL, c->protocol),
           c->has_target_port ? "" : "-", c->target_port, S(&c->target_type),
           S(&c->target_name));
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: xl_dump FILE\n");
        return 2;
    }
    struct xc_diags d = {0};
    struct xc_source src;
    struct xc_settings set;
    struct xc_domain dom;
    xc_settings_init(&set);
    xc_domain_init(&dom);
    if (xc_source_load(&src, argv[1], &d) < 0) {
        xc_diags_print(&d, stderr);
        return 1;
    }
    int rc = xc_xl_read(&src, &set, &dom, &d);
    xc_diags_print(&d, stderr);
    if (rc < 0) {
        xc_domain_free(&dom);
        xc_source_free(&src);
        xc_settings_free(&set);
        xc_diags_free(&d);
        return 1;
    }

    char uuid[37];
    xc_uuid_format(dom.uuid, uuid);
    printf("virt_type=%s name=%s uuid=%s\n", S(&dom.virt_type), S(&dom.name), uuid);
    printf("memory=%llu current=%llu\n", (unsigned long long)dom.memory_kib,
           (unsigned long long)dom.current_memory_kib);
    printf("vcpus max=%u current=%s%u cpuset=%s\n", dom.maxvcpus,
           dom.has_current_vcpus ? "" : "-", dom.current_vcpus, S(&dom.cpuset));
    printf("os type=%s arch=%s machine=%s loader=%s(%s,ro=%s) kernel=%s initrd=%s cmdline=%s\n",
           xc_enum_name(XC_T_OS_TYPE, dom.os.type), S(&dom.os.arch), S(&dom.os.machine),
           S(&dom.os.loader), xc_enum_name(XC_T_LOADER_TYPE, dom.os.loader_type),
           T(dom.os.loader_readonly), S(&dom.os.kernel), S(&dom.os.initrd),
           S(&dom.os.cmdline));
    printf("os bootloader=%s args=%s slic=%s boot=", S(&dom.os.bootloader),
           S(&dom.os.bootloader_args), S(&dom.os.slic_table));
    for (unsigned i = 0; i < dom.os.nboot; i++)
        printf("%s%s", i ? "," : "", xc_enum_name(XC_T_BOOT_DEV, dom.os.boot[i]));
    printf("\nfeatures acpi=%s apic=%s pae=%s hap=%s viridian=%s e820=%s passthrough=%s/%s\n",
           T(dom.features.f[XC_FEAT_ACPI]), T(dom.features.f[XC_FEAT_APIC]),
           T(dom.features.f[XC_FEAT_PAE]), T(dom.features.f[XC_FEAT_HAP]),
           T(dom.features.f[XC_FEAT_VIRIDIAN]), T(dom.features.xen_e820_host),
           T(dom.features.xen_passthrough),
           xc_enum_name(XC_T_PASSTHROUGH_MODE, dom.features.xen_passthrough_mode));
    if (dom.cpu.present) {
        printf("cpu mode=%s\n", S(&dom.cpu.mode));
        for (size_t i = 0; i < dom.cpu.features.n; i++)
            printf("cpu feature %s=%s\n", S(&dom.cpu.features.v[i].name),
                   S(&dom.cpu.features.v[i].policy));
        for (size_t i = 0; i < dom.cpu.cells.n; i++) {
            const struct xc_numa_cell *c = &dom.cpu.cells.v[i];
            printf("numa cell %u cpus=%s mem=%llu dist=", c->id, S(&c->cpus),
                   (unsigned long long)c->memory_kib);
            for (size_t j = 0; j < c->distances.n; j++)
                printf("%s%u:%u", j ? "," : "", c->distances.v[j].id, c->distances.v[j].value);
            printf("\n");
        }
    }
    printf("clock offset=%s adj=%s%lld basis=%s reset=%d\n",
           xc_enum_name(XC_T_CLOCK_OFFSET, dom.clock.offset),
           dom.clock.has_adjustment ? "" : "-", dom.clock.adjustment,
           xc_enum_name(XC_T_CLOCK_BASIS, dom.clock.basis), dom.clock.utc_reset);
    for (size_t i = 0; i < dom.clock.timers.n; i++)
        printf("timer %s present=%s mode=%s\n", S(&dom.clock.timers.v[i].name),
               T(dom.clock.timers.v[i].present), S(&dom.clock.timers.v[i].mode));
    printf("lifecycle %s %s %s emulator=%s\n",
           xc_enum_name(XC_T_LIFECYCLE, dom.on_poweroff),
           xc_enum_name(XC_T_LIFECYCLE, dom.on_reboot),
           xc_enum_name(XC_T_LIFECYCLE, dom.on_crash), S(&dom.emulator));
    for (size_t i = 0; i < dom.disks.n; i++) {
        const struct xc_disk *k = &dom.disks.v[i];
        const struct xc_disk_rare *kn = xc_disk_rare_ro(k);
        printf("disk type=%s device=%s driver=%s/%s source=%s proto=%s name=%s target=%s bus=%s ro=%d removable=%s script=%s snap=%s conf=%s auth=%s/%s\n",
               xc_enum_name(XC_T_DISK_TYPE, k->type), xc_enum_name(XC_T_DISK_DEVICE, k->device),
               S(&k->driver_name), S(&k->driver_type), S(&k->source), S(&kn->protocol),
               S(&kn->source_name), S(&k->target), xc_enum_name(XC_T_DISK_BUS, k->bus),
               k->readonly, T(k->removable), S(&kn->script), S(&kn->snapshot),
               S(&kn->config_file), S(&kn->auth_user), S(&kn->secret_type));
        for (size_t j = 0; j < kn->hosts.n; j++)
            printf("  host %s port=%s\n", S(&kn->hosts.v[j].name), S(&kn->hosts.v[j].port));
    }
    for (size_t i = 0; i < dom.controllers.n; i++) {
        const struct xc_controller *c = &dom.controllers.v[i];
        printf("controller %s index=%u%s model=%s ports=%s%u grant=%s%u evtchn=%s%u\n",
               xc_enum_name(XC_T_CONTROLLER_TYPE, c->type), c->index,
               c->auto_index ? "(auto)" : "", S(&c->model), c->has_ports ? "" : "-",
               c->ports, c->has_max_grant_frames ? "" : "-", c->max_grant_frames,
               c->has_max_event_channels ? "" : "-", c->max_event_channels);
    }
    for (size_t i = 0; i < dom.nets.n; i++) {
        const struct xc_net *n = &dom.nets.v[i];
        printf("net type=%s mac=%s bridge=%s script=%s model=%s ifname=%s vport=%s trunk=%d tags=",
               xc_enum_name(XC_T_NET_TYPE, n->type), S(&n->mac), S(&n->bridge),
               S(&n->script), S(&n->model), S(&n->ifname), S(&n->virtualport_type),
               n->vlan_trunk);
        for (size_t j = 0; j < n->vlan_tags.n; j++)
            printf("%s%u", j ? "," : "", n->vlan_tags.v[j].id);
        printf(" rate=%s%llu ips=", n->has_out_average ? "" : "-",
               (unsigned long long)n->out_average);
        for (size_t j = 0; j < n->ips.n; j++)
            printf("%s%s(%s)", j ? "," : "", S(&n->ips.v[j].address), S(&n->ips.v[j].family));
        printf("\n");
    }
    for (size_t i = 0; i < dom.inputs.n; i++)
        printf("input %s bus=%s\n", xc_enum_name(XC_T_INPUT_TYPE, dom.inputs.v[i].type),
               xc_enum_name(XC_T_INPUT_BUS, dom.inputs.v[i].bus));
    for (size_t i = 0; i < dom.graphics.n; i++) {
        const struct xc_graphics *g = &dom.graphics.v[i];
        printf("graphics %s port=%s%d tls=%s%d autoport=%s listen=%s%s passwd=%s keymap=%s mouse=%s copypaste=%s display=%s xauth=%s\n",
               xc_enum_name(XC_T_GRAPHICS_TYPE, g->type), g->has_port ? "" : "-", g->port,
               g->has_tls_port ? "" : "-", g->tls_port, T(g->autoport),
               g->has_listen ? "" : "(none)", S(&g->listen), S(&g->passwd), S(&g->keymap),
               S(&g->mouse_mode), T(g->copypaste), S(&g->display), S(&g->xauth));
    }
    for (size_t i = 0; i < dom.sounds.n; i++)
        printf("sound %s\n", S(&dom.sounds.v[i].model));
    for (size_t i = 0; i < dom.hostdevs.n; i++) {
        const struct xc_hostdev *h = &dom.hostdevs.v[i];
        if (h->type == XC_HOSTDEV_PCI)
            printf("hostdev pci %04x:%02x:%02x.%x managed=%s filter=%s\n",
                   h->pci.domain, h->pci.bus, h->pci.slot, h->pci.function,
                   T(h->managed), T(h->write_filtering));
        else
            printf("hostdev usb bus=%u device=%u managed=%s\n", h->usb_bus,
                   h->usb_device, T(h->managed));
    }
    for (size_t i = 0; i < dom.serials.n; i++)
        dump_chr("serial", &dom.serials.v[i]);
    for (size_t i = 0; i < dom.parallels.n; i++)
        dump_chr("parallel", &dom.parallels.v[i]);
    for (size_t i = 0; i < dom.consoles.n; i++)
        dump_chr("console", &dom.consoles.v[i]);
    for (size_t i = 0; i < dom.channels.n; i++)
        dump_chr("channel", &dom.channels.v[i]);
    for (size_t i = 0; i < dom.dm_args.n; i++)
        printf("dm_arg %s\n", S(&dom.dm_args.v[i]));
    for (size_t i = 0; i < dom.leftovers.n; i++)
        printf("leftover %s = %s\n", S(&dom.leftovers.v[i].key), S(&dom.leftovers.v[i].value));

    xc_domain_free(&dom);
    xc_source_free(&src);
    xc_settings_free(&set);
    xc_diags_free(&d);
    return 0;
}
