"""A small structured task for exercising backends: a one-sentence summary that must add no number."""
from __future__ import annotations

from pydantic import BaseModel, Field

from atypie.backends.base import StructuredTask
from atypie.language.numbers import values


class Summary(BaseModel):
    summary: str = Field(max_length=500)


class SummaryTask(StructuredTask[Summary]):
    name = "summary"
    schema = Summary

    def instructions(self) -> str:
        return "Résume le document en une phrase courte, sans ajouter d'information."

    def offline(self) -> Summary:
        return Summary(summary=self.source.split(".")[0].strip() + ".")

    def problems(self, answer: Summary) -> list[str]:
        added = values(answer.summary, "fr") - values(self.source, "fr")
        return [f"numbers not in the document: {', '.join(sorted(added))}"] if added else []
