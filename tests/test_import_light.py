"""`import atypie` must stay light: no heavy library, and fast."""
import json
import subprocess
import sys

import pytest

HEAVY = ("torch", "diffusers", "transformers", "gradio", "spacy", "sqlalchemy", "pydantic", "PIL")

PROBE = """
import json, sys, time
start = time.perf_counter()
import atypie
elapsed = time.perf_counter() - start
print(json.dumps({"elapsed": elapsed, "modules": sorted(sys.modules)}))
"""


def _probe() -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_import_loads_no_heavy_module():
    loaded = set(_probe()["modules"])
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}


def test_import_takes_under_300_ms():
    best = min(_probe()["elapsed"] for _ in range(3))
    assert best < 0.3, f"import atypie took {best:.3f} s"


def test_public_names_resolve_lazily():
    import atypie

    for name in atypie.__all__:
        assert getattr(atypie, name) is not None


def test_lazy_table_matches_all():
    import atypie

    assert set(atypie.__all__) - {"__version__"} == set(atypie._LAZY)


TEXT_COMMANDS = """
import json, sys, tempfile
from pathlib import Path
from atypie.cli import main

folder = Path(tempfile.mkdtemp())
course = folder / "cours.txt"
course.write_text("La digestion commence dans la bouche. Ensuite, l'estomac broie les aliments.\\n", encoding="utf-8")
codes = [main(["simplify", str(course)]), main(["check", str(course)]),
         main(["diagram", str(course), "-o", str(folder / "d.png")]),
         main(["describe", str(folder / "d.png")]),
         main(["illustrate", str(course), "--profile", "standard", "-o", str(folder / "i.png")])]
modules = sorted(sys.modules)
import torch  # still importable afterwards, for a later permitted illustration in the same process
print(json.dumps({"codes": codes, "modules": modules}), file=sys.stderr)
"""


@pytest.mark.slow
def test_text_commands_and_refused_illustrations_never_load_torch_or_diffusers(tmp_path):
    env = {**__import__("os").environ, "ATYPIE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", TEXT_COMMANDS], capture_output=True, text=True, env=env,
                          check=True, timeout=240)
    probe = json.loads(done.stderr.strip().splitlines()[-1])
    assert probe["codes"] == [0, 0, 0, 0, 3]
    assert not {m for m in probe["modules"] if m.split(".")[0] in ("torch", "diffusers", "transformers")}
