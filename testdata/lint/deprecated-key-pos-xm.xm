name = "legacy"
uuid = "6f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f45"
memory = 256
bootloader = "/usr/bin/pygrub"
bootentry = "hda1:/vmlinuz,/initrd.img"
restart = "onreboot"
disk = [ "phy:/dev/vg/legacy,xvda,w" ]
