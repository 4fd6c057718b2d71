"""Pieces every typed result shares: notices that travel with the result they concern."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Notice:
    """Something the user should know about how a result was made (a fallback, a doubt, a limit)."""

    code: str
    fr: str
    en: str

    def message(self, lang: str = "fr") -> str:
        return self.en if lang == "en" else self.fr

    def to_dict(self, lang: str = "fr") -> dict:
        return {"code": self.code, "message": self.message(lang)}
