import json
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, "build")


def pytest_terminal_summary(terminalreporter):
    """Says which kernel `descent-java` ran the tests (tools/kernel.py writes it into the kernelspec's metadata);
    printed with -q too."""
    import sys
    path = os.path.join(sys.prefix, "share", "jupyter", "kernels", "descent-java", "kernel.json")
    kind = json.load(open(path)).get("metadata", {}).get("descent_kernel", "unknown") if os.path.exists(path) \
        else "not installed"
    terminalreporter.write_line(f"descent-java kernel: {kind}")


@pytest.fixture(scope="session")
def summary():
    path = os.path.join(BUILD, "summary.json")
    if not os.path.exists(path):
        pytest.fail("build/summary.json is missing: the notebooks were not run (./course test runs them first)")
    return {r["notebook"]: r for r in json.load(open(path))}
