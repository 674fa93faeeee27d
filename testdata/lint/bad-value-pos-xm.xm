name = "legacy"
uuid = "6f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f47"
memory = 256
maxmem = -5
bootloader = "/usr/bin/pygrub"
disk = [ "phy:/dev/vg/legacy,xvda,w", "bogus" ]
