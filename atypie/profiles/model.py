"""The accessibility profile: accommodations only, never a diagnosis.

Every transformation reads one profile. Unknown fields are refused (`extra="forbid"`), so no
diagnosis or other personal data can be slipped into a stored profile.
"""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..ids import check_identifier

Language = Literal["fr", "en"]
TextLevel = Literal["falc", "simple", "standard"]
NumberStyle = Literal["unchanged", "grouped", "grouped_with_words"]
Font = Literal["system", "dejavu-sans", "opendyslexic"]
Theme = Literal["light", "cream", "dark", "high-contrast"]
Direction = Literal["TB", "LR"]
Depth = Literal["short", "standard", "detailed"]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class TextPreferences(_Part):
    level: TextLevel = "standard"
    max_words_per_sentence: int = Field(25, ge=5, le=60)
    glossary: bool = False
    numbers: NumberStyle = "unchanged"
    literal_language: bool = False
    chunking: bool = False
    max_words_per_section: int = Field(200, ge=30, le=2000)


class DisplayPreferences(_Part):
    font: Font = "system"
    font_size_px: int = Field(16, ge=12, le=48)
    letter_spacing_em: float = Field(0.0, ge=0.0, le=0.5)
    word_spacing_em: float = Field(0.0, ge=0.0, le=1.0)
    line_height: float = Field(1.5, ge=1.0, le=3.0)
    paragraph_spacing_em: float = Field(1.0, ge=0.0, le=4.0)
    max_line_chars: int = Field(80, ge=30, le=120)
    theme: Theme = "light"
    syllable_colouring: bool = False
    line_focus: bool = False


class DiagramPreferences(_Part):
    max_nodes: int = Field(12, ge=3, le=40)
    direction: Direction = "TB"
    pictograms: bool = False


class DescriptionPreferences(_Part):
    depth: Depth = "standard"


class ImageGeneration(_Part):
    """Whether generative illustration may run. Only staff change this, with a reason."""

    allowed: bool = False
    reason: str | None = Field(None, max_length=500)
    approved_by: str | None = None
    approved_at: datetime | None = None
    daily_quota: int = Field(0, ge=0, le=200)

    @model_validator(mode="after")
    def _grant_is_complete(self) -> "ImageGeneration":
        if self.allowed and not (self.reason and self.approved_by and self.approved_at):
            raise ValueError("an allowed grant needs a reason, an approver and a date")
        return self


class Profile(_Part):
    id: str
    label: str = Field("", max_length=120)
    preset: str | None = None
    language: Language = "fr"
    text: TextPreferences = TextPreferences()
    display: DisplayPreferences = DisplayPreferences()
    diagram: DiagramPreferences = DiagramPreferences()
    description: DescriptionPreferences = DescriptionPreferences()
    image_generation: ImageGeneration = ImageGeneration()

    @field_validator("id")
    @classmethod
    def _safe_id(cls, value: str) -> str:
        return check_identifier(value)

    @field_validator("label")
    @classmethod
    def _printable_label(cls, value: str) -> str:
        if not value.isprintable():
            raise ValueError("the label must not contain control characters")
        return value
