"""An optional package that is missing gives one clear, coded error naming what to install."""
import pytest

from atypie.errors import MissingDependency
from atypie.optional import require


def test_a_present_package_is_imported():
    assert require("json", extra="web").dumps([1]) == "[1]"


def test_a_missing_package_names_its_extra():
    with pytest.raises(MissingDependency) as caught:
        require("atypie_no_such_package.sub", extra="documents")
    message = caught.value.message("fr")
    assert "atypie_no_such_package" in message and "pip install 'atypie[documents]'" in message
    assert caught.value.exit_code == 4


def test_a_system_library_can_be_named_instead_of_the_extra():
    with pytest.raises(MissingDependency) as caught:
        require("atypie_no_such_package", extra="documents", what="WeasyPrint", fix="apt-get install -y libpango")
    assert "WeasyPrint" in caught.value.message("en") and "libpango" in caught.value.message("en")
