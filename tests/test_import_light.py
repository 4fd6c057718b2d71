"""`import atypie` must stay light: no heavy library, and fast."""
import json
import subprocess
import sys

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
