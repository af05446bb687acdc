"""Acknowledged writes survive SIGKILL on the default H2 file database.

  python3 scripts/lib/durability.py JAR [SECONDS_OF_WRITES]

Starts the jar in an empty directory with the default settings (the H2 file database under ./data), streams
participant creations from four threads, kills the process with SIGKILL while requests are in flight, starts
it again and checks that every write that was answered 201 is there. Repeats three times on the same files.
Ends with 'N passed, N failed'; exit 1 on any failure.
"""
import os
import shutil
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(__file__))
from service import Client, Report, Service, all_participants  # noqa: E402

USER, PASSWORD = "keeper", "Durability-" + uuid.uuid4().hex[:8]
ROUNDS, WRITERS = 3, 4


def main():
    jar = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 6
    work = tempfile.mkdtemp(prefix="iop-durability-")
    # no SPRING_DATASOURCE_URL: the shipped default (jdbc:h2:file:./data/iop...) is what is under test
    env = {"IOP_BOOTSTRAP_COORDINATOR": f"{USER}:{PASSWORD}"}
    env_clean = {k: v for k, v in os.environ.items() if not k.startswith("SPRING_DATASOURCE")}
    os.environ.clear()
    os.environ.update(env_clean)
    report = Report()
    acknowledged = {}
    service = None
    try:
        for round_ in range(1, ROUNDS + 1):
            service = Service(jar, work, env, f"round-{round_}").start()
            client = Client(service.base, USER, PASSWORD)
            if acknowledged:
                check_all_there(client, acknowledged, report, f"after SIGKILL {round_ - 1}")
            new = stream_then_kill(service, client, seconds, round_)
            report.check(len(new) >= 10, f"round {round_}: writes were acknowledged before the kill",
                         f"only {len(new)}")
            acknowledged.update(new)
        service = Service(jar, work, env, "final").start()
        check_all_there(Client(service.base, USER, PASSWORD), acknowledged, report, f"after SIGKILL {ROUNDS}")
        report.check(service.stop() in (0, 143), "the last start shuts down gracefully on SIGTERM")
    except Exception as e:
        report.check(False, "the scenario ran to the end", repr(e))
        if service:
            print(service.tail(30))
    finally:
        if service:
            service.kill()
    print(f"{len(acknowledged)} acknowledged writes in {ROUNDS} rounds", flush=True)
    code = report.finish()
    if code == 0:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"logs and files kept in {work}")
    sys.exit(code)


def stream_then_kill(service, client, seconds, round_):
    """Writers create participants until the kill; answers {username: id} of those answered 201."""
    acknowledged, lock, stop = {}, threading.Lock(), threading.Event()

    def writer(w):
        n = 0
        while not stop.is_set():
            username = f"r{round_}-w{w}-{n}-{uuid.uuid4().hex[:6]}"
            n += 1
            try:
                status, body = client.post("/api/participants", {"username": username, "password": "participant-pw",
                                                                 "fullName": "Durable Dana", "dateOfBirth": "1990-01-01"})
            except OSError:
                return  # the connection died with the process: this write was never acknowledged
            if status == 201:
                with lock:
                    acknowledged[username] = body["id"]

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        for w in range(WRITERS):
            pool.submit(writer, w)
        time.sleep(seconds)
        # kill right after an acknowledgement, while the other writers are mid-request
        with lock:
            count = len(acknowledged)
        while True:
            with lock:
                if len(acknowledged) > count:
                    break
            time.sleep(0.001)
        service.kill()
        stop.set()
    print(f"round {round_}: SIGKILL after {len(acknowledged)} acknowledged writes", flush=True)
    return acknowledged


def check_all_there(client, acknowledged, report, when):
    status, everyone = all_participants(client)
    found = {p["username"]: p["id"] for p in everyone} if status == 200 else {}
    missing = [u for u, i in acknowledged.items() if found.get(u) != i]
    report.check(status == 200 and not missing,
                 f"{when}: all {len(acknowledged)} acknowledged participants are there with their ids",
                 f"status {status}, {len(missing)} missing, e.g. {missing[:3]}")



if __name__ == "__main__":
    main()
