"""Browser tests: the real `python -m atypie serve` in a subprocess, on a private home, driven by headless Chromium.

One server and one browser per session; each test gets a fresh browser context (no shared cookies or state).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.services import free_port, stop, wait_for_http
from tests.web.seeding import PASSWORD, STAFF

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "tests" / "artifacts" / "screenshots"
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"
START_TIMEOUT_S = 120
expect.set_options(timeout=15_000)  # the machine may be busy: 15 s for what a person would see at once


@dataclass
class WebServer:
    """The running app and what was seeded into its database."""

    url: str
    home: Path
    log: Path
    staff_name: str = STAFF
    staff_password: str = PASSWORD
    codes: dict[str, str] = field(default_factory=dict)  # profile id -> access code
    tiny_models: bool = False  # the registry's default "nodes" model is tiny-sd, under home/models/tiny

    @property
    def staff_url(self) -> str:
        return self.url + "/staff/"


def server_env(home: Path, registry: Path | None) -> dict[str, str]:
    """The caller's environment minus anything that would point the app elsewhere, plus a private home (and the
    tiny model registry)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ATYPIE_", "MISTRAL_", "GRADIO_")) and k not in ("HTTP_PROXY", "HTTPS_PROXY")}
    env.update(ATYPIE_HOME=str(home), ATYPIE_BACKEND="offline", GRADIO_ANALYTICS_ENABLED="False",
               NO_PROXY="127.0.0.1,localhost", PYTHONUNBUFFERED="1")
    if registry is not None:
        env["ATYPIE_MODELS_REGISTRY"] = str(registry)
    return env


def seed_home(home: Path) -> dict[str, str]:
    """The web tests' seed (a staff account, "etu-images" allowed to generate images, "etu-texte" not, a revoked
    code) in the SQLite database of `home`; returns the access codes by name."""
    from atypie.store import Store
    from tests.web.seeding import seed

    with Store(f"sqlite:///{home / 'atypie.db'}") as store:
        seeded = seed(store)
        return {"etu-images": seeded.allowed, "etu-texte": seeded.plain, "revoked": seeded.revoked}


def tiny_registry(home: Path) -> Path | None:
    """A copy of the model registry whose default "nodes" model is the tiny random-weight one, which resolves to
    $ATYPIE_HOME/models/tiny/tiny-sd (built by `atypie models tiny` only in the test that generates a picture)."""
    from atypie.config import DEFAULT_MODELS_REGISTRY

    text = DEFAULT_MODELS_REGISTRY.read_text(encoding="utf-8")
    changed = re.sub(r'(?m)^nodes = "[^"]+"$', 'nodes = "tiny-sd"', text, count=1)
    if changed == text or 'id = "tiny-sd"' not in text:
        return None
    path = home / "registry-tiny.toml"
    path.write_text(changed, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def web_server():
    """`python -m atypie serve` on a free loopback port, with its own ATYPIE_HOME and a seeded SQLite database."""
    home = Path(tempfile.mkdtemp(prefix="atypie-web-"))
    codes = seed_home(home)
    registry = tiny_registry(home)
    port = free_port()
    log = home / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "atypie", "serve", "--host", "127.0.0.1", "--port", str(port)],
                                cwd=home, env=server_env(home, registry), stdout=out, stderr=subprocess.STDOUT)
    server = WebServer(url=f"http://127.0.0.1:{port}", home=home, log=log, codes=codes,
                       tiny_models=registry is not None)
    try:
        try:
            wait_for_http(server.url + "/", proc, START_TIMEOUT_S)
        except (RuntimeError, TimeoutError) as exc:
            pytest.fail(f"{exc}; server log:\n{log.read_text(errors='replace')[-4000:]}")
        yield server
    finally:
        stop(proc, 15)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright (Playwright's own browser download is not used)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        args = ["--no-sandbox", "--disable-dev-shm-usage"] if os.geteuid() == 0 else ["--disable-dev-shm-usage"]
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        try:
            yield launched
        finally:
            launched.close()


def new_page(browser, locale: str = "fr-FR"):
    """A page in a fresh context (no shared cookies or state), desktop-sized, with the browser's `locale` (Gradio's
    own strings follow it, except the drop zones, which atypie rewrites; atypie's follow its language switch)."""
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    return context.new_page()


@pytest.fixture
def page(browser):
    opened = new_page(browser)
    try:
        yield opened
    finally:
        opened.context.close()


def screenshot(page, name: str, *, publish: bool = False) -> Path:
    """Save a PNG of the page under tests/artifacts/screenshots/, and publish it when `publish` is set."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if page.locator("iframe:visible").count():
        page.wait_for_timeout(500)  # sandboxed frames paint out of process, a moment after their content is there
    page.screenshot(path=str(path), full_page=True)
    if publish:
        publish_picture(path)
    return path


def publish_picture(path: Path, *, reduce: bool = True) -> None:
    """With ATYPIE_UPDATE_SCREENSHOTS=1, copy a PNG into docs/screenshots/ (the README's pictures); `reduce` keeps
    256 colours, to keep the repository small. Normal runs never touch the tree."""
    if os.environ.get("ATYPIE_UPDATE_SCREENSHOTS") != "1":
        return
    from PIL import Image

    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if not reduce:
        shutil.copyfile(path, DOCS_SCREENSHOTS / path.name)
        return
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256).save(DOCS_SCREENSHOTS / path.name, optimize=True)
