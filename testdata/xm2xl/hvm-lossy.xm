# converted from an old xend host; several keys have no libvirt meaning
name = "erp-legacy"
uuid = "44556677-8899-4aab-bccd-deeff0011223"
builder = "hvm"
kernel = "/usr/lib/xen/boot/hvmloader"
device_model = "/usr/lib/xen/bin/qemu-dm"
memory = 4096
shadow_memory = 16
vcpus = 2
stdvga = 0
vnc = 1
vncunused = 1
vncconsole = 1
usb = 1
usbdevice = "disk:/srv/xen/erp-legacy/usbstick.img"
vif = [ "mac=00:16:3e:5b:23:01,bridge=xenbr0" ]
disk = [ "phy:/dev/vg23/erp-legacy,hda,w" ]
serial = "pty"
