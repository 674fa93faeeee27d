# an xm config using keys xm never knew (xl's on_watchdog, a typo)
name = "legacy"
uuid = "6f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f41"
memory = 256
maxmme = 512
on_watchdog = "destroy"
bootloader = "/usr/bin/pygrub"
disk = [ "phy:/dev/vg/legacy,xvda,w" ]
