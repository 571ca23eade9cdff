#!/usr/bin/env bash
# Runs the HIL suite (src/test/java/org/inversiontable/hil, tag "hil") in the emulated Raspberry Pi:
# builds the guest image if needed (build-image.sh, cached outside the clone), builds the program
# and its tests on the host, boots the arm64 guest under qemu-system-aarch64 (TCG) with this
# project shared over virtio-9p, and exits with the suite's result:
#   0 passed, 1 tests failed, 3 the image could not be built, 4 the guest gave no result.
# The last line is the summary. Reports: target/emulated-pi/results (JUnit XML, console, dmesg).
# Environment: EMULATED_PI_TIME_SCALE (default 8, see README.md), HIL_TRIALS (e-stop trials, 5),
# HIL_TESTS (one class of the suite, or Class#method; default: all of it),
# EMULATED_PI_TIMEOUT_S (default 900), EMULATED_PI_CACHE (see build-image.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
T0=$(date +%s)
summary() { echo "emulated HIL: $* ($(( $(date +%s) - T0 )) s)"; }

IMAGE_OUT=$(mktemp)
trap 'rm -f "$IMAGE_OUT"' EXIT
if ! bash "$HERE/build-image.sh" | tee "$IMAGE_OUT"; then
  summary "NOT RUN: the emulated Pi's image could not be built (see IMAGE BUILD FAILED above)"
  exit 3
fi
IMAGE=$(tail -1 "$IMAGE_OUT")

# shellcheck source=../../scripts/toolchain.sh
source "$ROOT/scripts/toolchain.sh"
echo "emulated HIL: building the program, its tests and their libraries..."
if ! mvn -B -q -Dstyle.color=never -f "$ROOT/pom.xml" -Pemulated-pi -DskipTests package 2>&1 \
    | sed -u 's/\x1b\[[0-9;]*m//g'; then
  summary "NOT RUN: the project did not build"
  exit 1
fi
# the pipe's status is sed's: check that Maven left what the guest needs
for f in target/inversion-table.jar target/emulated-pi/launcher/junit-platform-console-standalone.jar target/test-classes; do
  [[ -e $ROOT/$f ]] || { summary "NOT RUN: the build left no $f"; exit 1; }
done

RESULTS=$ROOT/target/emulated-pi/results
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
echo "${EMULATED_PI_TIME_SCALE:-8}" > "$ROOT/target/emulated-pi/time-scale"
echo "emulated HIL: booting the emulated Pi (image $IMAGE)..."
T1=$(date +%s)
# snapshot=on: the image is never written, every run starts from the same state.
# -nic none: the suite needs no network. /dev/kvm cannot run an arm64 guest on x86 anyway: TCG.
timeout "${EMULATED_PI_TIMEOUT_S:-900}" qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 2048 \
  -accel tcg,thread=multi -nographic -no-reboot -nic none \
  -kernel "$IMAGE/vmlinuz" -initrd "$IMAGE/initrd.img" \
  -append "root=/dev/vda rw console=ttyAMA0 init=/opt/emulated-pi/init quiet loglevel=3 HIL_TRIALS=${HIL_TRIALS:-5} HIL_TESTS=${HIL_TESTS:-}" \
  -drive file="$IMAGE/rootfs.img",format=raw,if=virtio,snapshot=on \
  -virtfs local,path="$ROOT",mount_tag=project,security_model=none,id=project \
  < /dev/null | tee "$RESULTS/console.log" || true
T2=$(date +%s)
rc=$(cat "$RESULTS/rc" 2>/dev/null || echo none)
if [[ $rc == none || $rc == 98 ]]; then
  summary "NO RESULT: the guest ended without running the suite (rc $rc; console: $RESULTS/console.log)"
  exit 4
fi
counts=$(awk '/<testsuite /{ for (i = 1; i <= NF; i++) if ($i ~ /^(tests|failures|errors|skipped)=/) { gsub(/"/, "", $i); printf "%s ", $i } exit }' \
  "$RESULTS"/TEST-*.xml 2>/dev/null || true)
if [[ $rc == 0 ]]; then
  summary "PASSED in the guest: ${counts:-no report} (time scale $(cat "$ROOT/target/emulated-pi/time-scale"), guest $((T2 - T1)) s)"
  exit 0
fi
summary "FAILED in the guest (JUnit rc $rc): ${counts:-no report}; see $RESULTS/junit.txt"
exit 1
