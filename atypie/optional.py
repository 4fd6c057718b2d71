"""Optional dependencies: imported when first needed, with one clear error when they are missing.

`import atypie` loads none of them; each feature calls `require()` where it starts, and the error names the
missing package and the command that installs it (the extra of `pyproject.toml`, or a Debian package)."""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

from .errors import MissingDependency


def require(module: str, *, extra: str, what: str | None = None, fix: str | None = None) -> ModuleType:
    """`module`, imported; `MissingDependency` when it (or a system library it loads, hence OSError) is missing."""
    try:
        return import_module(module)
    except (ImportError, OSError):
        raise MissingDependency(what=what or module.split(".")[0],
                                fix=fix or f"pip install 'atypie[{extra}]'") from None
