"""Browser fixtures: casefile served on a free loopback port, driven by Debian's Chromium via Playwright."""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium through Playwright (scripts/install_browser.sh)")


def _skip_reason() -> str | None:
    if os.environ.get("CI"):
        return None            # in CI the browser tests must run; a missing browser is a failure
    if not CHROMIUM.exists():
        return "no /usr/bin/chromium (run scripts/install_browser.sh)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Python playwright is not installed (run scripts/install_browser.sh)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _skip_reason()
    if reason:
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str, token: str | None = None):
    """Start uvicorn in a thread; returns (base URL, stop function)."""
    import uvicorn

    from casefile.web.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, token=token), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("casefile server did not start")
        time.sleep(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)

    return f"http://127.0.0.1:{port}", stop


@pytest.fixture(scope="session")
def base_url():
    from tests.test_web_helpers import web_store

    url, stop = serve(web_store())
    yield url
    stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


def shot(page, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
