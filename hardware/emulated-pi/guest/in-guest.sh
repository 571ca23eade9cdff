#!/bin/sh
# Runs inside the emulated Pi, started by the image's init with the project at /mnt/project
# (hardware/emulated-pi/README.md). It makes the table's hardware out of the kernel's simulators,
# makes Pi4J take the guest for a Raspberry Pi 4, runs the HIL suite and leaves the results in
# target/emulated-pi/results (rc, the console, JUnit's XML report, dmesg).
#   GPIO: one gpio-sim chip of 28 lines labelled like the Pi 4's (Pi4J's gpiod opens the first
#         chip whose label says "pinctrl"); line N is BCM N. The jig drives an input through
#         sim_gpioN/pull and reads an output from sim_gpioN/value.
#   I2C:  i2c-stub holding an MPU-6050's register file at 0x68, patched to answer plain I2C.
#   PWM:  no kernel simulates PWM; plain files laid out as sysfs's pwmchip0/pwm0, mounted over
#         /sys/class/pwm so that `run` opens them unchanged. They record what was written, no signal.
P=/mnt/project
R=$P/target/emulated-pi/results
E=/run/emulated-pi
mkdir -p $R $E
log() { echo "[emulated-pi $(cut -d' ' -f1 /proc/uptime) s] $*"; }
fail() { log "SETUP FAILED: $*"; echo 98 > $R/rc; dmesg > $R/dmesg.txt; exit 0; }

modprobe configfs && { mountpoint -q /sys/kernel/config || mount -t configfs configfs /sys/kernel/config; } \
  || fail "configfs"
modprobe i2c-dev || fail "i2c-dev"
# outside_drives (our patch): the jig's pull is the contact and wins over the table's own pull-up
# request, as a closed contact to ground does on the Pi; stock gpio-sim lets the request win.
modprobe gpio-sim outside_drives=1 || fail "gpio-sim (built by build-image.sh into /lib/modules/*/updates)"
modprobe i2c-stub chip_addr=0x68 || fail "i2c-stub"

G=/sys/kernel/config/gpio-sim/pi
mkdir -p $G/bank0
echo 28 > $G/bank0/num_lines
echo pinctrl-bcm2711 > $G/bank0/label
echo 1 > $G/live || fail "gpio-sim did not go live"
SIMDIR=/sys/devices/platform/$(cat $G/dev_name)/$(cat $G/bank0/chip_name)
[ -d "$SIMDIR/sim_gpio0" ] || fail "no gpio-sim lines in $SIMDIR"

BUS=
for a in /sys/bus/i2c/devices/i2c-*; do   # /sys/class/i2c-adapter is gone in 6.12
  [ "$(cat $a/name 2>/dev/null)" = "SMBus stub driver" ] && BUS=${a##*/i2c-}
done
[ -n "$BUS" ] || fail "no i2c-stub bus"
# An MPU-6050 after power-up: WHO_AM_I, asleep, and a sample ready (INT_STATUS.DATA_RDY), or a
# driver that waits for data-ready never sees one: the stub's registers do not move by themselves.
i2cset -y $BUS 0x68 0x75 0x68 && i2cset -y $BUS 0x68 0x6B 0x40 && i2cset -y $BUS 0x68 0x3A 0x01 \
  || fail "presetting the MPU-6050's registers"

# Pi4J's board detection reads the Revision line of /proc/cpuinfo: c03111 is a Pi 4 Model B.
{ cat /proc/cpuinfo
  printf 'Hardware\t: BCM2835\nRevision\t: c03111\nSerial\t\t: 10000000e1a7ed01\nModel\t\t: Raspberry Pi 4 Model B Rev 1.1\n'
} > $E/cpuinfo
mount --bind $E/cpuinfo /proc/cpuinfo || fail "faking /proc/cpuinfo"

mkdir -p $E/pwm/pwmchip0/pwm0
echo 2 > $E/pwm/pwmchip0/npwm
: > $E/pwm/pwmchip0/export; : > $E/pwm/pwmchip0/unexport
for f in period duty_cycle enable; do echo 0 > $E/pwm/pwmchip0/pwm0/$f; done
echo normal > $E/pwm/pwmchip0/pwm0/polarity
mount --bind $E/pwm /sys/class/pwm || fail "mounting the PWM stand-in over /sys/class/pwm"

SCALE=$(cat $P/target/emulated-pi/time-scale 2>/dev/null || echo 1)
cat > $E/emulated-pi.properties <<PROPS
gpio.sim.dir=$SIMDIR
i2c.bus=$BUS
pwm.root=/sys/class/pwm
time.scale=$SCALE
PROPS
cp $E/emulated-pi.properties $R/
log "gpio-sim $SIMDIR, i2c-stub on /dev/i2c-$BUS (WHO_AM_I $(i2cget -y $BUS 0x68 0x75)), PWM stand-in, Pi 4B identity, time scale $SCALE"

cd $P
L=target/emulated-pi
CP="target/test-classes:target/classes:$(ls $L/lib/*.jar | tr '\n' ':')"
# C1 only: under TCG, JIT time costs more than peak speed buys. The class-data archive is made on
# the first run and reused (it lives in target/, beside the classes it was made from).
JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$P/$L/junit.jsa -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
RUN_OPTS="-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$P/$L/run.jsa -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
# HIL_TESTS (from run-hil.sh, through the kernel's command line): one class, or one method as Class#method
case "${HIL_TESTS:-}" in
  "") SELECT="--select-package org.inversiontable.hil" ;;
  *"#"*) SELECT="--select-method org.inversiontable.hil.$HIL_TESTS" ;;
  *) SELECT="--select-class org.inversiontable.hil.$HIL_TESTS" ;;
esac
log "starting the HIL suite ($SELECT)"
# shellcheck disable=SC2086
java $JAVA_OPTS -Dhil.emulated-pi=$E/emulated-pi.properties -Dhil.trials=${HIL_TRIALS:-5} \
  "-Dhil.run.jvm-options=$RUN_OPTS" \
  -jar $L/launcher/junit-platform-console-standalone.jar execute \
  --class-path "$CP" $SELECT --include-tag hil \
  --reports-dir $R --details=tree --disable-banner --disable-ansi-colors > $R/junit.txt 2>&1
rc=$?
cat $R/junit.txt
echo $rc > $R/rc
dmesg > $R/dmesg.txt
log "HIL suite finished, rc=$rc"
