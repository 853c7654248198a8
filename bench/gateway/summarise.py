#!/usr/bin/env python3
"""Medians per target and client count from results.txt, and the gateway/direct ratio of each;
with a bare ceiling or batch rows in the file (issue 19), also the issue's table and its goals."""
import re, statistics, sys
from collections import defaultdict

rows = defaultdict(list)
cpu = defaultdict(lambda: defaultdict(list))
batch = defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"(ceiling|direct|gateway)-c(\d+)-\d+ rps=([\d.]+) p50_ms=([\d.]+) p99_ms=([\d.]+) errors=(\d+) non2xx=(\d+)", line)
    if m:
        key = (m[1], int(m[2]))
        rows[key].append(tuple(float(x) for x in m.groups()[2:]))
        for name, value in re.findall(r" (\w+)=([\d.]+)", line.split("cpu_s_per_1k", 1)[-1]) if "cpu_s_per_1k" in line else []:
            cpu[key][name].append(float(value))
    m = re.match(r"batch-\d+ single_cpu_ms_per_code=([\d.]+) batch_cpu_ms_per_code=([\d.]+) ratio=([\d.]+)", line)
    if m:
        for name, value in zip(("single", "batched", "ratio"), m.groups()):
            batch[name].append(float(value))

median = statistics.median
print("\n## medians")
print("| clients | path | checks/s | p50 ms | p99 ms | socket errors | non-2xx (all runs) | gateway / direct |")
print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for clients in sorted({c for _, c in rows}):
    direct = median(r[0] for r in rows[("direct", clients)]) if rows.get(("direct", clients)) else None
    for path in ("ceiling", "direct", "gateway"):
        runs = rows.get((path, clients))
        if not runs:
            continue
        rps = median(r[0] for r in runs)
        ratio = f"{rps / direct:.0%}" if path == "gateway" and direct else ""
        print(f"| {clients} | {path} | {rps:,.0f} | {median(r[1] for r in runs):.1f} | "
              f"{median(r[2] for r in runs):.1f} | {sum(int(r[3]) for r in runs)} | "
              f"{sum(int(r[4]) for r in runs)} | {ratio} |")

ceilings = [k for k in rows if k[0] == "ceiling"]
if ceilings:
    ceiling_key = min(ceilings, key=lambda k: abs(k[1] - 32))
    ceiling = median(r[0] for r in rows[ceiling_key])
    names = ["gateway", "credit", "sanction", "mariadb", "redis", "ceiling"]
    print(f"\n## issue 19: the check end to end (medians of {len(rows[ceiling_key])} runs; "
          f"share of the bare ceiling at c{ceiling_key[1]})")
    print("| path | clients | checks/s | share of the bare ceiling | p50 ms | p99 ms | gateway / direct | "
          + " | ".join(f"{n} CPU s / 1k" for n in names) + " |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in names) + " |")
    label = {"ceiling": "bare Spring Boot MVC app, constant answer", "direct": "credit-service, cached check, direct",
             "gateway": "the same through the gateway"}
    order = sorted(rows, key=lambda k: (("ceiling", "direct", "gateway").index(k[0]), k[1]))
    for key in order:
        path, clients = key
        runs = rows[key]
        rps = median(r[0] for r in runs)
        direct_runs = rows.get(("direct", clients))
        ratio = f"{rps / median(r[0] for r in direct_runs):.0%}" if path == "gateway" and direct_runs else ""
        cells = " | ".join(f"{median(cpu[key][n]):.3f}" if cpu[key].get(n) else "" for n in names)
        print(f"| {label[path]} | {clients} | {rps:,.0f} | {rps / ceiling:.1%} | {median(r[1] for r in runs):.1f} | "
              f"{median(r[2] for r in runs):.1f} | {ratio} | {cells} |")

    def rps_of(path, clients):
        runs = rows.get((path, clients))
        return median(r[0] for r in runs) if runs else float("nan")

    def met(ok):
        return "met" if ok else "NOT met"

    c = ceiling_key[1]
    direct, gateway = rps_of("direct", c), rps_of("gateway", c)
    print("\n| goal (issue 19) | measured | |")
    print("| --- | ---: | --- |")
    print(f"| cached single check, direct >= 30 % of the bare ceiling (c{c}) | {direct / ceiling:.1%} | {met(direct / ceiling >= 0.30)} |")
    print(f"| through the gateway >= 15 % of the bare ceiling (c{c}) | {gateway / ceiling:.1%} | {met(gateway / ceiling >= 0.15)} |")
    print(f"| through the gateway >= 50 % of direct (c{c}) | {gateway / direct:.0%} | {met(gateway / direct >= 0.50)} |")
    if rows.get(("gateway", 64)):
        p99 = median(r[2] for r in rows[("gateway", 64)])
        print(f"| through the gateway, p99 < 50 ms at 64 clients | {p99:.1f} ms | {met(p99 < 50)} |")
    if batch["ratio"]:
        print(f"| a batch of 1,000 through the gateway >= 20x cheaper per code than single checks "
              f"(CPU of gateway + credit-service + sanction-service; {median(batch['single']):.3f} vs "
              f"{median(batch['batched']):.4f} ms per code) | {median(batch['ratio']):.1f}x | {met(median(batch['ratio']) >= 20)} |")
