# The comparison rule of tests/conformance/sxpr.sh: rewrite an expected
# domain XML of libvirt's historical sexpr2xml vectors, written by an older
# libvirt, into libvirt 9.0.0's formatting.  Applied to the EXPECTED text
# only, never to xenconv's output.  One clause per documented difference
# (docs/sxpr-conformance.md, "Comparison rule"); each clause is general:
# it names no case and touches only what 9.0.0 itself would format.
#
# The whole file is read first, as a clause may need to know whether an
# element is present anywhere.

{ line[NR] = $0 }

END {
    n = NR

    # Clause 1 (xenbus): 9.0.0's libxl post-parse callback adds an implicit
    # <controller type='xenbus' index='0'/> to every domain without one
    # (libxl_domain.c:276-279).  It runs before the generic implicit
    # controllers (domain_postparse.c:1431 before :1452), so it is the first
    # controller, and controllers are formatted right after the disks
    # (domain_conf.c:27454-27458): insert it before the first device that
    # is neither <emulator> nor a disk.
    has_xenbus = 0
    for (i = 1; i <= n; i++)
        if (line[i] ~ /^    <controller type='xenbus'/) has_xenbus = 1
    xenbus_at = 0
    if (!has_xenbus) {
        in_devices = 0
        for (i = 1; i <= n && !xenbus_at; i++) {
            if (line[i] == "  <devices>") { in_devices = 1; continue }
            if (!in_devices) continue
            if (line[i] == "  </devices>" ||
                (line[i] ~ /^    <[a-z]/ && line[i] !~ /^    <(emulator|disk)[ >]/))
                xenbus_at = i
        }
    }

    # Clause 2 (arch and machine): 9.0.0's native readers take the os arch
    # and machine from the driver's capabilities (xen_common.c:1389-1394,
    # virCapabilitiesDomainDataLookup: x86_64, xenfv for hvm, xenpv for
    # linux), as xenconv does for xl, xm and sxpr alike; the historical
    # xenParseSxpr did no lookup.  The formatter then writes them as
    # attributes of <type> (domain_conf.c:27262-27264).
    hvm = 0
    for (i = 1; i <= n; i++) {
        if (line[i] == "    <type>hvm</type>") {
            line[i] = "    <type arch='x86_64' machine='xenfv'>hvm</type>"
            hvm = 1
        } else if (line[i] == "    <type>linux</type>")
            line[i] = "    <type arch='x86_64' machine='xenpv'>linux</type>"
    }

    # Clause 3 (pae): with the arch known, libxl's post-parse turns PAE on
    # for every x86_64 HVM domain (libxl_domain.c:255-259).  <pae/> follows
    # <acpi/> and <apic/> in the formatter's feature order
    # (virDomainFeature order, domain_conf.c:26787); a domain without <features> gets the
    # element right after </os> (domain_conf.c:27404).
    pae_at = 0; pae_wrap = 0
    if (hvm) {
        has_pae = 0
        for (i = 1; i <= n; i++) if (line[i] == "    <pae/>") has_pae = 1
        for (i = 1; i <= n && !has_pae && !pae_at; i++) {
            if (line[i] == "  <features>") {
                for (j = i + 1; line[j] ~ /^    <(acpi|apic)\/>$/; j++) ;
                pae_at = j
            }
        }
        if (!has_pae && !pae_at)
            for (i = 1; i <= n && !pae_at; i++)
                if (line[i] == "  </os>") { pae_at = i + 1; pae_wrap = 1 }
    }

    for (i = 1; i <= n; i++) {
        if (i == xenbus_at) print "    <controller type='xenbus' index='0'/>"
        if (i == pae_at) {
            if (pae_wrap) print "  <features>"
            print "    <pae/>"
            if (pae_wrap) print "  </features>"
        }
        print line[i]
    }
}
