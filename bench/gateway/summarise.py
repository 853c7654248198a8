#!/usr/bin/env python3
"""Medians per target and client count from results.txt, and the gateway/direct ratio of each."""
import re, statistics, sys
from collections import defaultdict

rows = defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"(direct|gateway)-c(\d+)-\d+ rps=([\d.]+) p50_ms=([\d.]+) p99_ms=([\d.]+) errors=(\d+) non2xx=(\d+)", line)
    if m:
        rows[(m[1], int(m[2]))].append(tuple(float(x) for x in m.groups()[2:]))

print("\n## medians")
print("| clients | path | checks/s | p50 ms | p99 ms | socket errors | non-2xx (all runs) | gateway / direct |")
print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for clients in sorted({c for _, c in rows}):
    direct = statistics.median(r[0] for r in rows[("direct", clients)])
    for path in ("direct", "gateway"):
        runs = rows[(path, clients)]
        rps = statistics.median(r[0] for r in runs)
        ratio = f"{rps / direct:.0%}" if path == "gateway" else ""
        print(f"| {clients} | {path} | {rps:,.0f} | {statistics.median(r[1] for r in runs):.1f} | "
              f"{statistics.median(r[2] for r in runs):.1f} | {sum(int(r[3]) for r in runs)} | "
              f"{sum(int(r[4]) for r in runs)} | {ratio} |")
