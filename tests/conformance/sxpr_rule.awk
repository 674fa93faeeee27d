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

    for (i = 1; i <= n; i++) {
        if (i == xenbus_at) print "    <controller type='xenbus' index='0'/>"
        print line[i]
    }
}
