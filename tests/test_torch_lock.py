"""spaCy is loaded with torch hidden (thinc would import it); torch comes back as soon as the block ends."""
import subprocess
import sys

PROBE = """
import sys
from atypie.torch_lock import torch_import_lock, without_torch
with without_torch():
    assert torch_import_lock.locked()
    try:
        import torch
    except ImportError:
        hidden = True
    else:
        hidden = False
assert hidden and "torch" not in sys.modules and not torch_import_lock.locked()
print("ok")
"""


def test_torch_is_hidden_inside_the_block_and_only_there():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr
