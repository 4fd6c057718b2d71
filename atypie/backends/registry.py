"""The backends by id: the built-in ones, and any a deployment registers (as simonw/llm's plugins do)."""
from __future__ import annotations

from ..config import Settings
from ..errors import UnknownBackend
from .base import Backend
from .mistral import MistralBackend
from .offline import OfflineBackend

_REGISTRY: dict[str, type[Backend]] = {cls.id: cls for cls in (OfflineBackend, MistralBackend)}


def register(cls: type[Backend]) -> type[Backend]:
    """Add a backend class under its `id` (usable as a decorator)."""
    _REGISTRY[cls.id] = cls
    return cls


def available_backends() -> dict[str, type[Backend]]:
    return dict(_REGISTRY)


def get_backend(backend_id: str | None = None, settings: Settings | None = None) -> Backend:
    """The backend `backend_id` (default: ATYPIE_BACKEND, else offline), configured from the environment."""
    settings = settings or Settings.from_env()
    chosen = backend_id or settings.backend
    if chosen not in _REGISTRY:
        raise UnknownBackend(backend=str(chosen)[:40], available=", ".join(sorted(_REGISTRY)))
    return _REGISTRY[chosen].from_settings(settings)
