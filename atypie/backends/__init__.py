"""Language and vision backends: offline (the default) and Mistral, behind one small interface."""
from __future__ import annotations

from .base import Backend, BackendResult, StructuredTask
from .registry import available_backends, get_backend, register

__all__ = ["Backend", "BackendResult", "StructuredTask", "available_backends", "get_backend",
           "register"]
