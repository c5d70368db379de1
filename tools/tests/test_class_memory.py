"""The course kernel sized for a class on a 2 GB server (Binder, a hub's single-user pod): each notebook's kernel
within its memory bounds, eight students running the workshop at once, the heap bound read from the container's
limit, and idle kernels shut down by the course's Jupyter server configuration. The figures come from
tools/kernel_memory.py, which measures the RSS of each kernel's process tree."""
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT

TOOL = os.path.join(ROOT, "tools", "kernel_memory.py")
PEAK_MB = 400   # any notebook's kernel while it runs
IDLE_MB = 250   # a kernel left open after its last cell
CLASS_MB = 2048  # mybinder.org's per-user memory: every notebook's kernel left open, and the runner, inside it
# The course's notebooks, as tools/kernel_memory.py finds them: chapters added to notebooks/ are counted.
NOTEBOOKS = sorted(n for n in os.listdir(os.path.join(ROOT, "notebooks")) if re.match(r"\d\d-.*\.ipynb$", n))


def measure(tmp_path, *args, timeout=900):
    out = tmp_path / "memory.json"
    run = subprocess.run([sys.executable, TOOL, "--json", str(out), *args], capture_output=True, text=True,
                         timeout=timeout)
    print(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    return json.loads(out.read_text())


def test_every_notebook_fits_its_kernel_bounds(tmp_path):
    report = measure(tmp_path)
    assert [r["notebook"] for r in report["notebooks"]] == NOTEBOOKS
    for row in report["notebooks"]:
        assert row["error"] is None, row
        assert row["peak_mb"] <= PEAK_MB, row
        assert row["idle_mb"] <= IDLE_MB, row


def test_a_student_keeps_all_kernels_open_in_2_gb(tmp_path):
    """The student's path under a real 2 GB memory cgroup (v2, else v1, else systemd-run; this machine allows a
    cgroup v1 child): every notebook executed one after another, each kernel left open, the measuring process
    inside the same limit. Nothing is killed, and the kernels' PSS adds up to less than the limit: their RSS would
    count the pages they share (the JVM's library, the class-data archives, the JDK's modules file, about 55 MB a
    kernel) once per kernel, where the container is charged for them once (the RSS total is reported beside it)."""
    out = tmp_path / "class.json"
    run = subprocess.run([sys.executable, TOOL, "--keep-open", "--memory-limit", "2G", "--json", str(out)],
                         capture_output=True, text=True, timeout=1200)
    print(run.stdout)
    if run.returncode == 3:
        pytest.skip("no memory cgroup can be made on this machine: " + run.stdout.strip())
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    report = json.loads(out.read_text())
    assert [r["notebook"] for r in report["notebooks"]] == NOTEBOOKS
    assert [r["error"] for r in report["notebooks"]] == [None] * len(NOTEBOOKS), report["notebooks"]
    assert report["open_kernels"]["alive"] == len(NOTEBOOKS), report["open_kernels"]
    assert report["open_kernels"]["total_pss_mb"] <= CLASS_MB, report["open_kernels"]
    if "cgroup" in report:  # a cgroup made by the tool (not a systemd-run scope): the kernel's own count
        assert report["cgroup"]["oom_kills"] == 0, report["cgroup"]


def test_eight_students_run_the_workshop_at_once(tmp_path):
    report = measure(tmp_path, "--only", "03", "--copies", "8", "--idle", "3")
    kernels = report["notebooks"][0]["kernels"]
    assert len(kernels) == 8
    assert [k["error"] for k in kernels] == [None] * 8, kernels
    assert max(k["peak_mb"] for k in kernels) <= PEAK_MB, kernels


def heap_bound(env, cgroup=None):
    """MaxHeapSize in MiB of a JVM started by kernel/bin/descent-jvm with this environment (in a cgroup)."""
    script = os.path.join(ROOT, "kernel", "bin", "descent-jvm")
    command = ["sh", script, "java", "-XX:+PrintFlagsFinal", "-version"]
    if cgroup:
        command = ["sh", "-c", f'echo $$ > {cgroup}/cgroup.procs && exec "$@"', "sh", *command]
    out = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True, timeout=60).stdout
    return int(re.search(r"\bMaxHeapSize\s*=\s*(\d+)", out).group(1)) // (1024 * 1024)


