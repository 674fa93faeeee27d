name = "legacy"
uuid = "6f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f43"
memory = 256
maxmem = 512
vcpus = 1
bootloader = "/usr/bin/pygrub"
disk = [ "phy:/dev/vg/legacy,xvda,w" ]
vif = [ "mac=00:16:3e:12:34:58,bridge=xenbr0" ]
on_crash = "restart"
