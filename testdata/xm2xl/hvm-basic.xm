name = "qa-win"
uuid = "33445566-7788-499a-abbc-cddeeff00112"
builder = "hvm"
kernel = "/usr/lib/xen/boot/hvmloader"
memory = 2048
vcpus = 2
boot = "dc"
vnc = 1
vncunused = 1
vnclisten = "127.0.0.1"
serial = "pty"
soundhw = "es1370"
usbdevice = "tablet"
vif = [ "mac=00:16:3e:5b:22:01,bridge=xenbr0,script=vif-bridge,type=netfront" ]
disk = [ "phy:/dev/vg22/qa-win,hda,w", "file:/srv/iso/qa-tools.iso,hdc:cdrom,r" ]
