"""Two instances of the service on one PostgreSQL database, hit at the same moment from both sides.

  python3 scripts/lib/two_instances.py JAR JDBC_URL DB_USER DB_PASSWORD

Every rule that spans rows must hold when the racing requests land on different processes: nothing may
rely on memory that only one instance has. Ends with 'N passed, N failed'; exit 1 on any failure.
"""
import datetime
import html
import json
import time
import os
import re
import shutil
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(__file__))
from service import Client, Report, Service  # noqa: E402

USER, PASSWORD = "racer", "Two-instances-" + uuid.uuid4().hex[:8]
SMS_TOKEN = "two-instances-" + uuid.uuid4().hex[:8]


class SmsGateway:
    """The SMS webhook both instances post to: every call is kept, to count them."""

    def __init__(self):
        calls = self.calls = []
        lock = self.lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with lock:
                    calls.append((self.headers.get("Authorization"), json.loads(body)))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def received(self):
        with self.lock:
            return list(self.calls)


def together(calls, workers=None):
    """Runs the calls on their own threads, released at once by a barrier; answers results in order."""
    barrier = threading.Barrier(len(calls) if workers is None else min(workers, len(calls)))

    def run(call):
        if workers is None:
            barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=workers or len(calls)) as pool:
        return list(pool.map(run, calls))


def main():
    jar, url, db_user, db_password = sys.argv[1:5]
    work = tempfile.mkdtemp(prefix="iop-two-")
    sms = SmsGateway()
    # both instances plan reminders and send the outbox every few seconds, to one SMS gateway
    env = {"SPRING_DATASOURCE_URL": url, "SPRING_DATASOURCE_USERNAME": db_user,
           "SPRING_DATASOURCE_PASSWORD": db_password, "IOP_BOOTSTRAP_COORDINATOR": f"{USER}:{PASSWORD}",
           "IOP_NOTIFICATIONS_SMS_URL": sms.url, "IOP_NOTIFICATIONS_SMS_TOKEN": SMS_TOKEN,
           "IOP_NOTIFICATIONS_PERIOD": "2s", "IOP_REMINDERS_PERIOD": "5s"}
    a, b = Service(jar, work, env, "instance-a"), Service(jar, work, env, "instance-b")
    report = Report()
    try:
        # one after the other: both run the Flyway migrations, the second finds nothing to do
        a.start()
        b.start()
        print(f"instance A on {a.port}, instance B on {b.port}, one database", flush=True)
        run(Client(a.base, USER, PASSWORD), Client(b.base, USER, PASSWORD), report)
        page_sessions(a.base, b.base, report)
        password_change(Client(a.base, USER, PASSWORD), a.base, b.base, report)
        reminders_once(Client(a.base, USER, PASSWORD), Client(b.base, USER, PASSWORD), sms, report)
    except Exception as e:  # a broken set-up is a failure, not a crash without a summary
        report.check(False, "the scenario ran to the end", repr(e))
        for s in (a, b):
            print(f"--- {s.name} log\n{s.tail(20)}")
    finally:
        codes = [a.stop(), b.stop()]
        report.check(all(c in (0, 143) for c in codes), "both instances shut down gracefully on SIGTERM",
                     f"exit codes {codes}")
    code = report.finish()
    if code == 0:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"logs and files kept in {work}")
    sys.exit(code)


def created(answer, what):
    status, body = answer
    if status != 201:
        raise RuntimeError(f"setting up {what}: {status} {body}")
    return body["id"]


