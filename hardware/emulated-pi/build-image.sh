#!/usr/bin/env bash
# Builds, once, the emulated Raspberry Pi that the HIL suite runs in (hardware/emulated-pi/README.md):
# an arm64 Debian 13 guest for qemu-system-aarch64 with OpenJDK 21, i2c-tools, and the two kernel
# simulators Debian's kernel lacks, built out of tree: gpio-sim (with irq_sim, for edge events) and an
# i2c-stub that also answers plain I2C transfers (Pi4J's linuxfs I2C never uses SMBus).
#
# The image goes to a cache directory outside the clone, named by a hash of this directory's image
# inputs, and is reused while they are unchanged. The last line printed is that directory.
#   build-image.sh            build if needed (about 6 minutes the first time, then under a second)
#   build-image.sh --print    print the cache directory without building
# Environment: EMULATED_PI_CACHE (default $XDG_CACHE_HOME/inversion-table/emulated-pi, else
# ~/.cache/...), EMULATED_PI_MIRROR (default: the host's own Debian mirror).
#
# Needs root on a Debian host (it installs qemu, mmdebstrap and binfmt support and mounts binfmt_misc);
# on another host it says what is missing. A failed step is reported as a failed image build, naming
# the step and, for a package, the package; its log is kept.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SUITE=trixie
HOST_PACKAGES=(qemu-system-arm qemu-user-static binfmt-support mmdebstrap arch-test e2fsprogs patch cpio kmod xz-utils)
GUEST_PACKAGES=openjdk-21-jre-headless,kmod,i2c-tools,gpiod,procps

