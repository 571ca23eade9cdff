#!/usr/bin/env python3
"""The true-angle figures of a scenario trace, measured the way SPEC §3 and §5 word the limits.

    java -jar target/inversion-table.jar scenario FILE --trace OUT.jsonl
    python3 scripts/true-angle-figures.py OUT.jsonl

Prints: the time with the true angle above 0 (SPEC §3), the deepest true angle, the worst mean
speed over any 1 s window toward inversion and toward upright, the worst change of tick speed
across any 0.2 s window (SPEC §5), the highest true angle during a rest below horizontal (the
10 s after each flat_rest event), and the first tick after a reset that drives the motor.
"""
import json
import sys


def figures(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    t = [r["t_s"] for r in rows]
    a = [r["angle_true_deg"] for r in rows]
    dt = t[1] - t[0]
    inverted = sum(dt for x in a[1:] if x > 0.0)
    span1 = round(1.0 / dt)
    v1 = [(a[i + span1] - a[i]) / (t[i + span1] - t[i]) for i in range(len(rows) - span1)]
    tick_v = [(a[i + 1] - a[i]) / (t[i + 1] - t[i]) for i in range(len(rows) - 1)]
    span02 = round(0.2 / dt)
    acc = [abs(tick_v[i + span02] - tick_v[i]) / (t[i + span02] - t[i]) for i in range(len(tick_v) - span02)]
    rest_high = None
    for i, r in enumerate(rows):
        if r.get("event") == "flat_rest":
            window = [a[j] for j in range(i, len(rows)) if t[j] <= t[i] + 10.0]
            rest_high = max(window) if rest_high is None else max(rest_high, max(window))
    drive_after_reset = None
    reset_at = next((t[i] for i, r in enumerate(rows) if r.get("event") == "reset"), None)
    if reset_at is not None:
        drive_after_reset = next((t[i] - reset_at for i, r in enumerate(rows)
                                  if t[i] > reset_at and r["enabled"] and r["duty"] != 0.0), None)
    out = {
        "true_inverted_s": round(inverted, 2),
        "max_true_angle_deg": round(max(a), 2),
        "max_speed_down_1s_deg_s": round(max(v1), 3),
        "max_speed_up_1s_deg_s": round(-min(v1), 3),
        "max_accel_0.2s_deg_s2": round(max(acc), 2),
        "controller_inverted_s": round(max(r["inverted_s"] for r in rows), 2),
    }
    if rest_high is not None:
        out["rest_highest_true_deg"] = round(rest_high, 3)
    if reset_at is not None:
        out["drive_after_reset_s"] = None if drive_after_reset is None else round(drive_after_reset, 2)
    return out


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(p, json.dumps(figures(p)))
