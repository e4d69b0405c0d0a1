"""Issue 15, M1 and M2: the take-home PDF arrives however many other sessions run, and is gone
once fetched. Against a running server (`streamlit run serve.py`) with headless websocket
sessions that send the browser's own messages (benchmarks/ws_client.py)."""

from __future__ import annotations

import asyncio
import io
import os
import time

import pytest

from benchmarks.ws_client import WsSession, fetch_like_browser, http_get
from tests.support.aio import run_async
from tests.support.server import PAGES, running_server


@pytest.fixture(scope="module")
def server_port():
    with running_server() as port:
        yield port


def _headers(h: dict[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in h.items()}


async def _summary(port: int, query: str = "causes=scar_tissue&treatments=physical_therapy"):
    session = WsSession(port)
    await session.__aenter__()
    await session.run("", query)
    result = await session.run("summary", query)
    assert not result.exceptions
    assert len(result.deferred_ids) == 1, "the summary page has one deferred download"
    return session, result.deferred_ids[0]


def test_pdf_survives_other_sessions_runs_then_is_gone(server_port):
    """The review's deterministic repro (0, 1, 2 runs elsewhere gave 200, 200, 404), with more runs."""

    async def scenario():
        session, file_id = await _summary(server_port)
        async with WsSession(server_port) as other:
            for runs in (0, 2, 5):
                path = await session.request_file(file_id)
                for i in range(runs):
                    await other.run(PAGES[i % len(PAGES)])
                got = await fetch_like_browser(session.base, path)
                assert [status for status, _, _ in got] == [200, 200], f"after {runs} runs elsewhere"
                for _, headers, body in got:
                    assert body.startswith(b"%PDF-")
                    assert _headers(headers)["cache-control"] == "no-store"
                # Fetched: gone for everyone, the patient's own tab included.
                assert http_get(session.base + path)[0] == 404
        await session.__aexit__()

    run_async(scenario())


def test_zero_failures_while_others_move_between_pages(server_port):
    """One tab downloads 10 times while 5 other sessions change page without a pause."""
    failures: list[str] = []

    async def mover(stop: asyncio.Event) -> int:
        moves = 0
        async with WsSession(server_port) as s:
            await s.run("")
            while not stop.is_set():
                await s.run(PAGES[moves % len(PAGES)], "causes=scar_tissue")
                moves += 1
        return moves

    async def downloader() -> None:
        session, file_id = await _summary(server_port)
        for attempt in range(10):
            path = await session.request_file(file_id)
            await asyncio.sleep(0.3)  # the browser's GETs come a moment later
            statuses = [status for status, _, _ in await fetch_like_browser(session.base, path)]
            if statuses != [200, 200]:
                failures.append(f"attempt {attempt}: {statuses}")
        await session.__aexit__()

    async def scenario() -> list[int]:
        stop = asyncio.Event()
        movers = [asyncio.create_task(mover(stop)) for _ in range(5)]
        await asyncio.sleep(1.0)
        await downloader()
        stop.set()
        return await asyncio.gather(*movers)

    moves = run_async(scenario())
    assert sum(moves) >= 20, f"the other sessions barely ran ({moves}): the test proves nothing"
    assert failures == []


def test_another_client_cannot_fetch_it_afterwards(server_port):
    async def scenario() -> None:
        session, file_id = await _summary(server_port)
        path = await session.request_file(file_id)
        await fetch_like_browser(session.base, path)
        await session.__aexit__()
        # A stranger (no cookie, no session) with the address, right after and a moment later.
        for _ in range(2):
            assert http_get(f"http://127.0.0.1:{server_port}{path}")[0] == 404
            await asyncio.sleep(0.5)

    run_async(scenario())


def test_a_pdf_fetched_once_goes_after_the_grace_time(monkeypatch):
    """Unit level: the keeper's expiry rules, with a stand-in for Streamlit's media manager."""
    import threading

    import explainer_ui.download as dl

    class Storage:
        def __init__(self):
            self.files = {"abc": object()}

        def get_file(self, filename):
            return self.files[os.path.splitext(filename)[0]]

        def get_url(self, file_id):
            self.get_file(file_id)
            return f"/media/{file_id}.pdf"

        def delete_file(self, file_id):
            del self.files[file_id]

    class Manager:
        def __init__(self):
            self._storage = Storage()
            self._lock = threading.Lock()
            self._file_metadata = {"abc": None, "other": None}

        def _get_inactive_file_ids(self):
            return set(self._file_metadata)

        def _delete_file(self, file_id):
            self._storage.delete_file(file_id)
            del self._file_metadata[file_id]

    manager = Manager()
    keeper = dl.DownloadKeeper(manager)
    keeper.hold("abc")
    assert manager._get_inactive_file_ids() == {"other"}, "a held file is never an orphan"
    manager._storage.get_url("abc")
    assert keeper.held() == {"abc"}, "get_url is not a fetch"
    manager._storage.get_file("abc.pdf")
    keeper.sweep(now=time.monotonic() + dl.GRACE_AFTER_FETCH - 1)
    assert keeper.held() == {"abc"}
    keeper.sweep(now=time.monotonic() + dl.GRACE_AFTER_FETCH + 1)
    assert keeper.held() == set() and "abc" not in manager._file_metadata

    manager._storage.files["never"] = object()
    manager._file_metadata["never"] = None
    keeper.hold("never")
    keeper.sweep(now=time.monotonic() + dl.MAX_UNFETCHED - 1)
    assert keeper.held() == {"never"}
    keeper.sweep(now=time.monotonic() + dl.MAX_UNFETCHED + 1)
    assert "never" not in manager._file_metadata, "a file no one fetched does not stay"


def test_the_file_id_is_the_one_streamlit_gives(server_port):
    """The keeper predicts the id from the bytes: the URL Streamlit returns must match it."""
    from pypdf import PdfReader

    import explainer_ui.download as dl

    async def scenario() -> None:
        session, file_id = await _summary(server_port)
        path = await session.request_file(file_id)
        (status, _, body), _ = await fetch_like_browser(session.base, path)
        assert status == 200
        assert path == f"/media/{dl.file_id_for(body, 'application/pdf', 'summary-pain-after-back-surgery.pdf')}.pdf"
        assert "summary" in PdfReader(io.BytesIO(body)).pages[0].extract_text().lower()
        await session.__aexit__()

    run_async(scenario())


def test_identical_pdfs_from_several_sessions_at_once(server_port):
    """Same choices, same second: the bytes (so the file's id) are the same for every session.
    Each download still gets its own two GETs before the file goes."""

    async def one() -> list[int]:
        session, file_id = await _summary(server_port)
        path = await session.request_file(file_id)
        got = await fetch_like_browser(session.base, path)
        await session.__aexit__()
        return [status for status, _, _ in got]

    async def scenario() -> list[list[int]]:
        return list(await asyncio.gather(*(one() for _ in range(6))))

    assert run_async(scenario()) == [[200, 200]] * 6


def test_the_summary_says_what_happens_to_the_file(fresh_caches):
    """AppTest through app.py: the button, and the note that tells the patient to press again."""
    import explainer_ui.download as dl
    from tests.support.app import make_app

    at = make_app(causes="scar_tissue")
    at.run()
    at.switch_page("app_pages/guide/summary.py").run()
    assert not at.exception
    assert dl.RETRY_NOTE in [c.value for c in at.caption]


def test_the_pdf_is_served_only_to_the_browser_that_pressed(server_port):
    """M2: behind serve.py the file is bound to the pressing browser's XSRF token (its cookie)."""
    from benchmarks.ws_client import browser_cookie

    base = f"http://127.0.0.1:{server_port}"
    mine, theirs = browser_cookie(base), browser_cookie(base)
    assert mine != theirs

    async def scenario() -> None:
        async with WsSession(server_port, cookie=mine) as session:
            await session.run("", "causes=scar_tissue")
            result = await session.run("summary", "causes=scar_tissue")
            [file_id] = result.deferred_ids
            path = await session.request_file(file_id)
            # Another browser, and no browser at all (no cookie): 404, and it does not use up the file.
            assert http_get(base + path, cookie=theirs)[0] == 404
            assert http_get(base + path)[0] == 404
            got = await fetch_like_browser(base, path, cookie=mine)
            assert [status for status, _, _ in got] == [200, 200]
            assert http_get(base + path, cookie=mine)[0] == 404, "gone once fetched"

    run_async(scenario())
