#!/usr/bin/env python3
"""Helpers of run.sh: warm the cache with batches, and measure service CPU per code (single vs batch).

client.py warm <port> <secret> <codes file>
client.py cpu <port> <secret> <codes file> <pid> <singles> <batches>
"""
import http.client, json, os, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))


def token(secret):
    return subprocess.check_output([sys.executable, os.path.join(here, "token.py"), secret, "XZSPJ", "APPROVAL"]).decode().strip()


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def batch(conn, auth, codes):
    conn.request("POST", "/api/v1/checks", json.dumps({"codes": codes}),
                 {"Authorization": auth, "Content-Type": "application/json"})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"batch answered {response.status}: {body[:300]}")
    return json.loads(body)


def main():
    mode, port, secret, codes_file = sys.argv[1:5]
    codes = [line.strip() for line in open(codes_file) if line.strip()]
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=120)
    if mode == "warm":
        auth, minted = "Bearer " + token(secret), time.time()
        for i in range(0, len(codes), 1000):
            if time.time() - minted > 40:
                auth, minted = "Bearer " + token(secret), time.time()
            batch(conn, auth, codes[i:i + 1000])
        print(f"warmed {len(codes)} subjects")
        return
    pid, singles, batches = sys.argv[5], int(sys.argv[6]), int(sys.argv[7])
    auth = "Bearer " + token(secret)
    start = cpu_seconds(pid)
    for i in range(singles):
        conn.request("GET", "/api/v1/checks/" + codes[i % len(codes)], headers={"Authorization": auth})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"single check answered {response.status}")
    single_cpu = cpu_seconds(pid) - start
    auth = "Bearer " + token(secret)
    start = cpu_seconds(pid)
    for b in range(batches):
        offset = (b * 1000) % max(1, len(codes) - 1000)
        batch(conn, auth, codes[offset:offset + 1000])
    batch_cpu = cpu_seconds(pid) - start
    per_single = single_cpu / singles
    per_batched = batch_cpu / (batches * 1000)
    print(f"RESULT single_cpu_ms_per_code={per_single * 1000:.3f} batch_cpu_ms_per_code={per_batched * 1000:.4f} "
          f"ratio={per_single / per_batched if per_batched else float('inf'):.1f}")


if __name__ == "__main__":
    main()
