#!/usr/bin/env bash
# A 2 MB initrd (static busybox and the six modules the root file system needs) instead of Debian's
# initramfs-tools one, whose udev costs about 10 s of every boot under TCG.
# Usage: mkinitrd.sh BUILDROOT ROOTFS OUT.img
set -euo pipefail
B=$1
R=$2
OUT=$3
KV=$(ls "$R/lib/modules" | head -1)
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
chroot "$B" sh -c 'mkdir -p /tmp/bb && cd /tmp/bb && rm -f ./*.deb && apt-get download -q busybox-static:arm64'
dpkg-deb -x "$B"/tmp/bb/busybox-static_*_arm64.deb "$D/bb"
mkdir -p "$D"/root/{bin,dev,proc,newroot,lib/modules}
cp "$D/bb/usr/bin/busybox" "$D/root/bin/busybox"
# ext4 needs crc16, mbcache, jbd2 and crc32c (a softdep); virtio-pci is built into the kernel.
for m in lib/crc16 crypto/crc32c_generic fs/mbcache fs/jbd2/jbd2 fs/ext4/ext4 drivers/block/virtio_blk; do
  xz -dc "$R/lib/modules/$KV/kernel/$m.ko.xz" > "$D/root/lib/modules/${m##*/}.ko"
done
cat > "$D/root/init" <<'INIT'
#!/bin/busybox sh
B=/bin/busybox
$B mount -t devtmpfs devtmpfs /dev
$B mount -t proc proc /proc
for m in crc16 crc32c_generic mbcache jbd2 ext4 virtio_blk; do $B insmod /lib/modules/$m.ko; done
root=/dev/vda; init=/sbin/init
for a in $($B cat /proc/cmdline); do case $a in root=*) root=${a#root=};; init=*) init=${a#init=};; esac; done
i=0; while [ ! -b $root ] && [ $i -lt 200 ]; do $B usleep 50000; i=$((i+1)); done
$B mount -t ext4 -o rw $root /newroot || { echo "initrd: cannot mount $root"; $B poweroff -f; }
$B mount --move /dev /newroot/dev
$B umount /proc
exec $B switch_root /newroot $init
INIT
chmod 755 "$D/root/init"
(cd "$D/root" && find . | cpio -o -H newc --quiet | gzip -1) > "$OUT"
