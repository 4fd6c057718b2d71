"""`make run` serves both pages: the app starts on loopback and answers over HTTP, students at `/`, staff at
`/staff/`, French first."""
import json
import urllib.request

import pytest

from atypie.web.app import launch
from tests.services import free_port

pytestmark = pytest.mark.slow


def _read(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def test_app_serves_a_page_on_loopback():
    port = free_port()
    app = launch(port=port, block=False)
    try:
        assert "<html" in _read(f"http://127.0.0.1:{port}/").lower()
        config = _read(f"http://127.0.0.1:{port}/config")
        assert "atypie" in config and "service handicap" in config
        assert "<html" in _read(f"http://127.0.0.1:{port}/staff/").lower()
        assert "<html" in _read(f"http://127.0.0.1:{port}/staff").lower()  # redirected to /staff/
        staff = json.loads(_read(f"http://127.0.0.1:{port}/staff/config"))
        assert staff["title"] == "atypie : espace du service handicap"
    finally:
        app.close()


def test_transformations_share_one_pool_and_image_generation_runs_alone():
    from atypie.store import open_store
    from atypie.web.student import TRANSFORM, build_student

    with open_store() as store:
        limits = {fn.api_name: (fn.concurrency_limit, fn.concurrency_id) for fn in build_student(store).fns.values()}
    assert {limits[name] for name in ("simplify", "diagram", "describe")} == {("default", TRANSFORM)}
    assert limits["illustrate"] == (1, "illustrate")
    assert limits["sign_in"][0] is None and limits["read_simplify_file"][0] is None
