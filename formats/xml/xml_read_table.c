/* The domain XML reader's dispatch table: which elements the model holds,
 * under which parent, and the handlers that read them.  An element not
 * listed here is reported as unmodeled and its subtree skipped.  "*"
 * matches any name not listed explicitly under the same parent. */
#include <string.h>

#include "xml_read_priv.h"

#define XEN_NS "http://libvirt.org/schemas/domain/xen/1.0 "

#define T XR_F_TEXT
#define O XR_F_ONCE

const struct xr_elem xr_elems[] = {
    {XR_ROOT, "domain", XR_DOMAIN, 0, xr_domain_start, xr_domain_end},

    {XR_DOMAIN, "name", XR_NAME, T | O, NULL, xr_text_name},
    {XR_DOMAIN, "uuid", XR_UUID, T | O, NULL, xr_text_uuid},
    {XR_DOMAIN, "title", XR_TITLE, T | O, NULL, xr_text_title},
    {XR_DOMAIN, "description", XR_DESCRIPTION, T | O, NULL, xr_text_description},
    {XR_DOMAIN, "memory", XR_MEMORY, T | O, xr_memory_start, xr_memory_end},
    {XR_DOMAIN, "currentMemory", XR_CURRENT_MEMORY, T | O, xr_memory_start, xr_memory_end},
    {XR_DOMAIN, "vcpu", XR_VCPU, T | O, xr_vcpu_start, xr_vcpu_end},
    {XR_DOMAIN, "cputune", XR_CPUTUNE, O, NULL, NULL},
    {XR_CPUTUNE, "shares", XR_CPUTUNE_SHARES, T | O, NULL, xr_shares_end},
    {XR_DOMAIN, "bootloader", XR_BOOTLOADER, T | O, NULL, xr_text_bootloader},
    {XR_DOMAIN, "bootloader_args", XR_BOOTLOADER_ARGS, T | O, NULL, xr_text_bootloader_args},
    {XR_DOMAIN, "on_poweroff", XR_ON_POWEROFF, T | O, NULL, xr_lifecycle_end},
    {XR_DOMAIN, "on_reboot", XR_ON_REBOOT, T | O, NULL, xr_lifecycle_end},
    {XR_DOMAIN, "on_crash", XR_ON_CRASH, T | O, NULL, xr_lifecycle_end},

    {XR_DOMAIN, "os", XR_OS, O, NULL, NULL},
    {XR_OS, "type", XR_OS_TYPE, T | O, xr_os_type_start, xr_os_type_end},
    {XR_OS, "loader", XR_OS_LOADER, T | O, xr_loader_start, xr_loader_end},
    {XR_OS, "nvram", XR_OS_NVRAM, T | O, NULL, xr_os_text_end},
    {XR_OS, "kernel", XR_OS_KERNEL, T | O, NULL, xr_os_text_end},
    {XR_OS, "initrd", XR_OS_INITRD, T | O, NULL, xr_os_text_end},
    {XR_OS, "cmdline", XR_OS_CMDLINE, T | O, NULL, xr_os_text_end},
    {XR_OS, "root", XR_OS_ROOT, T | O, NULL, xr_os_text_end},
    {XR_OS, "dtb", XR_OS_DTB, T | O, NULL, xr_os_text_end},
    {XR_OS, "boot", XR_OS_BOOT, 0, xr_boot_start, NULL},
    {XR_OS, "bootmenu", XR_OS_BOOTMENU, O, xr_bootmenu_start, NULL},
    {XR_OS, "acpi", XR_OS_ACPI, O, NULL, NULL},
    {XR_OS_ACPI, "table", XR_OS_ACPI_TABLE, T, xr_acpi_table_start, xr_acpi_table_end},

    {XR_DOMAIN, "features", XR_FEATURES, O, NULL, NULL},
    {XR_FEATURES, "xen", XR_FEAT_XEN, 0, xr_feature_start, NULL},
    {XR_FEATURES, "*", XR_FEAT_SIMPLE, 0, xr_feature_start, NULL},
    {XR_FEAT_XEN, "e820_host", XR_FEAT_XEN_E820, 0, xr_feature_xen_child_start, NULL},
    {XR_FEAT_XEN, "passthrough", XR_FEAT_XEN_PASSTHROUGH, 0, xr_feature_xen_child_start, NULL},
    {XR_FEAT_XEN, "*", XR_UNKNOWN, 0, xr_feature_xen_child_start, NULL},

    {XR_DOMAIN, "cpu", XR_CPU, O, xr_cpu_start, xr_cpu_end},
    {XR_CPU, "model", XR_CPU_MODEL, T | O, NULL, xr_cpu_model_end},
    {XR_CPU, "feature", XR_CPU_FEATURE, 0, xr_cpu_feature_start, NULL},
    {XR_CPU, "numa", XR_CPU_NUMA, O, xr_numa_start, xr_numa_end},
    {XR_CPU_NUMA, "cell", XR_NUMA_CELL, 0, xr_cell_start, xr_cell_end},
    {XR_NUMA_CELL, "distances", XR_NUMA_DISTANCES, O, xr_distances_start, NULL},
    {XR_NUMA_DISTANCES, "sibling", XR_NUMA_SIBLING, 0, xr_sibling_start, NULL},

    {XR_DOMAIN, "clock", XR_CLOCK, O, xr_clock_start, NULL},
    {XR_CLOCK, "timer", XR_TIMER, 0, xr_timer_start, NULL},

    {XR_DOMAIN, "devices", XR_DEVICES, 0, NULL, NULL},
    {XR_DEVICES, "emulator", XR_EMULATOR, T | O, NULL, xr_emulator_end},

    {XR_DEVICES, "disk", XR_DISK, 0, xr_disk_start, xr_disk_end},
    {XR_DISK, "driver", XR_DISK_DRIVER, O, xr_disk_driver_start, NULL},
    {XR_DISK, "source", XR_DISK_SOURCE, O, xr_disk_source_start, NULL},
    {XR_DISK_SOURCE, "host", XR_DISK_HOST, 0, xr_disk_host_start, NULL},
    {XR_DISK_SOURCE, "snapshot", XR_DISK_SNAPSHOT, O, xr_disk_source_child_start, NULL},
    {XR_DISK_SOURCE, "config", XR_DISK_CONFIG, O, xr_disk_source_child_start, NULL},
    {XR_DISK, "target", XR_DISK_TARGET, O, xr_disk_target_start, NULL},
    {XR_DISK, "readonly", XR_DISK_READONLY, O, xr_disk_flag_start, NULL},
    {XR_DISK, "shareable", XR_DISK_SHAREABLE, O, xr_disk_flag_start, NULL},
    {XR_DISK, "transient", XR_DISK_TRANSIENT, O, xr_disk_flag_start, NULL},
    {XR_DISK, "address", XR_DISK_ADDRESS, O, xr_disk_address_start, NULL},
    {XR_DISK, "auth", XR_DISK_AUTH, O, xr_disk_auth_start, NULL},
    {XR_DISK_AUTH, "secret", XR_DISK_SECRET, O, xr_disk_secret_start, NULL},

    {XR_DEVICES, "controller", XR_CONTROLLER, 0, xr_controller_start, xr_controller_end},

    {XR_DEVICES, "interface", XR_NET, 0, xr_net_start, xr_net_end},
    {XR_NET, "mac", XR_NET_MAC, O, xr_net_child_start, NULL},
    {XR_NET, "source", XR_NET_SOURCE, O, xr_net_child_start, NULL},
    {XR_NET_SOURCE, "address", XR_NET_SOURCE_ADDRESS, O, xr_net_source_address_start, NULL},
    {XR_NET, "script", XR_NET_SCRIPT, O, xr_net_child_start, NULL},
    {XR_NET, "model", XR_NET_MODEL, O, xr_net_child_start, NULL},
    {XR_NET, "target", XR_NET_TARGET, O, xr_net_child_start, NULL},
    {XR_NET, "driver", XR_NET_DRIVER, O, xr_net_child_start, NULL},
    {XR_NET, "ip", XR_NET_IP, 0, xr_net_child_start, NULL},
    {XR_NET, "bandwidth", XR_NET_BANDWIDTH, O, xr_net_child_start, NULL},
    {XR_NET_BANDWIDTH, "outbound", XR_NET_OUTBOUND, O, xr_net_child_start, NULL},
    {XR_NET, "virtualport", XR_NET_VIRTUALPORT, O, xr_net_child_start, NULL},
    {XR_NET, "vlan", XR_NET_VLAN, O, xr_net_child_start, NULL},
    {XR_NET_VLAN, "tag", XR_NET_VLAN_TAG, 0, xr_net_child_start, NULL},
    {XR_NET, "backenddomain", XR_NET_BACKENDDOMAIN, O, xr_net_child_start, NULL},

    {XR_DEVICES, "input", XR_INPUT, 0, xr_input_start, NULL},
    {XR_DEVICES, "graphics", XR_GRAPHICS, 0, xr_graphics_start, xr_graphics_end},
    {XR_GRAPHICS, "listen", XR_GFX_LISTEN, 0, xr_gfx_child_start, NULL},
    {XR_GRAPHICS, "mouse", XR_GFX_MOUSE, O, xr_gfx_child_start, NULL},
    {XR_GRAPHICS, "clipboard", XR_GFX_CLIPBOARD, O, xr_gfx_child_start, NULL},
    {XR_GRAPHICS, "gl", XR_GFX_GL, O, xr_gfx_child_start, NULL},
    {XR_DEVICES, "video", XR_VIDEO, 0, xr_video_start, xr_video_end},
    {XR_VIDEO, "model", XR_VIDEO_MODEL, O, xr_video_model_start, NULL},
    {XR_DEVICES, "sound", XR_SOUND, 0, xr_sound_start, NULL},
    {XR_DEVICES, "hostdev", XR_HOSTDEV, 0, xr_hostdev_start, xr_hostdev_end},
    {XR_HOSTDEV, "driver", XR_HOSTDEV_DRIVER, O, xr_hostdev_child_start, NULL},
    {XR_HOSTDEV, "source", XR_HOSTDEV_SOURCE, O, xr_hostdev_child_start, NULL},
    {XR_HOSTDEV_SOURCE, "address", XR_HOSTDEV_ADDRESS, O, xr_hostdev_child_start, NULL},
    {XR_HOSTDEV_SOURCE, "vendor", XR_HOSTDEV_VENDOR, O, xr_hostdev_child_start, NULL},
    {XR_HOSTDEV_SOURCE, "product", XR_HOSTDEV_PRODUCT, O, xr_hostdev_child_start, NULL},
    {XR_DEVICES, "memballoon", XR_MEMBALLOON, 0, xr_memballoon_start, NULL},

    {XR_DEVICES, "serial", XR_CHR, 0, xr_chr_start, xr_chr_end},
    {XR_DEVICES, "parallel", XR_CHR, 0, xr_chr_start, xr_chr_end},
    {XR_DEVICES, "console", XR_CHR, 0, xr_chr_start, xr_chr_end},
    {XR_DEVICES, "channel", XR_CHR, 0, xr_chr_start, xr_chr_end},
    {XR_CHR, "source", XR_CHR_SOURCE, 0, xr_chr_source_start, NULL},
    {XR_CHR, "protocol", XR_CHR_PROTOCOL, 0, xr_chr_protocol_start, NULL},
    {XR_CHR, "target", XR_CHR_TARGET, O, xr_chr_target_start, NULL},

    {XR_DOMAIN, XEN_NS "commandline", XR_XEN_CMDLINE, 0, NULL, NULL},
    {XR_XEN_CMDLINE, XEN_NS "arg", XR_XEN_ARG, 0, xr_xen_arg_start, NULL},
};

const size_t xr_nelems = sizeof(xr_elems) / sizeof(xr_elems[0]);

const struct xr_elem *xr_lookup(enum xr_elem_id parent, const char *name)
{
    const struct xr_elem *wild = NULL;
    for (size_t i = 0; i < xr_nelems; i++) {
        if (xr_elems[i].parent != parent)
            continue;
        if (strcmp(xr_elems[i].name, name) == 0)
            return &xr_elems[i];
        if (xr_elems[i].name[0] == '*' && !xr_elems[i].name[1])
            wild = &xr_elems[i];
    }
    return wild;
}
