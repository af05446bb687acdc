"""Turns the benchmark's results (target/bench/results-*.json) into one table, prints it and writes
docs/performance.md with the machine's description and the JFR hot spots.
  python3 report.py <bench-dir> <markdown-file>
"""
import collections
import datetime
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys

TARGETS = {
    "program_report": "p99 ≤ 25 ms",
    "org_report": "≤ 300 ms, ≤ 2× floor",
    "schedule": "≥ 2,000 req/s, p99 ≤ 50 ms",
    "marks": "≥ 500 marks/s",
    "year": "≤ 5 s",
    "start": "≤ 4 s",
    "heap": "≤ 256 MiB",
    "generate": "< 120 s",
}


HAND = "<!-- written by hand below this line; scripts/bench/report.py keeps it -->"


def sh(command):
    try:
        return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        return "?"


def machine():
    cpu = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
    memory = sh("free -g | awk '/^Mem:/ {print $2}'")
    disk = sh("df -h . | tail -1 | awk '{print $2}'")
    filesystem = sh("findmnt -n -o FSTYPE -T .")
    os_name = sh(". /etc/os-release && echo $PRETTY_NAME")
    java = sh("java -version 2>&1 | head -1")
    pg = {name: sh(f"psql -h 127.0.0.1 -U postgres -tAc 'show {name}' postgres")
          for name in ("server_version", "shared_buffers", "synchronous_commit")}
    wrk = sh("wrk --version 2>&1 | head -1").split(" Copyright")[0]
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores",
        f"- Memory: {memory} GiB; disk: {disk} ({filesystem})",
        f"- OS: {os_name}, kernel {platform.release()}",
        f"- Java: {java}; the JVM's default GC and heap settings",
        f"- PostgreSQL {pg['server_version']} on the same machine, stock settings (shared_buffers "
        f"{pg['shared_buffers']}, synchronous_commit {pg['synchronous_commit']}); H2 2.3.232 in file mode "
        "inside the service",
        f"- Load generator: {wrk}, over loopback, on the same 2 cores as the service and the database",
    ]


def verdict(ok):
    return "met" if ok else "**missed**"


def rows(r):
    floor = r["floor"]["median_ms"]
    org = r["org_report"]["p50_ms"]
    heap = r["heap_kib"] / 1024
    made = r["year"].get("sessionsMade", "?")
    return [
        ("program's week, 100 participants, 16 clients", r["program_report"], TARGETS["program_report"],
         r["program_report"]["p99_ms"] <= 25),
        ("organisation, 20,000 participants, 1 client", r["org_report"], TARGETS["org_report"],
         r["org_report"]["p99_ms"] <= 300 and org <= 2 * floor),
        ("floor: the hand-written SQL, same numbers", {"p50_ms": floor, "p99_ms": r["floor"]["p99_ms"],
                                                       "rps": 1000 / floor if floor else 0},
         f"org/floor = {org / floor:.2f}" if floor else "", None),
        ("/api/me/schedule, 32 connections", r["schedule"], TARGETS["schedule"],
         r["schedule"]["rps"] >= 2000 and r["schedule"]["p99_ms"] <= 50),
        ("attendance marks, 16 counselors", r["marks"], TARGETS["marks"], r["marks"]["rps"] >= 500),
        (f"a year of sessions, 200 programs ({made} made)", {"p50_ms": r["year_s"] * 1000}, TARGETS["year"],
         r["year_s"] <= 5),
    ] + startup_rows(r) + [
        (f"heap after full GC: {heap:.0f} MiB", {}, TARGETS["heap"], heap <= 256),
        (f"generate the data set: {r['generate_s']:.0f} s", {}, TARGETS["generate"], r["generate_s"] < 120),
    ]


STARTS = {
    "plain": "to healthy: java -jar, the plain jar",
    "cds": "to healthy: extracted jar + CDS (PACK_AOT=0 scripts/pack.sh)",
    "aot-cds": "to healthy: Spring AOT + CDS (scripts/pack.sh)",
}


def startup_rows(r):
    """Seconds from exec to healthy, the median of the runs of each way, with the CPU seconds spent by then."""
    rows = []
    for way, runs in r["startup"].items():
        start = statistics.median(runs["start_s"])
        cpu = statistics.median(runs["cpu_s"])
        rows.append((f"{STARTS.get(way, way)} (median of {len(runs['start_s'])}; {cpu:.1f} CPU s)",
                     {"p50_ms": start * 1000}, TARGETS["start"], start <= 4))
    return rows


def table(results):
    lines = ["| database | case | median ms | p99 ms | per second | errors | target | |",
             "|---|---|---:|---:|---:|---:|---|---|"]
    for r in results:
        for name, m, target, ok in rows(r):
            def fmt(key, digits=1):
                return f"{m[key]:,.{digits}f}" if key in m else ""
            errors = str(m.get("errors", "")) if "errors" in m else ""
            lines.append(f"| {r['db']} | {name} | {fmt('p50_ms')} | {fmt('p99_ms')} | {fmt('rps', 0)} | {errors} "
                         f"| {target} | {'' if ok is None else verdict(ok)} |")
    return lines


def hot_spots(path, top=12):
    """The frames most often on top of the sampled stacks, and the project's own frames under them."""
    if not os.path.exists(path):
        return []
    own, tops = collections.Counter(), collections.Counter()
    total = 0
    for block in open(path).read().split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+\([^)]*\))\s+line:", block, re.M)
        if not frames:
            continue
        total += 1
        tops[frames[0]] += 1
        mine = next((f for f in frames if f.startswith("org.iopscheduler.")), None)
        if mine:
            own[mine] += 1
    lines = [f"{total:,} samples. Top of stack:", ""]
    lines += [f"- {100 * n / total:.1f}% `{frame}`" for frame, n in tops.most_common(top)]
    lines += ["", "First project frame on the stack:", ""]
    lines += [f"- {100 * n / total:.1f}% `{frame}`" for frame, n in own.most_common(top)]
    return lines


def main(bench, markdown):
    results = [json.load(open(f)) for f in sorted(glob.glob(f"{bench}/results-*.json"), key=lambda f: "postgres" in f)]
    lines = table(results)
    print("\n".join(lines))
    doc = ["# Performance", "",
           f"Measured by `scripts/bench.sh` on {datetime.date.today()}. Re-run it to refresh this page; the "
           "numbers below are what it printed.", "", "## The machine", ""] + machine()
    doc += ["", "## Results", ""] + lines
    for r in results:
        summary = [line for line in open(f"{bench}/{r['db']}-generate.log") if line.startswith("Generated")]
        doc += ["", f"Data set on {r['db']}: " + (summary[-1].strip() if summary else "(reused from an earlier run)")]
    for r in results:
        doc += ["", f"## JFR hot spots, {r['db']} (all cases)", ""] + hot_spots(f"{bench}/{r['db']}-samples.txt")
    # the analysis below the marker is written by hand and kept across runs
    kept = ""
    if os.path.exists(markdown) and HAND in open(markdown).read():
        kept = open(markdown).read().split(HAND, 1)[1]
    open(markdown, "w").write("\n".join(doc) + "\n\n" + HAND + kept.rstrip() + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
