#!/usr/bin/env bash
# Prints the path of a JDK >= 21 (a JAVA_HOME), or explains how to get one and fails.
# Order: $JAVA_HOME, the java on the PATH, every JDK under /usr/lib/jvm, then (when allowed)
# Debian's openjdk-21 package. Pi4J 3 needs Java 21 bytecode: JDK 17 cannot build or run it.
set -u

java_major() { # $1 = a java binary; prints its feature version
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

is_jdk21() { # $1 = candidate JAVA_HOME
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || return 1
  local v; v=$(java_major "$1/bin/java")
  [[ -n "$v" && "$v" -ge 21 ]]
}

candidates=()
[[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
if command -v javac >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
fi
for d in /usr/lib/jvm/*; do [[ -d "$d" ]] && candidates+=("$d"); done

best=""; best_v=0
for c in "${candidates[@]}"; do
  if is_jdk21 "$c"; then
    v=$(java_major "$c/bin/java")
    if [[ "$v" -gt "$best_v" ]]; then best="$c"; best_v="$v"; fi
  fi
done
if [[ -n "$best" ]]; then echo "$best"; exit 0; fi

# None present: Debian 13 (trixie) and later ship openjdk-21; install it when we may.
if [[ "${INSTALL_JDK:-yes}" == "yes" ]] && command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
  if apt-get install -y -q openjdk-21-jdk-headless >/dev/null 2>&1 \
     || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q openjdk-21-jdk-headless >/dev/null 2>&1; }; then
    for d in /usr/lib/jvm/*21*; do is_jdk21 "$d" && { echo "$d"; exit 0; }; done
  fi
fi
cat >&2 <<'MSG'
error: no JDK 21 or newer found (checked $JAVA_HOME, the PATH and /usr/lib/jvm).
Pi4J 3 needs Java 21. Install one, then run the command again:
  - Debian 13 / Raspberry Pi OS trixie:  sudo apt-get install openjdk-21-jdk-headless
  - Debian 12 / bookworm: install Temurin 21 or 25 (https://adoptium.net/installation/linux/)
    into /usr/lib/jvm, or set JAVA_HOME to any JDK >= 21.
MSG
exit 1
