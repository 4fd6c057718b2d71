"""The gate's verdict: whether generative image work may run, and why. It travels with the result it concerns."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

# Reason codes, stable; their wording lives in REASON_TEXT.
GRANTED = "granted"
NOT_ALLOWED = "not-allowed"
QUOTA_EXHAUSTED = "quota-exhausted"
CODE_REFUSED = "code-refused"

REASON_TEXT = {
    GRANTED: {"fr": "autorisé par le service handicap", "en": "allowed by the disability service"},
    NOT_ALLOWED: {"fr": "ce profil n'a pas l'autorisation", "en": "this profile is not allowed"},
    QUOTA_EXHAUSTED: {"fr": "le nombre d'images du jour est atteint, réessayez demain",
                      "en": "today's number of images is used up, try again tomorrow"},
    CODE_REFUSED: {"fr": "le code d'accès n'est pas valable", "en": "the access code is not valid"},
}


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reasons: tuple[str, ...]
    profile_id: str | None
    operation: str
    quota_left: int
    decided_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def explain(self, lang: str = "fr") -> str:
        return " ; ".join(REASON_TEXT[reason][lang] for reason in self.reasons)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["reasons"] = list(self.reasons)
        data["decided_at"] = self.decided_at.isoformat()
        return data
