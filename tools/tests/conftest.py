import json
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, "build")


@pytest.fixture(scope="session")
def summary():
    path = os.path.join(BUILD, "summary.json")
    if not os.path.exists(path):
        pytest.fail("build/summary.json is missing: the notebooks were not run (./course test runs them first)")
    return {r["notebook"]: r for r in json.load(open(path))}
