"""Changing profile settings from `key=value` strings (CLI `--set`, staff forms)."""
from __future__ import annotations

import json

from pydantic import BaseModel, ValidationError

from ..errors import ImageSettingsProtected, InvalidSetting
from .model import Profile

_PROTECTED = ("image_generation",)
_FIXED = ("id", "preset")
_BOOLEAN_WORDS = {"oui": True, "non": False, "yes": True, "no": False, "vrai": True, "faux": False}


def setting_keys() -> list[str]:
    """Every dotted key that `apply_settings` accepts, e.g. `text.max_words_per_sentence`."""
    keys: list[str] = []
    for name, field in Profile.model_fields.items():
        if name in _PROTECTED or name in _FIXED:
            continue
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            keys.extend(f"{name}.{sub}" for sub in annotation.model_fields)
        else:
            keys.append(name)
    return keys


def apply_settings(profile: Profile, assignments: list[str]) -> Profile:
    """A copy of `profile` with each `key=value` applied; raises `InvalidSetting` on any bad pair."""
    data = profile.model_dump(mode="json")
    allowed = setting_keys()
    for assignment in assignments:
        key, sep, raw = assignment.partition("=")
        key = key.strip()
        if not sep:
            raise InvalidSetting(key=key[:60], detail="écrivez la forme clé=valeur, par exemple text.glossary=oui")
        if key.split(".")[0] in _PROTECTED:
            raise ImageSettingsProtected()
        if key not in allowed:
            raise InvalidSetting(key=key[:60], detail="clé inconnue ; clés possibles : " + ", ".join(allowed))
        section, _, field = key.partition(".")
        value = _parse_value(raw.strip())
        if field:
            data[section][field] = value
        else:
            data[section] = value
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise InvalidSetting(key=where, detail=_french_reason(error)) from None


def _parse_value(raw: str) -> object:
    if raw.lower() in _BOOLEAN_WORDS:
        return _BOOLEAN_WORDS[raw.lower()]
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _french_reason(error: dict) -> str:
    ctx = error.get("ctx") or {}
    kind = error["type"]
    if kind == "literal_error":
        return "valeur non prévue ; valeurs possibles : " + str(ctx.get("expected", "")).replace(" or ", ", ")
    if kind in ("greater_than_equal", "greater_than"):
        return f"la valeur doit être au moins {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"la valeur doit être au plus {ctx.get('le', ctx.get('lt'))}"
    if kind.startswith(("int_", "float_")):
        return "un nombre est attendu"
    if kind.startswith("bool"):
        return "oui ou non est attendu"
    if kind.startswith("string_too_long"):
        return f"texte trop long (au plus {ctx.get('max_length')} caractères)"
    return "valeur non valide"
