"""Settings from the environment: the Mistral deadline and the log level, with plain refusals."""
import pytest

from atypie.config import Settings
from atypie.errors import ConfigurationError


def test_defaults_keep_interactive_calls_short_and_log_at_info():
    settings = Settings.from_env({"ATYPIE_HOME": "/tmp/atypie-test"})
    assert settings.mistral_deadline_s == 15 and settings.log_level == "INFO"


def test_values_are_read():
    settings = Settings.from_env({"ATYPIE_HOME": "/tmp/atypie-test", "ATYPIE_MISTRAL_DEADLINE_S": "2.5",
                                  "ATYPIE_LOG_LEVEL": "debug"})
    assert settings.mistral_deadline_s == 2.5 and settings.log_level == "DEBUG"


@pytest.mark.parametrize("value", ["deux", "0", "-1", "nan", "inf", "601"])
def test_a_bad_deadline_is_refused_with_a_plain_message(value):
    with pytest.raises(ConfigurationError) as caught:
        Settings.from_env({"ATYPIE_HOME": "/tmp/atypie-test", "ATYPIE_MISTRAL_DEADLINE_S": value})
    assert caught.value.code == "ATY-E041"
    assert "ATYPIE_MISTRAL_DEADLINE_S" in caught.value.message() and "secondes" in caught.value.message()


def test_a_bad_log_level_is_refused_with_the_possible_values():
    with pytest.raises(ConfigurationError) as caught:
        Settings.from_env({"ATYPIE_HOME": "/tmp/atypie-test", "ATYPIE_LOG_LEVEL": "bavard"})
    assert caught.value.code == "ATY-E041" and "DEBUG, INFO, WARNING" in caught.value.message("en")