# What the image is made of: a change to any of these makes a new image.
image_key() {
  (cd "$HERE" && cat build-image.sh kmod/Kbuild kmod/build-modules.sh kmod/*.patch guest/init guest/mkinitrd.sh) \
    | sha256sum | cut -c1-16
}
CACHE_ROOT=${EMULATED_PI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/inversion-table/emulated-pi}
OUT=$CACHE_ROOT/image-$(image_key)
if [[ ${1:-} == --print ]]; then echo "$OUT"; exit 0; fi
if [[ -f $OUT/complete ]]; then
  echo "emulated Pi image: up to date"
  echo "$OUT"
  exit 0
fi

WORK=$CACHE_ROOT/work
LOG=$CACHE_ROOT/build.log
mkdir -p "$CACHE_ROOT" "$WORK"
: > "$LOG"
T0=$(date +%s)
STEP=""
step() { STEP=$*; echo "emulated Pi image [$(( $(date +%s) - T0 )) s]: $*"; echo "=== $*" >> "$LOG"; }
on_error() {
  local rc=$?
  echo "IMAGE BUILD FAILED at step: $STEP (exit $rc)" >&2
  # mmdebstrap and apt name the package they could not get; show those lines first.
  grep -E "^E: |Unable to locate package|has no installation candidate|Failed to fetch|unmet dependencies" "$LOG" \
    | head -5 | sed 's/^/  /' >&2 || true
  echo "  last lines of $LOG:" >&2
  tail -15 "$LOG" | sed 's/^/    /' >&2
  exit 3
}
trap on_error ERR

step "checking the host"
missing=()
for tool in qemu-system-aarch64 mmdebstrap arch-test mke2fs patch cpio depmod xz update-binfmts; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[[ -e /usr/libexec/qemu-binfmt/aarch64-binfmt-P || -e /usr/bin/qemu-aarch64-static ]] || missing+=(qemu-aarch64-static)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    step "installing host packages: ${HOST_PACKAGES[*]}"
    apt-get -o DPkg::Lock::Timeout=600 update -q >> "$LOG" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${HOST_PACKAGES[@]}" >> "$LOG" 2>&1
  else
    trap - ERR
    echo "IMAGE BUILD FAILED at step: checking the host" >&2
    echo "  missing: ${missing[*]}" >&2
    echo "  needs: root on a Debian host with the packages ${HOST_PACKAGES[*]}" >&2
    echo "  (an arm64 chroot needs binfmt_misc with qemu-aarch64 registered, i.e. a VM or a privileged container)" >&2
    exit 3
  fi
fi
[[ $(id -u) -eq 0 ]] || { trap - ERR; echo "IMAGE BUILD FAILED at step: checking the host: needs root (chroot, mknod)" >&2; exit 3; }

step "registering qemu-aarch64 with binfmt_misc"
mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc >> "$LOG" 2>&1
update-binfmts --enable qemu-aarch64 >> "$LOG" 2>&1 || true
[[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]] || { echo "qemu-aarch64 is not registered in binfmt_misc" >> "$LOG"; false; }

MIRROR=${EMULATED_PI_MIRROR:-$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)}
[[ -n $MIRROR ]] || MIRROR=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
[[ -n $MIRROR ]] || MIRROR=http://deb.debian.org/debian
echo "mirror: $MIRROR" >> "$LOG"

# Debian 13's cross compiler is the one its arm64 kernel was built with (gcc-14): modules built with
# another compiler would not load.
step "build chroot: Debian 13 amd64 with the aarch64 cross compiler and linux-source"
B=$WORK/buildroot
if [[ ! -x $B/usr/bin/aarch64-linux-gnu-gcc ]]; then
  rm -rf "$B"
  mmdebstrap --arch=amd64,arm64 --variant=minbase \
    --include=gcc-aarch64-linux-gnu,make,bc,xz-utils,linux-source,kmod "$SUITE" "$B" "$MIRROR" >> "$LOG" 2>&1
fi
chroot "$B" apt-get update -q >> "$LOG" 2>&1
KPKG=$(chroot "$B" apt-cache depends linux-image-arm64:arm64 | sed -n 's/.*Depends: \(linux-image-[^:]*\).*/\1/p' | head -1)
[[ -n $KPKG ]] || { echo "no linux-image-arm64 in $SUITE" >> "$LOG"; false; }
KV=${KPKG#linux-image-}
KABI=${KV%-arm64}
echo "guest kernel: $KV" | tee -a "$LOG"

step "kernel headers $KV (unpacked: the arm64 package cannot be installed in an amd64 chroot)"
if [[ ! -d $B/usr/src/linux-headers-$KV ]]; then
  chroot "$B" apt-get install -y -q "linux-kbuild-$KABI" >> "$LOG" 2>&1
  chroot "$B" sh -c "mkdir -p /tmp/debs && cd /tmp/debs && rm -f ./*.deb && \
    apt-get download -q linux-headers-$KV:arm64 linux-headers-$KABI-common && \
    for d in ./*.deb; do dpkg -x \$d /; done" >> "$LOG" 2>&1
fi

step "guest root file system: Debian 13 arm64 with $GUEST_PACKAGES (dpkg runs under qemu-user: the long step)"
R=$WORK/rootfs
if [[ ! -e $R/usr/bin/java || ! -f $WORK/rootfs.packages || $(cat "$WORK/rootfs.packages") != "$GUEST_PACKAGES" ]]; then
  rm -rf "$R"
  # No linux-image here: its maintainer scripts (depmod, mkinitramfs twice) cost ~6 min under qemu-user.
  mmdebstrap --arch=arm64 --variant=minbase --include="$GUEST_PACKAGES" "$SUITE" "$R" "$MIRROR" >> "$LOG" 2>&1
  echo "$GUEST_PACKAGES" > "$WORK/rootfs.packages"
fi

step "kernel $KV and its modules into the guest (dpkg -x, no maintainer scripts)"
if [[ ! -d $R/lib/modules/$KV/kernel ]]; then
  rm -rf "$R"/lib/modules/* "$R"/boot/vmlinuz-*
  chroot "$B" sh -c "mkdir -p /tmp/kdeb && cd /tmp/kdeb && rm -f ./*.deb && apt-get download -q $KPKG:arm64" >> "$LOG" 2>&1
  dpkg-deb -x "$B"/tmp/kdeb/linux-image-*.deb "$R"
fi

step "building gpio-sim.ko (with irq_sim) and the plain-I2C i2c-stub.ko"
"$HERE/kmod/build-modules.sh" "$B" "$WORK/modules" >> "$LOG" 2>&1
install -D -m644 "$WORK/modules/gpio-sim.ko" "$R/lib/modules/$KV/updates/gpio-sim.ko"
install -D -m644 "$WORK/modules/i2c-stub.ko" "$R/lib/modules/$KV/updates/i2c-stub.ko"
depmod -b "$R" "$KV" >> "$LOG" 2>&1   # the host's depmod reads arm64 modules: 7 s, against 49 s under qemu-user
install -D -m755 "$HERE/guest/init" "$R/opt/emulated-pi/init"

step "boot files: kernel, a small busybox initrd, the ext4 image"
mkdir -p "$OUT.tmp"
cp "$R/boot/vmlinuz-$KV" "$OUT.tmp/vmlinuz"
"$HERE/guest/mkinitrd.sh" "$B" "$R" "$OUT.tmp/initrd.img" >> "$LOG" 2>&1
mke2fs -q -t ext4 -L emulatedpi -d "$R" "$OUT.tmp/rootfs.img" 2G >> "$LOG" 2>&1
echo "$KV" > "$OUT.tmp/kernel-release"
rm -rf "$OUT"
mv "$OUT.tmp" "$OUT"
date -u +%FT%TZ > "$OUT/complete"
# Older images (other inputs) are of no further use; the work tree is kept for the next rebuild.
find "$CACHE_ROOT" -maxdepth 1 -name 'image-*' ! -path "$OUT" -exec rm -rf {} + 2>/dev/null || true
step "done in $(( $(date +%s) - T0 )) s"
echo "$OUT"
