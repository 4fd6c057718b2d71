import importlib.util
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[2] / "demos" / "profiles_and_gate" / "run.py"


@pytest.mark.slow
def test_demo_runs_and_shows_refusal_then_quota(tmp_path):
    spec = importlib.util.spec_from_file_location("demo_profiles_and_gate", DEMO)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lines = module.main(tmp_path)
    assert "refusé" in lines[1]
    assert [("autorisé —" in line) for line in lines[2:5]] == [True, True, False]
