name = "billing-pv"
uuid = "11223344-5566-4778-899a-abbccddeeff0"
memory = 1024
maxmem = 2048
vcpus = 2
kernel = "/boot/xen/vmlinuz-6.1"
ramdisk = "/boot/xen/initrd-6.1"
root = "/dev/xvda1 ro"
extra = "console=hvc0"
disk = [ "phy:/dev/vg20/billing-root,xvda,w", "file:/srv/xen/billing/data.img,xvdb,w" ]
vif = [ "mac=00:16:3e:5b:20:01,bridge=xenbr0" ]
on_crash = "destroy"
