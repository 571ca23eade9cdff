#!/usr/bin/env bash
# Mutation score per package and per class from PIT's CSV report (issue 13: each of safety,
# control and motion keeps 90 % or more; PIT's own mutationThreshold only checks the total).
#   scripts/mutation-scores.sh [target/pit-reports/mutations.csv] [--classes] [--min PERCENT]
# Exit 1 when a package is below --min (default 90).
set -euo pipefail
csv=target/pit-reports/mutations.csv
classes=0
min=90
while [[ $# -gt 0 ]]; do
  case "$1" in
    --classes) classes=1 ;;
    --min) min=$2; shift ;;
    *) csv=$1 ;;
  esac
  shift
done
awk -F, -v classes="$classes" -v min="$min" '
  # columns: file, class, mutator, method, line, status, killing test. Killed and timed out count
  # as detected (as PIT counts them); survived and no coverage do not.
  {
    cls = $2; sub(/\$.*/, "", cls)
    pkg = cls; sub(/\.[^.]*$/, "", pkg)
    detected = ($6 == "KILLED" || $6 == "TIMED_OUT" || $6 == "MEMORY_ERROR" || $6 == "RUN_ERROR")
    pt[pkg]++; pk[pkg] += detected
    ct[cls]++; ck[cls] += detected
    tt++; tk += detected
  }
  END {
    bad = 0
    for (p in pt) {
      score = 100 * pk[p] / pt[p]
      printf "%-32s %4d/%-4d %5.1f %%%s\n", p, pk[p], pt[p], score, (score < min ? "  BELOW " min " %" : "")
      if (score < min) bad = 1
    }
    printf "%-32s %4d/%-4d %5.1f %%\n", "total", tk, tt, 100 * tk / tt
    if (classes) {
      print ""
      for (c in ct) if (ck[c] < ct[c]) printf "%-56s %3d survivors of %d\n", c, ct[c] - ck[c], ct[c]
    }
    exit bad
  }' "$csv"
