#!/usr/bin/env bash
# Renders the simulator window's content into a PNG without a display (java.awt.headless), from the
# test fake at a telling moment: the picture in docs/simulator.png.
#   scripts/simulator-screenshot.sh [OUT.png]     (default docs/simulator.png)
# The live simulation's own picture is SimulatorScreenshot.write(controls, path) (see docs/simulator.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/simulator.png}"
JAVA_HOME="${JAVA_HOME:-$(scripts/find-jdk.sh)}"
export JAVA_HOME
mvn -B -q test-compile
# The UI and its fake need only the JDK and the project's own classes: no Maven classpath.
"$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp target/classes:target/test-classes \
  org.inversiontable.simulator.ui.SimulatorScreenshotDemo "$out"
