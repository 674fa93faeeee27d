name = "plc-bridge"
uuid = "55667788-99aa-4bbc-8cdd-eeff00112233"
builder = "hvm"
kernel = "/usr/lib/xen/boot/hvmloader"
memory = 1024
maxmem = 1536
vcpus = 1
hap = 0
viridian = 1
hpet = 1
localtime = 1
rtc_timeoffset = 600
pci = [ "02:00.0", "0000:02:00.1,permissive=1,msitranslate=0" ]
parallel = "/dev/parport0"
serial = "telnet:127.0.0.1:5023,server,nowait"
sdl = 1
display = ":0"
disk = [ "tap:aio:/srv/xen/plc/disk.img,xvda,w" ]
