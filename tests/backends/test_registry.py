import pytest

from atypie.backends import available_backends, get_backend, register
from atypie.errors import BackendNotConfigured, UnknownBackend

from .summary_task import SummaryTask


def test_offline_is_the_default_and_runs_the_task_offline():
    backend = get_backend()
    assert backend.id == "offline"
    result = backend.run(SummaryTask("Le cœur pompe le sang. Il a quatre cavités."))
    assert result.backend == "offline" and result.value.summary == "Le cœur pompe le sang."
    assert result.notices == []


def test_the_built_in_backends_are_registered_and_a_deployment_can_add_one(monkeypatch):
    from atypie.backends import registry
    from atypie.backends.offline import OfflineBackend

    assert set(available_backends()) == {"offline", "mistral"}
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))

    @register
    class LocalBackend(OfflineBackend):
        id = "local"

    assert get_backend("local").id == "local" and "local" in available_backends()


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
