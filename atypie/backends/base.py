"""The backend interface (the registry is `registry.py`).

A backend is a class with an id, built from the settings and the environment, with typed options. Work is
described by a `StructuredTask`: the task knows its output schema, its instructions for a language model, how to
check an answer, and how to compute the same result offline; a backend decides which path runs and says so in the
result.
"""
from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import ClassVar, Generic, TypeVar

from pydantic import BaseModel

from ..config import Settings
from ..results import Notice

T = TypeVar("T", bound=BaseModel)


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