def run(a, b, report):
    tag = uuid.uuid4().hex[:6]
    today = datetime.date.today()
    monday = today - datetime.timedelta(days=today.weekday())
    start = (monday - datetime.timedelta(weeks=6)).isoformat()
    past = monday - datetime.timedelta(weeks=2)
    past_week = f"{past.isocalendar()[0]}-W{past.isocalendar()[1]:02d}"

    counselor = created(a.post("/api/staff", {"username": f"couns-{tag}", "password": "counselor-pw",
                                              "fullName": "Chris Counselor", "role": "COUNSELOR"}), "a counselor")
    program = created(a.post("/api/programs", {"name": f"Two instances {tag}", "population": "ADULT",
                                               "timeZone": "America/New_York"}), "a program")
    group = created(a.post(f"/api/programs/{program}/blocks", {
        "type": "GROUP", "title": "Process group", "dayOfWeek": "MONDAY", "startTime": "09:00",
        "durationMinutes": 540, "counselorId": counselor, "location": "Room 1", "capacity": 8}), "the group")

    # 3 already in the group, 50 more racing for its last 5 places
    def participant(i):
        return created((a if i % 2 else b).post("/api/participants", {
            "username": f"p{i}-{tag}", "password": "participant-pw", "fullName": f"Participant {i}",
            "dateOfBirth": "1990-01-01"}), f"participant {i}")

    with ThreadPoolExecutor(max_workers=6) as pool:
        people = list(pool.map(participant, range(53)))
    for p in people[:3]:
        created(a.post(f"/api/programs/{program}/enrollments",
                       {"participantId": p, "startDate": start, "blockIds": [group]}), "an enrollment")

    print("50 enrollments racing for the last 5 places of a group, 25 on each instance", flush=True)
    answers = together([lambda p=p, i=i: (a if i % 2 else b).post(
        f"/api/programs/{program}/enrollments", {"participantId": p, "startDate": start, "blockIds": [group]})
        for i, p in enumerate(people[3:])])
    statuses = [s for s, _ in answers]
    report.check(statuses.count(201) == 5, "exactly 5 enrollments succeed", f"{statuses.count(201)} did")
    report.check(statuses.count(409) == 45, "the other 45 are refused with 409", f"statuses {sorted(statuses)}")
    winners_by_instance = [sum(1 for i, (s, _) in enumerate(answers) if s == 201 and i % 2 == k) for k in (1, 0)]
    print(f"       winners: {winners_by_instance[0]} on A, {winners_by_instance[1]} on B", flush=True)
    full = [body for s, body in answers if s == 409]
    report.check(all("full" in str(body.get("detail", "")) for body in full),
                 "each refusal says the group is full", str(full[:1]))
    _, enrolled = a.get(f"/api/programs/{program}/enrollments?from={start}&to={start}")
    in_group = [e for e in enrolled if group in e["blockIds"]]
    report.check(len(in_group) == 8, "the group holds 8 of 8 places, seen from instance A", f"{len(in_group)}")
    _, enrolled_b = b.get(f"/api/programs/{program}/enrollments?from={start}&to={start}")
    report.check(len(enrolled_b) == 8, "the same 8 seen from instance B", f"{len(enrolled_b)}")

    print("the same week's sessions asked for on both instances at once (made on first look)", flush=True)
    weeks = together([lambda c=c: c.get(f"/api/programs/{program}/sessions?week={past_week}") for c in (a, b) * 4])
    ids = {tuple(s["id"] for s in body) if status == 200 else (status, str(body)) for status, body in weeks}
    report.check(len(ids) == 1 and len(next(iter(ids))) == 1,
                 "8 concurrent first looks at a week make its session once and all see the same id", str(ids))

    sheet = weeks[0][1][0]["id"]
    roster = weeks[0][1][0]["participantIds"]
    report.check(len(roster) == 8, "the session's roster has the 8 enrolled participants", str(roster))

    print("200 attendance marks on one sheet, 100 from each instance, 8 participants", flush=True)
    statuses_cycle = ["PRESENT", "ABSENT", "LATE", "EXCUSED", "LEFT_EARLY"]

    def mark(i):
        status = statuses_cycle[i % len(statuses_cycle)]
        body = {"status": status, "note": f"mark {i:03d}"}
        if status in ("LATE", "LEFT_EARLY"):
            body["minutesAttended"] = 100 + i
        return (a if i % 2 else b).put(f"/api/sessions/{sheet}/attendance/{roster[i % len(roster)]}", body)

    marks = together([lambda i=i: mark(i) for i in range(200)], workers=16)
    ok = [s for s, _ in marks]
    report.check(ok.count(200) == 200, "all 200 marks are accepted", f"statuses {sorted(set(ok))}: "
                 + str([body for s, body in marks if s != 200][:2]))
    _, history = a.get(f"/api/sessions/{sheet}/attendance/history")
    report.check(isinstance(history, list) and len(history) == 200,
                 "the history holds 200 changes: every mark, none lost", f"{len(history)} rows")
    notes = sorted(h["note"] for h in history)
    report.check(notes == sorted(f"mark {i:03d}" for i in range(200)), "each of the 200 marks is in the history once")
    broken = []
    by_participant = {}
    for h in history:
        by_participant.setdefault(h["participantId"], []).append(h)
    for pid, changes in by_participant.items():
        for before, after in zip(changes, changes[1:]):
            if (after["oldStatus"], after["oldMinutesAttended"]) != (before["newStatus"], before["newMinutesAttended"]):
                broken.append((pid, before["note"], after["note"]))
    report.check(not broken and all(c[0]["oldStatus"] is None for c in by_participant.values()),
                 "each participant's history is one unbroken chain: every change starts from the one before",
                 str(broken[:3]))
    _, current = b.get(f"/api/sessions/{sheet}/attendance")
    last = {pid: changes[-1] for pid, changes in by_participant.items()}
    mismatched = [m for m in current if (m["status"], m["minutesAttended"], m["note"])
                  != (last[m["participantId"]]["newStatus"], last[m["participantId"]]["newMinutesAttended"],
                      last[m["participantId"]]["note"])]
    report.check(len(current) == 8 and not mismatched,
                 "the sheet shows, for each participant, the last change in the history (no lost update)",
                 str(mismatched[:2]))

    print("one counselor booked from both instances at once, five times", flush=True)
    for day, time in [("TUESDAY", "10:00"), ("WEDNESDAY", "13:30"), ("THURSDAY", "08:00"), ("FRIDAY", "17:15"),
                      ("SATURDAY", "11:00")]:
        second = created(a.post("/api/staff", {"username": f"c-{day.lower()}-{tag}", "password": "counselor-pw",
                                               "fullName": "Dana Double", "role": "COUNSELOR"}), "a counselor")
        both = together([lambda c=c, n=n: c.post(f"/api/programs/{program}/blocks", {
            "type": "INDIVIDUAL", "title": f"Individual {n}", "dayOfWeek": day, "startTime": time,
            "durationMinutes": 50, "counselorId": second, "location": f"Office {n}"}) for n, c in (("A", a), ("B", b))])
        codes = sorted(s for s, _ in both)
        report.check(codes == [201, 409], f"{day.lower()} {time}: one instance books the counselor, the other gets 409",
                     f"statuses {codes}")
        _, blocks = b.get(f"/api/programs/{program}/blocks")
        report.check(sum(1 for bl in blocks if bl["counselorId"] == second) == 1,
                     f"{day.lower()} {time}: the counselor facilitates exactly one block")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Pages as a browser sees them: one SESSION cookie (whichever instance set it) and the CSRF token of the
    last page read. Redirects are answered, not followed, so a check sees where a page sends it."""

    _opener = urllib.request.build_opener(_NoRedirects)

    def __init__(self):
        self.cookie = None
        self.csrf = None

    def call(self, base, method, path, form=None):
        data = None if form is None else urllib.parse.urlencode(dict(form, _csrf=self.csrf or "")).encode()
        request = urllib.request.Request(base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        if self.cookie:
            request.add_header("Cookie", self.cookie)
        try:
            response = self._opener.open(request, timeout=60)
        except urllib.error.HTTPError as e:
            response = e
        with response:
            body = response.read().decode(errors="replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                if header.startswith("SESSION="):
                    value = header.split(";", 1)[0]
                    self.cookie = None if value == "SESSION=" else value
            token = re.search(r'name="_csrf" value="([^"]+)"', body)
            if token:
                self.csrf = html.unescape(token.group(1))
            return response.status, response.headers.get("Location") or "", body


def page_sessions(a, b, report):
    """A page session signed in on A is one session: B serves it, and signing out on B ends it on A."""
    print("a page session signed in on instance A, used on instance B, signed out on B", flush=True)
    browser = Browser()
    browser.call(a, "GET", "/login")
    status, location, _ = browser.call(a, "POST", "/login", {"username": USER, "password": PASSWORD})
    report.check(status == 302 and not location.endswith("/login?error") and browser.cookie is not None,
                 "the form sign-in on A answers with a session cookie", f"{status} {location}")
    signed_in = browser.cookie
    status, location, page = browser.call(b, "GET", "/people")
    report.check(status == 200 and 'action="/logout"' in page,
                 "instance B opens a signed-in page with A's session cookie", f"{status} {location}")
    status, location, _ = browser.call(b, "POST", "/logout", {})
    report.check(status == 302 and location.endswith("/login?logout"), "signing out on B is accepted (its CSRF token)",
                 f"{status} {location}")
    # the same cookie again, as a second tab that missed the sign-out would send it
    browser.cookie = signed_in
    status, location, _ = browser.call(a, "GET", "/people")
    report.check(status == 302 and "/login" in location, "the session signed out on B is over on A as well",
                 f"{status} {location}")


def password_change(coordinator, a, b, report):
    """A password changed on B ends the account's page session on A and its old password on A at once."""
    print("a password changed on instance B: the page session and the remembered password on A end", flush=True)
    tag = uuid.uuid4().hex[:6]
    user, old, new = f"pw-{tag}", f"Old-password-{tag}", f"New-password-{tag}"
    created(coordinator.post("/api/staff", {"username": user, "password": old, "fullName": "Pat Password",
                                            "role": "COUNSELOR"}), "a counselor")
    on_a = Client(a, user, old)
    report.check(on_a.get("/api/staff")[0] == 200, "the old password works over HTTP Basic on A (and is remembered)")
    browser = Browser()
    browser.call(a, "GET", "/login")
    browser.call(a, "POST", "/login", {"username": user, "password": old})
    report.check(browser.call(a, "GET", "/sessions")[0] == 200, "a page session signed in on A")
    status, body = Client(b, user, old).post("/api/me/password", {"currentPassword": old, "newPassword": new})
    report.check(status == 204, "the password is changed through instance B", f"{status} {body}")
    report.check(on_a.get("/api/staff")[0] == 401, "the old password no longer works on A, at once")
    report.check(Client(a, user, new).get("/api/staff")[0] == 200, "the new one does")
    status, location, _ = browser.call(a, "GET", "/sessions")
    report.check(status == 302 and "/login" in location, "the page session on A has ended", f"{status} {location}")




