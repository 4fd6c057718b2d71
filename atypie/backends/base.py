"""The backend interface and its registry.

A backend is a registered class that declares its id, the environment variables it needs, its typed
options and its capabilities. Work is described by a `StructuredTask`: the task knows its output
schema, its instructions for a language model, how to check an answer, and how to compute the same
result offline; a backend decides which path runs and says so in the result.
"""
from __future__ import annotations

import abc
from dataclasses import dataclass, field
from enum import Enum
from typing import ClassVar, Generic, TypeVar

from pydantic import BaseModel

from ..config import Settings
from ..errors import UnknownBackend
from ..results import Notice

T = TypeVar("T", bound=BaseModel)


class Capability(str, Enum):
    STRUCTURED_TEXT = "structured-text"  # JSON validated against a pydantic schema
    VISION = "vision"  # describe an image
    OCR = "ocr"  # read the text of an image


class StructuredTask(abc.ABC, Generic[T]):
    """One piece of generation work. `source` is course text: data, never instructions."""

    name: ClassVar[str]
    schema: ClassVar[type[BaseModel]]

    def __init__(self, source: str, lang: str = "fr", image: "ImageInput | None" = None) -> None:
        self.source = source
        self.lang = lang
        self.image = image

    @abc.abstractmethod
    def instructions(self) -> str:
        """What the model must do, in the task's language; never includes the source."""

    @abc.abstractmethod
    def offline(self) -> T:
        """The same result computed by the offline engines (rules, spaCy, Tesseract)."""

    def problems(self, answer: T) -> list[str]:
        """Reasons to reject a well-formed answer (e.g. numbers absent from the source). Empty: accepted."""
        return []


@dataclass(frozen=True)
class ImageInput:
    """An image already loaded and checked (see the vision loader), with its MIME type."""
    data: bytes
    mime: str


@dataclass(frozen=True)
class BackendResult(Generic[T]):
    value: T
    backend: str
    model: str | None = None
    notices: list[Notice] = field(default_factory=list)


@dataclass(frozen=True)
class OcrText:
    text: str
    backend: str
    model: str | None = None
    notices: list[Notice] = field(default_factory=list)


class Backend(abc.ABC):
    id: ClassVar[str]
    env_keys: ClassVar[tuple[str, ...]] = ()
    options_model: ClassVar[type[BaseModel]]
    capabilities: ClassVar[frozenset[Capability]]

    def __init__(self, options: BaseModel) -> None:
        self.options = options

    @classmethod
    @abc.abstractmethod
    def from_settings(cls, settings: Settings, env: dict[str, str] | None = None) -> "Backend":
        """Build the backend from the environment; raises `BackendNotConfigured` when something is missing."""

    @abc.abstractmethod
    def run(self, task: StructuredTask[T]) -> BackendResult[T]:
        """Run a structured task."""

    @abc.abstractmethod
    def ocr(self, image: bytes, mime: str) -> OcrText:
        """The text of an image."""


_REGISTRY: dict[str, type[Backend]] = {}


def register(cls: type[Backend]) -> type[Backend]:
    _REGISTRY[cls.id] = cls
    return cls


def available_backends() -> dict[str, type[Backend]]:
    from . import mistral, offline  # noqa: F401  (registration happens on import)

    return dict(_REGISTRY)


def get_backend(backend_id: str | None = None, settings: Settings | None = None) -> Backend:
    """The backend `backend_id` (default: ATYPIE_BACKEND, else offline), configured from the environment."""
    settings = settings or Settings.from_env()
    backends = available_backends()
    chosen = backend_id or settings.backend
    if chosen not in backends:
        raise UnknownBackend(backend=str(chosen)[:40], available=", ".join(sorted(backends)))
    return backends[chosen].from_settings(settings)
