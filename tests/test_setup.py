"""The set-up files: a second bootstrap run is a no-op, `.ci/run` calls `make test` only."""
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.exe
def test_second_bootstrap_run_installs_nothing():
    done = subprocess.run(["bash", "scripts/bootstrap.sh"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "installing" not in done.stdout and "creating" not in done.stdout


def test_ci_runs_make_test_and_nothing_else():
    lines = [line for line in (ROOT / ".ci/run").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[-1].strip() == "make test"
    assert not [line for line in lines if line.startswith(("pip", "apt", "python", "pytest"))]


def test_torch_is_pinned_to_the_local_cpu_wheel():
    text = (ROOT / "pyproject.toml").read_text() + (ROOT / "scripts/bootstrap.sh").read_text()
    assert '"torch==2.13.0"' in text and "pillow<13" in text
