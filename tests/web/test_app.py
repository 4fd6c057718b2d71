"""`make run` serves a page: the app starts on loopback and answers over HTTP."""
import socket
import urllib.request

from atypie.web.app import launch


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_app_serves_a_page_on_loopback():
    port = _free_port()
    app = launch(port=port, block=False)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
            assert response.status == 200
            assert "<html" in response.read().decode("utf-8").lower()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/config", timeout=30) as response:
            config = response.read().decode("utf-8")
        assert "atypie" in config and "service handicap" in config
    finally:
        app.close()
