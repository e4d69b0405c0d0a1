"""Issue 15, M1/M2 and P8 in a real browser: the app served by serve.py (security headers, CSP)
draws its pages with no CSP violation and no off-machine request, cannot be framed by another
origin, and the PDF download arrives while other sessions move between pages."""

from __future__ import annotations

import asyncio
import threading

import pytest

from benchmarks.ws_client import WsSession
from tests.support.server import PAGES, running_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served():
    with running_server("serve.py") as port:
        yield port


def _wait(page) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=60_000)
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)


def test_pages_draw_under_the_csp_and_download_arrives_under_load(browser, served, tmp_path):
    base = f"http://127.0.0.1:{served}"
    stop = threading.Event()

    def movers() -> None:
        async def one() -> None:
            async with WsSession(served) as s:
                i = 0
                while not stop.is_set():
                    await s.run(PAGES[i % len(PAGES)])
                    i += 1

        async def all_of_them() -> None:
            await asyncio.gather(*(one() for _ in range(4)))

        asyncio.run(all_of_them())

    background = threading.Thread(target=movers, daemon=True)
    context = browser.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
        page.on(
            "request",
            lambda r: problems.append(r.url) if not r.url.startswith((base, "ws://127.0.0.1", "data:")) else None,
        )
        for path in ("/", "/treatment-aims", "/summary?causes=scar_tissue"):
            page.goto(base + path)
            _wait(page)
            assert page.locator("h1").count() >= 1
        background.start()
        try:
            for attempt in range(5):
                with page.expect_download(timeout=30_000) as info:
                    page.get_by_role("button", name="Download summary (PDF)").click()
                target = tmp_path / f"{attempt}.pdf"
                info.value.save_as(target)
                assert info.value.failure() is None
                assert target.read_bytes().startswith(b"%PDF-"), f"download {attempt}"
                page.wait_for_timeout(700)
        finally:
            stop.set()
            background.join(timeout=30)
        assert page.get_by_test_id("stDownloadButtonError").count() == 0
        assert problems == []

        # Another origin cannot frame the app (frame-ancestors 'none' / X-Frame-Options).
        framer = context.new_page()
        framer.set_content(f'<iframe id="f" src="{base}/summary" width="800" height="600"></iframe>')
        framer.wait_for_timeout(2000)
        frame = framer.frame_locator("#f")
        assert frame.locator('[data-testid="stApp"]').count() == 0
    finally:
        context.close()