def reminders_once(a, b, sms, report):
    """30 participants of one session, each with consent to texts; both instances plan its reminders and both
    send the outbox. Each participant must get the reminder exactly once."""
    tag = uuid.uuid4().hex[:6]
    now = datetime.datetime.now(datetime.timezone.utc)
    # a 15-minute reminder due within the next minute: the session starts 15 to 16 minutes from now
    start = (now + datetime.timedelta(minutes=16)).replace(second=0, microsecond=0)
    quiet_from, quiet_until = now + datetime.timedelta(hours=6), now + datetime.timedelta(hours=7)
    counselor = created(a.post("/api/staff", {"username": f"remind-{tag}", "password": "counselor-pw",
                                              "fullName": "Rey Minder", "role": "COUNSELOR"}), "a counselor")
    program = created(a.post("/api/programs", {"name": f"Reminder program {tag}", "population": "ADULT",
                                               "timeZone": "UTC"}), "a program")
    status, body = a.put(f"/api/programs/{program}/reminder-settings", {
        "enabled": True, "leadMinutes": [15],
        "quietHours": {"from": quiet_from.strftime("%H:%M"), "until": quiet_until.strftime("%H:%M")}})
    if status != 200:
        raise RuntimeError(f"setting up the reminders: {status} {body}")
    group = created(a.post(f"/api/programs/{program}/blocks", {
        "type": "GROUP", "title": "Reminder group", "dayOfWeek": start.strftime("%A").upper(),
        "startTime": start.strftime("%H:%M"), "durationMinutes": 540, "counselorId": counselor,
        "location": "Room 9", "capacity": 40}), "the group")
    people = []
    for i in range(30):
        client = a if i % 2 else b
        p = created(client.post("/api/participants", {
            "username": f"r{i}-{tag}", "password": "participant-pw", "fullName": f"Reminded {i}",
            "dateOfBirth": "1990-01-01"}), f"participant {i}")
        status, body = client.put(f"/api/participants/{p}/consents/SMS", {"address": f"+1555{i:07d}"})
        if status != 200:
            raise RuntimeError(f"consent of participant {i}: {status} {body}")
        created(client.post(f"/api/programs/{program}/enrollments", {
            "participantId": p, "startDate": now.date().isoformat(), "blockIds": [group]}), "an enrollment")
        people.append(p)
    wanted = {f"+1555{i:07d}" for i in range(30)}
    print(f"30 reminders of a session at {start:%H:%M} UTC, planned and sent by both instances", flush=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len([c for c in sms.received() if c[1].get("to") in wanted]) < 30:
        time.sleep(1)
    time.sleep(10)  # both instances' next turns: a second send would land now
    calls = [c for c in sms.received() if c[1].get("to") in wanted]
    numbers = [c[1]["to"] for c in calls]
    report.check(len(calls) == 30 and set(numbers) == wanted,
                 "each of the 30 participants gets the reminder exactly once, with two instances planning and sending",
                 f"{len(calls)} calls to {len(set(numbers))} numbers")
    report.check(all(auth == f"Bearer {SMS_TOKEN}" for auth, _ in calls), "every call carries the webhook's token")
    report.check(all("Appointment" in c[1]["text"] and f"Reminder program {tag}" not in c[1]["text"]
                     and "group" not in c[1]["text"].lower() for c in calls),
                 "the texts are neutral: no program name, no session title")
    sent = 0
    for p in people[:5]:
        status, rows = b.get(f"/api/notifications?participantId={p}")
        sent += sum(1 for r in rows if r["kind"] == "REMINDER" and r["status"] == "SENT") if status == 200 else 0
    report.check(sent == 5, "the outbox, read through the other instance, holds one SENT reminder each", f"{sent}")


if __name__ == "__main__":
    main()
