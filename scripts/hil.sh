#!/usr/bin/env bash
# The hardware-in-the-loop suite, the one command (hardware/HIL.md): on a Raspberry Pi wired as
# jig B, builds the jar (the process tests start the real `run` from it), then runs the tests
# tagged `hil`, prints their figures and skip reasons, and exits with Maven's status.
# Off a Pi it prints why it skipped and exits 77 (skipped, never passed).
#   scripts/hil.sh                                   # everything
#   scripts/hil.sh -Dtest='EstopContractTest'        # extra Maven arguments are passed on
#   HIL_FORCE=1 scripts/hil.sh                       # run anyway (each test aborts with the reason)
# Properties: -Dhil.imu.wedge.deg=-65  -Dhil.relay=fitted|none  -Dhil.trials=20  -Dhil.timing=report
# Never with motor power connected; stop the service first (it holds the same pins).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REASON="not a Raspberry Pi (no /dev/gpiochip0 with the Pi's labels / /proc/device-tree/model): the HIL suite needs the jig of hardware/HIL-JIG.md"

model=$( { tr -d '\0' < /proc/device-tree/model; } 2>/dev/null || true)
if [[ "$model" != "Raspberry Pi"* || ! -e /dev/gpiochip0 ]] && [[ "${HIL_FORCE:-0}" != 1 ]]; then
  chip=$([[ -e /dev/gpiochip0 ]] && echo "/dev/gpiochip0 present" || echo "no /dev/gpiochip0")
  echo "HIL skipped: $REASON [model: ${model:-none}, $chip]"
  exit 77
fi
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet inversion-table 2>/dev/null; then
  echo "error: the inversion-table service is running and holds the table's pins:" \
       "sudo systemctl stop inversion-table, then run this again" >&2
  exit 2
fi

JAVA_HOME=$(bash "$ROOT/scripts/find-jdk.sh") || exit 2
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
MVN=(mvn -B -Dstyle.color=never -f "$ROOT/pom.xml")

echo "hil: building target/inversion-table.jar"
"${MVN[@]}" -q -DskipTests package || exit 2
echo "hil: running the tests tagged hil on: $model"
# pom.xml keeps `hil` out of the normal build through the property hil.excludedGroups; empty it here.
"${MVN[@]}" -Dgroups=hil -Dhil.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false test "$@"
status=$?

shopt -s nullglob
echo "hil: figures"
grep -h -E '^(estop_to_enable_low|stalled loop|after kill -9|relay check skipped)' target/surefire-reports/*-output.txt
echo "hil: skipped tests and why"
for f in target/surefire-reports/TEST-*.xml; do
  # A testcase line, then its <skipped ...><![CDATA[org.opentest4j.TestAbortedException: REASON
  awk '/<testcase name=/ { match($0, /name="[^"]*"/); test = substr($0, RSTART + 6, RLENGTH - 7) }
       /<skipped/ { line = $0; sub(/.*Exception: /, "", line); sub(/.*<skipped[^>]*\/?>/, "", line);
                    cls = FILENAME; sub(/.*TEST-[a-z.]*\./, "", cls); sub(/\.xml$/, "", cls);
                    print "  " cls "." test ": " line }' "$f"
done
counts=$(bash scripts/test-count.sh); echo "$counts"
# All skipped is not a pass: say so with the exit code of a skip.
if [[ $status -eq 0 && "$counts" =~ tests:\ ([0-9]+)\ run.*\ ([0-9]+)\ skipped ]] \
   && [[ ${BASH_REMATCH[1]} -eq ${BASH_REMATCH[2]} ]]; then
  echo "hil: every test was skipped: nothing was checked on hardware"
  exit 77
fi
exit $status
