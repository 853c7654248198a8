#!/usr/bin/env python3
"""CPU-seconds per code through the gateway: single checks against batches of 1,000 (issue 19).

batch_cpu.py <gateway url> <api key> <codes file> <singles> <batches> name=pid...

Sends <singles> single checks (GET /api/v1/checks/{code}, one after another on one connection),
then <batches> batches of 1,000 codes (POST /api/v1/checks), both with the department's API key,
and reads each named process's CPU from /proc/<pid>/stat around each part. The ratio is over the
three service processes (gateway, credit, sanction); MariaDB and Redis are printed beside it.
"""
import http.client, json, os, sys, urllib.parse

SERVICES = ("gateway", "credit", "sanction")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def snapshot(processes):
    return {name: cpu_seconds(pid) for name, pid in processes.items()}


def main():
    url, api_key, codes_file, singles, batches = sys.argv[1:6]
    singles, batches = int(singles), int(batches)
    processes = dict(arg.split("=", 1) for arg in sys.argv[6:] if arg.split("=", 1)[1])
    processes.pop("ceiling", None)
    codes = [line.strip() for line in open(codes_file) if line.strip()]
    target = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(target.hostname, target.port, timeout=120)

    def send(method, path, body=None):
        headers = {"X-Api-Key": api_key}
        if body is not None:
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        data = response.read()
        if response.status != 200:
            raise SystemExit(f"{method} {path} answered {response.status}: {data[:300]}")
        return data

    start = snapshot(processes)
    for i in range(singles):
        send("GET", "/api/v1/checks/" + codes[i % len(codes)])
    middle = snapshot(processes)
    for b in range(batches):
        offset = (b * 1000) % max(1, len(codes) - 1000)
        answer = json.loads(send("POST", "/api/v1/checks", json.dumps({"codes": codes[offset:offset + 1000]})))
        if b == 0:
            print(f"# a batch answer: {len(json.dumps(answer))} bytes for 1,000 codes")
    end = snapshot(processes)

    single = {name: (middle[name] - start[name]) / singles * 1000 for name in processes}
    batched = {name: (end[name] - middle[name]) / (batches * 1000) * 1000 for name in processes}
    per_single = sum(single[name] for name in SERVICES if name in single)
    per_batched = sum(batched[name] for name in SERVICES if name in batched)
    detail = " ".join(f"{name}={single[name]:.3f}/{batched[name]:.4f}" for name in processes)
    print(f"RESULT single_cpu_ms_per_code={per_single:.3f} batch_cpu_ms_per_code={per_batched:.4f} "
          f"ratio={per_single / per_batched if per_batched else float('inf'):.1f} "
          f"per_process_ms_single/batched {detail}")


if __name__ == "__main__":
    main()
