"""One lock for importing torch: spaCy is loaded with torch hidden, and image generation imports torch on purpose;
neither may run while the other holds `sys.modules['torch']` in an unusual state."""
from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

torch_import_lock = threading.Lock()


@contextmanager
def without_torch() -> Iterator[None]:
    """spaCy's thinc imports torch whenever it is installed (seconds and hundreds of MB), and the French model
    needs none of it: hide torch while spaCy loads, so that text work never pays for image generation."""
    with torch_import_lock:
        if "torch" in sys.modules:
            yield
            return
        sys.modules["torch"] = None  # makes `import torch` raise ImportError, which thinc handles
        try:
            yield
        finally:
            if "torch" in sys.modules and sys.modules["torch"] is None:
                del sys.modules["torch"]
