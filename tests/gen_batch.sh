#!/bin/sh
# Generate N configs for a convert batch, with the exact expected xl of each.
# Usage: gen_batch.sh DIR N FROM [CORRUPT]
#   DIR/in/guestNNNNN.cfg   input, in FROM format (xen-xm or xen-xl)
#   DIR/exp/guestNNNNN.cfg  the xl that `convert --from FROM --to xen-xl`
#                           must write for it
#   CORRUPT (an index, 0 = none): that input is broken (an unterminated
#   string on line 1, column 8) and has no expected output.
# The expected text is what libvirt 9.0.0's xenParseXM (or xenParseXL) and
# xenFormatXL write: xm's extra becomes cmdline, localtime = 0 is written
# for the utc clock, the phy: disk gets the default raw format and xl's
# key=value spec (see xmconfigdata/test-paravirt-net-vifname.xml for the
# xm side of the same shape).
dir=$1 n=$2 from=$3 corrupt=${4:-0}
mkdir -p "$dir/in" "$dir/exp"
awk -v n="$n" -v from="$from" -v dir="$dir" -v corrupt="$corrupt" 'BEGIN {
    for (i = 1; i <= n; i++) {
        g = sprintf("guest%05d", i)
        in_ = dir "/in/" g ".cfg"; ex = dir "/exp/" g ".cfg"
        head = sprintf("name = \"%s\"\nuuid = \"c7a5fdb0-cdaf-4455-926a-%012d\"\nmaxmem = 1024\nmemory = 512\nvcpus = %d\n", g, i, 1 + i % 4)
        life = "on_poweroff = \"destroy\"\non_reboot = \"restart\"\non_crash = \"restart\"\n"
        vif = sprintf("vif = [ \"mac=00:16:3e:%02x:%02x:%02x,bridge=xenbr%d,script=vif-bridge\" ]\n", int(i / 65536) % 256, int(i / 256) % 256, i % 256, i % 3)
        boot = sprintf("kernel = \"/boot/vmlinuz-%s\"\nramdisk = \"/boot/initrd-%s\"\n", g, g)
        cmd = "root=/dev/xvda1 ro console=hvc0"
        xldisk = sprintf("disk = [ \"format=raw,vdev=xvda,access=rw,backendtype=phy,target=/dev/vg0/%s\" ]\n", g)
        expect = head "localtime = 0\n" life vif boot "cmdline = \"" cmd "\"\n" xldisk
        if (from == "xen-xm")
            input = head life vif boot "extra = \"" cmd "\"\n" sprintf("disk = [ \"phy:/dev/vg0/%s,xvda,w\" ]\n", g)
        else
            input = expect
        if (i == corrupt)
            input = "name = \"" g "\nmemory = 512\n"
        else {
            printf "%s", expect > ex
            close(ex)
        }
        printf "%s", input > in_
        close(in_)
    }
}'
