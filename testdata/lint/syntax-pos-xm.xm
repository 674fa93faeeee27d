name = "legacy"
memory = 256
kernel = "/boot/vmlinuz
disk = [ "phy:/dev/vg/legacy,xvda,w" ]
