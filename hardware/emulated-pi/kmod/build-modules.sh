#!/usr/bin/env bash
# Builds gpio-sim.ko (irq_sim bundled: Debian's kernel has neither) and an i2c-stub.ko that also
# answers plain I2C transfers, for Debian 13's arm64 kernel, in the amd64 build chroot whose gcc-14
# cross compiler is the kernel's own. Sources: Debian's linux-source, the same version as the kernel.
# Usage: build-modules.sh BUILDROOT OUTDIR
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
B=$1
OUT=$2
KV=$(ls "$B/usr/src" | sed -n 's/^linux-headers-\(.*-arm64\)$/\1/p' | head -1)
[[ -n $KV ]] || { echo "no linux-headers-*-arm64 in $B/usr/src" >&2; exit 1; }
SRC=$(ls "$B"/usr/src/linux-source-*.tar.xz | head -1)
SRCDIR=$(basename "$SRC" .tar.xz)
W=$B/tmp/kmod
rm -rf "$W"
mkdir -p "$W"
chroot "$B" tar -C /tmp/kmod -xJf "/usr/src/$SRCDIR.tar.xz" --strip-components=1 \
  "$SRCDIR/drivers/gpio/gpio-sim.c" "$SRCDIR/kernel/irq/irq_sim.c" "$SRCDIR/drivers/i2c/i2c-stub.c"
(cd "$W" && patch -p1 < "$HERE/irq_sim-module.patch" && patch -p1 < "$HERE/i2c-stub-plain-i2c.patch" \
  && patch -p1 < "$HERE/gpio-sim-outside-drives.patch")
# A composite module cannot have a member with its own name: gpio-sim.c becomes gpio-sim-core.c.
cp "$W/drivers/gpio/gpio-sim.c" "$W/gpio-sim-core.c"
cp "$W/kernel/irq/irq_sim.c" "$W/irq_sim.c"
cp "$W/drivers/i2c/i2c-stub.c" "$W/i2c-stub.c"
cp "$HERE/Kbuild" "$W/Kbuild"
chroot "$B" make -s -C "/usr/src/linux-headers-$KV" M=/tmp/kmod modules
mkdir -p "$OUT"
cp "$W/gpio-sim.ko" "$W/i2c-stub.ko" "$OUT/"
echo "modules built for $KV"
