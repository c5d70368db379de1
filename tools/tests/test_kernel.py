"""The course kernel as a class uses it: it starts every time, ■ (interrupt) stops a runaway cell and
the next cell runs, and shutting it down is quick. Runs whichever kernel `descent-java` is installed
(IJava where it is, otherwise rapaio-jupyter-kernel under the course's launcher)."""
import os
import subprocess
import sys
import time

import pytest
from jupyter_client.manager import KernelManager

from conftest import ROOT

STARTS = int(os.environ.get("DESCENT_KERNEL_STARTS", 20))


def test_the_kernel_starts_every_time():
    """20 sequential starts through jupyter_client, each answering a cell; `tools/kernel_starts.py
    --starts 200` is the longer measurement (see the README)."""
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "kernel_starts.py"), "--starts", str(STARTS),
                          "--timeout", "30"], capture_output=True, text=True, timeout=STARTS * 40 + 60)
    print(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"0 of {STARTS} starts hung" in run.stdout


def start_kernel():
    """A started course kernel that has answered kernel_info: (manager, client)."""
    km = KernelManager(kernel_name="descent-java")
    with open(os.devnull, "w") as quiet:
        km.start_kernel(stdout=quiet, stderr=quiet)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


@pytest.fixture(scope="module")
def kernel():
    km, kc = start_kernel()
    yield km, kc
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=True)


def run_cell(km, kc, code, interrupt_after=None, limit=20.0):
    """(status, seconds from interrupt to the cell's reply, printed text), once both the reply (shell)
    and the cell's "idle" (iopub, after its last output) have arrived, in whichever order."""
    msg_id = kc.execute(code)
    start, interrupted, printed = time.monotonic(), None, []
    reply, since, idle = None, None, False
    while reply is None or not idle:
        assert time.monotonic() - start < limit, f"no reply to {code!r} within {limit} s"
        if interrupt_after is not None and interrupted is None and time.monotonic() - start > interrupt_after:
            km.interrupt_kernel()
            interrupted = time.monotonic()
        if kc.iopub_channel.msg_ready():
            msg = kc.get_iopub_msg(timeout=1)
            if msg["parent_header"].get("msg_id") == msg_id:
                if msg["msg_type"] == "stream":
                    printed.append(msg["content"]["text"])
                idle = idle or (msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle")
            continue
        if reply is None and kc.shell_channel.msg_ready():
            msg = kc.get_shell_msg(timeout=1)
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
                since = time.monotonic() - interrupted if interrupted else None
            continue
        time.sleep(0.01)
    return reply["content"]["status"], since, "".join(printed)


@pytest.mark.parametrize("code", [
    "long spins = 0; while (true) { spins++; }",
    "while (true) { Thread.sleep(100); }",
    "while (true) { try { Thread.sleep(100); } catch (InterruptedException ignored) { } }",
], ids=["busy-loop", "sleep-loop", "loop-that-swallows-interrupts"])
def test_interrupt_stops_the_cell_and_the_next_cell_runs(kernel, code):
    km, kc = kernel
    status, seconds, _ = run_cell(km, kc, code, interrupt_after=1.0)
    assert status == "error", "an interrupted cell ends with an error"
    assert seconds < 2.0, f"the cell ended {seconds:.2f} s after the interrupt"
    status, _, printed = run_cell(km, kc, 'System.out.println("next cell " + (6 * 7));')
    assert status == "ok" and "next cell 42" in printed, (status, printed)


def test_shutdown_takes_under_a_second():
    km, kc = start_kernel()
    kc.stop_channels()
    start = time.monotonic()
    km.shutdown_kernel()
    seconds = time.monotonic() - start
    assert not km.is_alive()
    assert seconds < 1.0, f"shutdown took {seconds:.2f} s"
