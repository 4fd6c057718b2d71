"""The offline backend (default): no network, deterministic. It is not a language model: every task
runs on its own offline engine (rules, spaCy, Tesseract), and the result says `backend: "offline"`."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ..adapters import tesseract
from ..config import Settings
from .base import Backend, BackendResult, OcrText, StructuredTask, T


class OfflineOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ocr_languages: str = "fra+eng"


class OfflineBackend(Backend):
    id = "offline"

    @classmethod
    def from_settings(cls, settings: Settings, env: dict[str, str] | None = None) -> "OfflineBackend":
        return cls(OfflineOptions())

    def run(self, task: StructuredTask[T]) -> BackendResult[T]:
        return BackendResult(task.offline(), backend=self.id)

    def ocr(self, image: bytes, mime: str) -> OcrText:
        return OcrText(tesseract.ocr(image, languages=self.options.ocr_languages), backend=self.id, model="tesseract")
