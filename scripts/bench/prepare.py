"""Writes the request files the benchmark's wrk runs replay (see requests.lua for the format).

Reads what it needs from the running service over its own API, as a client would:
  python3 prepare.py <base-url> <out-dir>
"""
import base64
import datetime
import json
import sys
import urllib.request

PASSWORD = "bench-password-1"
COORDINATOR = "bench-coordinator"


def basic(username):
    return "Basic " + base64.b64encode(f"{username}:{PASSWORD}".encode()).decode()


def get(base, path, username=COORDINATOR):
    request = urllib.request.Request(base + path, headers={"Authorization": basic(username),
                                                           "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def participant_count(base):
    """How many participants there are (bench-p00001 and on), from the pages of 500 the list comes in."""
    def size(page):
        return len(get(base, f"/api/participants?size=500&page={page}"))
    low, high = 0, 1
    while size(high) == 500:
        low, high = high, high * 2
    while high - low > 1:  # the last full page is low, the first short one high
        middle = (low + high) // 2
        low, high = (middle, high) if size(middle) == 500 else (low, middle)
    return 500 * high + size(high) if size(low) == 500 else size(low)


def iso_week(day):
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def write(path, lines):
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def main(base, out):
    today = datetime.datetime.now(datetime.timezone.utc).date()
    week = iso_week(today)
    last_week = iso_week(today - datetime.timedelta(days=7))
    programs = [p["id"] for p in get(base, "/api/programs")]
    coordinator = basic(COORDINATOR)

    write(f"{out}/program-report.txt",
          [f"*\tGET\t/api/programs/{p}/dosage?week={week}\t{coordinator}\t" for p in programs])
    write(f"{out}/org-report.txt", [f"*\tGET\t/api/dosage?week={week}\t{coordinator}\t"])

    # 128 participants spread over all programs (fewer on a data set that small); each signs in as themself
    total = participant_count(base)
    participants = [f"bench-p{n:05d}" for n in sorted({1 + i * total // 128 for i in range(128)})]
    write(f"{out}/schedule.txt",
          [f"*\tGET\t/api/me/schedule?week={week}\t{basic(p)}\t" for p in participants])

    # 16 counselors, each marking the participants of the sessions they led last week
    counselors = {}
    page = 0
    while True:
        staff = get(base, f"/api/staff?role=COUNSELOR&size=500&page={page}")
        counselors.update({s["id"]: s["username"] for s in staff})
        if len(staff) < 500:
            break
        page += 1
    lines = []
    step = max(1, len(programs) // 16)
    marking = programs[::step][:16]  # 16 counselors, one a program (fewer when there are fewer programs)
    for thread, program in enumerate(marking, start=1):
        sessions = [s for s in get(base, f"/api/programs/{program}/sessions?week={last_week}")
                    if s["status"] == "SCHEDULED" and s["participantIds"]]
        leader = max({s["counselorId"] for s in sessions},
                     key=lambda c: sum(len(s["participantIds"]) for s in sessions if s["counselorId"] == c))
        auth = basic(counselors[leader])
        mine = [s for s in sessions if s["counselorId"] == leader]
        # every pair twice, PRESENT then LATE, so each PUT changes the mark and adds a history row
        for body in ('{"status":"PRESENT"}', '{"status":"LATE","minutesAttended":150}'):
            for s in mine:
                for p in s["participantIds"]:
                    lines.append(f"{thread}\tPUT\t/api/sessions/{s['id']}/attendance/{p}\t{auth}\t{body}")
    write(f"{out}/marks.txt", lines)
    print(json.dumps({"week": week, "programs": len(programs), "participants": len(participants),
                      "allParticipants": total, "counselors": len(marking),
                      "markRequests": len(lines)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
