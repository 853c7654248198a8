#!/usr/bin/env python3
"""Figures of one outage run: summarise.py <label> <timeline> <down epoch> <up epoch> <wrk output>.
Down = up: a server was killed and another took over (recovery counts from the kill); both 0: nothing killed.

Timeline lines: <epoch second> <cache> <database> <wrong> <503> <other> (per wrk thread; summed here).
"""
import collections, re, sys

label, timeline, down, up, wrk = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
seconds = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
for line in open(timeline):
    fields = [int(x) for x in line.split()]
    for i in range(5):
        seconds[fields[0]][i] += fields[i + 1]
total = open(wrk).read()
totals = re.search(r"TOTAL (.*)", total)
killed = up == down  # a failover: nothing is restarted, recovery counts from the kill
steady = killed and down == 0  # nothing killed at all
print(f"## {label}" + ("" if killed else f" down for {up - down} s"))
print(f"{label} totals: {totals.group(1) if totals else 'missing'}")


def phase(name, rows):
    n = sum(sum(r) for r in rows)
    if n == 0:
        print(f"{label} {name}: no answers")
        return
    cache, database, wrong, unavailable, other = (sum(r[i] for r in rows) for i in range(5))
    print(f"{label} {name}: {n} answers, {n / max(1, len(rows)):.0f}/s; from cache {cache}, from database {database}, "
          f"wrong {wrong}, 503 {unavailable} ({unavailable * 100 / n:.1f} %), other errors {other} ({other * 100 / n:.2f} %)")


keys = sorted(seconds)
if steady:
    phase("whole run", [seconds[s] for s in keys])
    sys.exit(0)
phase("before", [seconds[s] for s in keys if s < down])
if not killed:
    phase("outage", [seconds[s] for s in keys if down <= s < up])
phase("after the kill" if killed else "after", [seconds[s] for s in keys if s >= up])
recovered = None
if killed:
    # the clients' connections break a moment after the kill: recovered once every later second is 95 % from the cache
    dips = [s for s in keys if s >= up and sum(seconds[s]) and seconds[s][0] / sum(seconds[s]) < 0.95]
    recovered = (max(dips) + 1 - up) if dips else 0
for s in keys:
    if killed or s < up:
        continue
    cache, database, wrong, unavailable, other = seconds[s]
    n = cache + database + wrong + unavailable + other
    if label != "mysql" and n and cache / n >= 0.95:
        recovered = s - up
        break
    if label == "mysql" and n and unavailable == 0 and other == 0 and database > 0:
        recovered = s - up
        break
what = "no 503 and database answers again" if label == "mysql" else (
    "every second 95 % from the cache again" if killed else "95 % of answers from the cache again")
after = "the kill" if killed else "the restart"
print(f"{label} recovery: {what} {recovered if recovered is not None else 'not within the run'} s after {after}")
