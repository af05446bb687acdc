"""Starting the service's jar and talking to it over HTTP, for the scripts under scripts/ (stdlib only)."""
import base64
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def java_args(jar):
    """The fast start (scripts/pack.sh: Spring AOT with its CDS archive in target/app) when it was packed from this
    jar or later, else the plain jar. An archive older than the jar is ignored by the JVM, and the AOT code may no
    longer match the jar's classes, so it is only used when it is newer."""
    jar = os.path.abspath(jar)
    app = os.path.join(os.path.dirname(jar), "app")
    archive, packed = os.path.join(app, "app.jsa"), os.path.join(app, os.path.basename(jar))
    if os.path.isfile(archive) and os.path.isfile(packed) and os.path.getmtime(archive) > os.path.getmtime(jar):
        return [f"-XX:SharedArchiveFile={archive}", "-Dspring.aot.enabled=true", "-jar", packed]
    return ["-jar", jar]


class Service:
    """One running instance of the jar (started the fast way when it is packed, see java_args). env adds to (or
    overrides) the environment it starts with."""

    def __init__(self, jar, workdir, env, name="service"):
        self.jar, self.workdir, self.name = jar, workdir, name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, SERVER_PORT=str(self.port), SERVER_ADDRESS="127.0.0.1", **env)
        self.log_path = os.path.join(workdir, f"{name}.log")
        self.process = None

    def start(self, timeout=180):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(["java", "-Xmx384m", *java_args(self.jar)],
                                        cwd=self.workdir, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited during start-up:\n{self.tail()}")
            try:
                with urllib.request.urlopen(self.base + "/actuator/health/readiness", timeout=2) as r:
                    if b'"UP"' in r.read():
                        return self
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} not ready after {timeout} s:\n{self.tail()}")

    def kill(self):
        """SIGKILL: no shutdown hook, no flush, as when the machine or the container dies."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self, timeout=60):
        """SIGTERM: the graceful shutdown an orchestrator asks for."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.process.returncode if self.process else None

    def tail(self, lines=40):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""


class Client:
    """HTTP Basic JSON calls; answers (status, parsed body). Never raises for an HTTP status."""

    def __init__(self, base, user, password):
        self.base = base
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def call(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", self.auth)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, _parse(response.read())
        except urllib.error.HTTPError as e:
            return e.code, _parse(e.read())

    def get(self, path):
        return self.call("GET", path)

    def post(self, path, body):
        return self.call("POST", path, body)

    def put(self, path, body):
        return self.call("PUT", path, body)


def _parse(raw):
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return raw.decode(errors="replace")


class Report:
    """ok/FAIL lines and the closing 'N passed, N failed'."""

    def __init__(self):
        self.passed = self.failed = 0

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
            print(f"  ok   {what}", flush=True)
        else:
            self.failed += 1
            print(f"  FAIL {what}" + (f": {detail}" if detail else ""), flush=True)
        return condition

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        return 0 if self.failed == 0 and self.passed > 0 else 1



def all_participants(client):
    """Every participant, a page at a time (the list comes in pages of at most 500)."""
    everyone, page = [], 0
    while True:
        status, batch = client.get(f"/api/participants?size=500&page={page}")
        if status != 200:
            return status, batch
        everyone += batch
        if len(batch) < 500:
            return 200, everyone
        page += 1
