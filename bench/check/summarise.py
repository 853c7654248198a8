#!/usr/bin/env python3
"""Medians and ratios of a run.sh results file."""
import re, statistics, sys

lines = open(sys.argv[1]).read().splitlines()


def series(prefix, key):
    values = []
    for line in lines:
        if re.match(rf"^{prefix}-\d+ ", line):
            match = re.search(rf"{key}=([0-9.]+)", line)
            if match:
                values.append(float(match.group(1)))
    return statistics.median(values) if values else float("nan")


ceiling, cached, uncached = (series(p, "rps") for p in ("ceiling", "cached", "uncached"))
print("## medians")
for label in ("ceiling", "cached", "uncached"):
    print(f"{label}: {series(label, 'rps'):.0f} req/s, p50 {series(label, 'p50_ms'):.2f} ms, p99 {series(label, 'p99_ms'):.2f} ms")
print(f"(a) cached / ceiling = {cached / ceiling:.2f} (target >= 0.50)")
print(f"(b) cached / uncached = {cached / uncached:.2f} (target >= 2)")
print(f"(c) CPU per code single {series('cpu', 'single_cpu_ms_per_code'):.3f} ms, batched "
      f"{series('cpu', 'batch_cpu_ms_per_code'):.4f} ms, ratio {series('cpu', 'ratio'):.1f} (target >= 20)")
