"""Reads what OrgDoseFloor printed and checks its recount against the service's report of the same week.
  python3 floor.py <floor output> <the service's /api/dosage?week= JSON>
Prints one JSON object: each floor's rows, median and p99, and whether the recount gave the service's numbers. The
numbers compared are those the clock cannot move between the two reads (scheduled and attended minutes, days
attended, days of three hours) and the rows; a mismatch is also printed loudly on stderr.
"""
import json
import re
import sys


def main(floor_path, report_path):
    text = open(floor_path).read()
    floors = {}
    for m in re.finditer(r"floor (\w+) \S+: rows=(\d+) iterations=(\d+) median_ms=([\d.]+) p99_ms=([\d.]+)", text):
        floors[m[1]] = {"rows": int(m[2]), "iterations": int(m[3]), "median_ms": float(m[4]), "p99_ms": float(m[5])}
    sums = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", re.search(r"^sums .*$", text, re.M)[0])}
    rows = json.load(open(report_path))["participants"]
    service = {"rows": len(rows),
               "scheduled": sum(r["scheduledMinutes"] for r in rows),
               "attended": sum(r["attendedMinutes"] for r in rows),
               "days_attended": sum(r["daysAttended"] for r in rows),
               "days_of_three_hours": sum(r["daysOfThreeHours"] for r in rows)}
    same = service == sums
    if not same:
        print(f"!!! FLOOR MISMATCH: the recount floor {sums} != the service {service}", file=sys.stderr)
    print(json.dumps(dict(floors, same_numbers=same, service=service, recount_sums=sums)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
