import pytest
from pydantic import ValidationError

from atypie.errors import InvalidIdentifier
from atypie.profiles.model import ImageGeneration, Profile

MEDICAL_WORDS = ("diagnos", "condition", "handicap", "disorder", "trouble", "patholog", "medical", "medic")


def _all_field_names(model) -> list[str]:
    names = []
    for name, field in model.model_fields.items():
        names.append(name)
        if hasattr(field.annotation, "model_fields"):
            names.extend(_all_field_names(field.annotation))
    return names


def test_profile_has_accommodations_only():
    names = _all_field_names(Profile)
    assert not [n for n in names if any(word in n.lower() for word in MEDICAL_WORDS)]


def test_unknown_fields_such_as_a_diagnosis_are_refused():
    with pytest.raises(ValidationError):
        Profile.model_validate({"id": "alice", "diagnosis": "dyslexie"})
    with pytest.raises(ValidationError):
        Profile.model_validate({"id": "alice", "text": {"diagnostic": "x"}})


def test_profile_id_must_be_safe():
    with pytest.raises(InvalidIdentifier):
        Profile(id="../x")


def test_label_refuses_control_characters():
    with pytest.raises(ValidationError):
        Profile(id="alice", label="bonjour\x1b[31m")


def test_an_allowed_grant_needs_reason_approver_and_date():
    with pytest.raises(ValidationError):
        ImageGeneration(allowed=True, daily_quota=5)


def test_profile_round_trips_through_json():
    profile = Profile(id="alice", label="Alice")
    assert Profile.model_validate_json(profile.model_dump_json()) == profile
