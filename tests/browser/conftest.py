"""Headless Chromium (Debian's, never a downloaded one) driven by Playwright, plus axe-core.

Without a browser or axe-core the browser tests are skipped on a developer's machine, with
the reason; under CI (CI=true) they fail instead, since .ci/run installs both.
"""

import os
import shutil
from pathlib import Path

import pytest

from briefs import search
from tests.conftest import load_demo_snapshot

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)

# Playwright's sync API runs an event loop in this thread; the test's own database calls
# are still synchronous, so Django's guard against async-unsafe calls must stand aside.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing():
    if not CHROMIUM:
        return "Debian's chromium is not installed (apt-get install chromium)"
    if not AXE.exists():
        return "axe-core is not installed (npm install)"
    return None


@pytest.fixture(scope="session")
def browser():
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"Browser tests cannot run in CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_site(live_server, transactional_db, demo_snapshot, settings, caplog):
    load_demo_snapshot(demo_snapshot, settings.MEDIA_ROOT)
    search.rebuild()  # load_demo's announcements, which a commit would have sent, index it
    yield live_server.url
    # Every page the test saw worked under the Content-Security-Policy: the browser
    # reported nothing blocked (website.views.csp_report logs what it reports).
    blocked = [r.getMessage() for r in caplog.records if r.name == "website.csp"]
    assert not blocked, blocked


@pytest.fixture
def axe():
    return AXE.read_text()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)

    return take
