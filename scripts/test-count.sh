#!/usr/bin/env bash
# Prints how many tests ran, failed and were skipped, from Surefire's reports (target/surefire-reports).
# Usage: scripts/test-count.sh [REPORTS_DIR]
set -u
dir=${1:-target/surefire-reports}
shopt -s nullglob
files=("$dir"/TEST-*.xml)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "tests: no reports in $dir (the tests did not run)"
  exit 0
fi
# The first <testsuite ...> element of each report carries the counts of its class.
awk '
  /<testsuite / && !seen[FILENAME]++ {
    for (i = 1; i <= NF; i++) {
      if (match($i, /^(tests|failures|errors|skipped)="[0-9]+"/)) {
        split($i, kv, "\""); key = substr($i, 1, index($i, "=") - 1); sum[key] += kv[2]
      }
    }
  }
  END {
    printf "tests: %d run, %d failed, %d errors, %d skipped (%d classes)\n",
      sum["tests"], sum["failures"], sum["errors"], sum["skipped"], length(seen)
  }' "${files[@]}"
