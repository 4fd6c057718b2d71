import pytest

from atypie.backends import Capability, available_backends, get_backend
from atypie.errors import BackendNotConfigured, UnknownBackend

from .summary_task import SummaryTask


def test_offline_is_the_default_and_runs_the_task_offline():
    backend = get_backend()
    assert backend.id == "offline"
    result = backend.run(SummaryTask("Le cœur pompe le sang. Il a quatre cavités."))
    assert result.backend == "offline" and result.value.summary == "Le cœur pompe le sang."
    assert result.notices == []


def test_backends_declare_their_keys_options_and_capabilities():
    backends = available_backends()
    assert set(backends) == {"offline", "mistral"}
    assert backends["mistral"].env_keys == ("MISTRAL_API_KEY", "MISTRAL_SERVER_URL")
    assert Capability.VISION in backends["mistral"].capabilities
    assert "chat_model" in backends["mistral"].options_model.model_fields
    assert backends["offline"].env_keys == ()


def test_unknown_backend_is_a_usage_error():
    with pytest.raises(UnknownBackend) as caught:
        get_backend("gpt")
    assert caught.value.exit_code == 2


def test_mistral_without_a_key_is_a_configuration_error():
    with pytest.raises(BackendNotConfigured) as caught:
        get_backend("mistral")
    assert caught.value.exit_code == 4 and "MISTRAL_API_KEY" in caught.value.message()


def test_bad_mistral_options_name_the_variable(monkeypatch):
    monkeypatch.setenv("MISTRAL_API_KEY", "k")
    monkeypatch.setenv("ATYPIE_MISTRAL_TIMEOUT_S", "bientôt")
    with pytest.raises(BackendNotConfigured) as caught:
        get_backend("mistral")
    assert "ATYPIE_MISTRAL_TIMEOUT_S" in caught.value.message()


def test_backend_from_the_environment(monkeypatch):
    monkeypatch.setenv("ATYPIE_BACKEND", "mistral")
    monkeypatch.setenv("MISTRAL_API_KEY", "k")
    assert get_backend().id == "mistral"
