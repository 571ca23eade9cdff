# Sourced by ./dev and hardware/emulated-pi/run-hil.sh: a JDK >= 21 as JAVA_HOME (scripts/find-jdk.sh),
# Maven (installed from Debian's packages when missing and allowed), and MAVEN_OPTS for Java 24+.
# Expects ROOT to be the project's root.
JAVA_HOME=$(bash "$ROOT/scripts/find-jdk.sh") || exit 1
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    echo "installing Maven from Debian's packages..." >&2
    apt-get install -y -q maven >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q maven >/dev/null; }
  else
    echo "error: Maven (mvn) is not installed: sudo apt-get install maven" >&2; exit 1
  fi
fi
# Maven's own Guava warns about sun.misc.Unsafe on Java 24 and later: noise for a reader, not ours.
if "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
