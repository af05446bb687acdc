"""Backing up and restoring the H2 file database with scripts/backup-h2.sh and scripts/restore-h2.sh.

  python3 scripts/lib/backup_restore_check.py JAR

Data written before the backup comes back, data written after it is gone, new rows get fresh ids, the
accounts can still sign in, and both scripts refuse to touch a database the service holds open.
Ends with 'N passed, N failed'; exit 1 on any failure.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import uuid

sys.path.insert(0, os.path.dirname(__file__))
from service import Client, Report, Service, all_participants  # noqa: E402

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
USER, PASSWORD = "archivist", "Backup-" + uuid.uuid4().hex[:8]


def script(name, *args, jar):
    result = subprocess.run([os.path.join(HERE, name), *args], capture_output=True, text=True,
                            env=dict(os.environ, IOP_JAR=jar))
    return result.returncode, result.stdout + result.stderr


def participant(client, username):
    return client.post("/api/participants", {"username": username, "password": "participant-pw",
                                             "fullName": "Backed Up", "dateOfBirth": "1985-05-05"})


def main():
    jar = sys.argv[1]
    work = tempfile.mkdtemp(prefix="iop-backup-")
    for key in [k for k in os.environ if k.startswith("SPRING_DATASOURCE")]:
        del os.environ[key]
    env = {"IOP_BOOTSTRAP_COORDINATOR": f"{USER}:{PASSWORD}"}
    db, backup = os.path.join(work, "data", "iop"), os.path.join(work, "backups", "iop.sql.zip")
    report = Report()
    service = None
    try:
        service = Service(jar, work, env, "first").start()
        client = Client(service.base, USER, PASSWORD)
        status, before = participant(client, "before-backup")
        report.check(status == 201, "a participant is created before the backup", str(before))
        code, out = script("backup-h2.sh", db, backup, jar=jar)
        report.check(code != 0 and "stop the service" in out, "the backup refuses while the service runs", out[-300:])
        report.check(service.stop() in (0, 143), "the service stops gracefully")

        code, out = script("backup-h2.sh", db, backup, jar=jar)
        report.check(code == 0 and os.path.getsize(backup) > 0, "the backup is taken while it is stopped", out[-300:])

        service = Service(jar, work, env, "second").start()
        client = Client(service.base, USER, PASSWORD)
        status, after = participant(client, "after-backup")
        report.check(status == 201, "a participant is created after the backup")
        code, out = script("restore-h2.sh", backup, db, jar=jar)
        report.check(code != 0 and "stop the service" in out, "the restore refuses while the service runs",
                     out[-300:])
        service.stop()

        code, out = script("restore-h2.sh", backup, db, jar=jar)
        kept = [f for f in os.listdir(os.path.dirname(db)) if "before-restore" in f]
        report.check(code == 0 and kept, "the restore runs and keeps the replaced database beside it", out[-300:])

        service = Service(jar, work, env, "restored").start()
        client = Client(service.base, USER, PASSWORD)
        status, everyone = all_participants(client)
        names = {p["username"]: p["id"] for p in everyone} if status == 200 else {}
        report.check(status == 200, "the bootstrap coordinator signs in to the restored database", str(everyone))
        report.check(names.get("before-backup") == before["id"], "what was written before the backup is back")
        report.check("after-backup" not in names, "what was written after the backup is gone")
        status, fresh = participant(client, "after-restore")
        report.check(status == 201 and fresh["id"] not in names.values(),
                     "a new participant gets a fresh id (identity sequences restored)", str(fresh))
        report.check(service.stop() in (0, 143), "the restored service stops gracefully")
    except Exception as e:
        report.check(False, "the scenario ran to the end", repr(e))
        if service:
            print(service.tail(30))
    finally:
        if service:
            service.kill()
    code = report.finish()
    if code == 0:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"logs and files kept in {work}")
    sys.exit(code)



if __name__ == "__main__":
    main()