def test_the_heap_bound_comes_from_the_container_not_the_host():
    env = {"MEM_LIMIT": "", "DESCENT_KERNEL_HEAP_MB": ""}
    own = None
    with open("/proc/self/cgroup") as f:
        for line in f:
            number, controllers, path = line.rstrip("\n").split(":", 2)
            if "memory" in controllers.split(","):
                own = path
    limited = own is not None and os.path.exists(f"/sys/fs/cgroup/memory{own}/memory.limit_in_bytes") \
        and int(open(f"/sys/fs/cgroup/memory{own}/memory.limit_in_bytes").read()) < 2 ** 40
    if not limited:  # this machine's 24 GB are never a reason for a larger heap
        assert heap_bound(env) == 256
    assert heap_bound({**env, "MEM_LIMIT": str(2 * 1024 ** 3)}) == 256   # a 2 GB Binder: an eighth
    assert heap_bound({**env, "MEM_LIMIT": str(1024 ** 3)}) == 128       # 1 GB
    assert heap_bound({**env, "MEM_LIMIT": str(256 * 1024 ** 2)}) == 96  # never below 96 MiB
    assert heap_bound({**env, "DESCENT_KERNEL_HEAP_MB": "200"}) == 200
    group = f"/sys/fs/cgroup/memory{own}/descent-heap-test-{os.getpid()}" if own else None
    try:
        os.mkdir(group)
        with open(os.path.join(group, "memory.limit_in_bytes"), "w") as f:
            f.write(str(900 * 1024 ** 2))
    except (OSError, TypeError):
        pytest.skip("no cgroup v1 memory group can be made here; MEM_LIMIT was checked above")
    try:
        assert heap_bound(env, group) == 112  # 900 MB / 8, read from the group's own limit
    finally:
        os.rmdir(group)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_course_server_config_shuts_idle_kernels_down(tmp_path):
    """A real Jupyter server of this environment, with the installed configuration (its 20-minute timeout made
    4 s here): a kernel left idle is shut down."""
    installed = os.path.join(sys.prefix, "etc", "jupyter", "jupyter_server_config.d", "descent-course.json")
    assert json.load(open(installed)) == json.load(open(os.path.join(ROOT, "jupyter", "jupyter_server_config.json")))
    port, token = free_port(), "descent-test"
    jupyter = os.path.join(os.path.dirname(sys.executable), "jupyter")
    log = open(tmp_path / "server.log", "w")
    server = subprocess.Popen([jupyter, "server", "--no-browser", f"--port={port}", f"--ServerApp.token={token}",
                               f"--ServerApp.root_dir={tmp_path}", "--debug", "--allow-root",
                               "--MappingKernelManager.cull_idle_timeout=4", "--MappingKernelManager.cull_interval=1"],
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/api/kernels?token={token}"

    def call(method="GET", body=None):
        request = urllib.request.Request(base, method=method, data=json.dumps(body).encode() if body else None,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or "null")

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                call()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, \
                    (tmp_path / "server.log").read_text()[-2000:]
                time.sleep(0.5)
        kernel = call("POST", {"name": "descent-java"})
        assert [k["id"] for k in call()] == [kernel["id"]]
        deadline = time.monotonic() + 60
        while call() and time.monotonic() < deadline:
            time.sleep(1)
        text = (tmp_path / "server.log").read_text()
        assert call() == [], text[-2000:]
        assert "descent-course.json" in text  # the server read the course's file
        assert "culling kernel" in text.lower() or "Culling kernel" in text, text[-2000:]
    finally:
        server.terminate()
        server.wait(30)
        log.close()
