"""A headless Streamlit session over one websocket: sends the browser's own BackMsg protobufs.

Used by benchmarks/load_test.py and the download and origin tests. It does what a tab does,
without drawing anything: start a run of a page (with a query string), wait for the run to
finish, read the page's elements (titles, download buttons), ask for a deferred download the
way the download button does, then fetch the file over HTTP twice (the button's own check
and the download itself). Loopback only.
"""

from __future__ import annotations

import asyncio
import itertools
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackendOperationRequest, BackMsg, DeferredFileRequestPayload
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

_request_ids = itertools.count(1)


@dataclass
class RunResult:
    seconds: float
    exceptions: list[str] = field(default_factory=list)
    deferred_ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


class WsSession:
    def __init__(self, port: int, host: str = "127.0.0.1", cookie: str | None = None) -> None:
        self.cookie = cookie  # e.g. "_streamlit_xsrf=...": what a browser sends with the handshake
        self.base = f"http://{host}:{port}"
        self.url = f"ws://{host}:{port}/_stcore/stream"
        self.ws = None
        self.session_id = ""
        self.pages: dict[str, str] = {}  # url path ("" for start) -> page script hash
        self.current_hash = ""

    async def __aenter__(self) -> WsSession:
        headers = {"Cookie": self.cookie} if self.cookie else None
        self.ws = await websockets.connect(
            self.url, subprotocols=["streamlit"], max_size=None, open_timeout=30, additional_headers=headers
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def _send(self, msg: BackMsg) -> None:
        await self.ws.send(msg.SerializeToString())

    async def run(self, page: str = "", query: str = "", timeout: float = 60) -> RunResult:
        """Run `page` (its url path, "" for the start page) with `query`; wait for the end."""
        state = ClientState(query_string=query, page_script_hash=self.pages.get(page, ""), page_name=page)
        msg = BackMsg()
        msg.rerun_script.CopyFrom(state)
        start = time.perf_counter()
        await self._send(msg)
        result = RunResult(seconds=0.0)
        deadline = start + timeout
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), max(0.1, deadline - time.perf_counter()))
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.session_id = fwd.new_session.initialize.session_id or self.session_id
            elif kind == "navigation":
                for app_page in fwd.navigation.app_pages:
                    self.pages[app_page.url_pathname] = app_page.page_script_hash
                self.current_hash = fwd.navigation.page_script_hash
            elif kind == "delta":
                self._read_delta(fwd, result)
            elif kind == "script_finished":
                result.seconds = time.perf_counter() - start
                return result

    @staticmethod
    def _read_delta(fwd: ForwardMsg, result: RunResult) -> None:
        delta = fwd.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            result.exceptions.append(element.exception.message or element.exception.type)
        elif kind == "download_button" and element.download_button.deferred_file_id:
            result.deferred_ids.append(element.download_button.deferred_file_id)
        elif kind in ("markdown", "heading"):
            result.texts.append(getattr(element, kind).body)

    async def request_file(self, file_id: str, timeout: float = 60) -> str:
        """What the download button does on a press: returns the file's URL path (or raises)."""
        request_id = f"r{next(_request_ids)}"
        msg = BackMsg()
        msg.backend_operation_request.CopyFrom(
            BackendOperationRequest(
                request_id=request_id,
                session_id=self.session_id,
                deferred_file=DeferredFileRequestPayload(file_id=file_id),
            )
        )
        await self._send(msg)
        deadline = time.perf_counter() + timeout
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), max(0.1, deadline - time.perf_counter()))
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            if fwd.WhichOneof("type") != "backend_operation_response":
                continue
            response = fwd.backend_operation_response
            if response.request_id != request_id:
                continue
            if response.error_msg:
                raise RuntimeError(f"deferred file refused: {response.error_msg}")
            return response.deferred_file.url


def http_get(url: str, timeout: float = 30, cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body); 4xx/5xx come back as a status, not an exception."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers.items()), b""


async def fetch_like_browser(
    base: str, path: str, cookie: str | None = None
) -> list[tuple[int, dict[str, str], bytes]]:
    """The two GETs a browser makes after a press: the button's check and the download."""
    url = base + path if path.startswith("/") else f"{base}/{path}"
    return list(await asyncio.gather(*(asyncio.to_thread(http_get, url, 30, cookie) for _ in range(FETCHES_PER_PRESS))))


FETCHES_PER_PRESS = 2


def browser_cookie(base: str) -> str:
    """The XSRF cookie a browser gets before it connects (one per browser)."""
    _, headers, _ = http_get(base + "/_stcore/health")  # the frontend asks it before connecting
    raw = next(v for k, v in headers.items() if k.lower() == "set-cookie" and "_streamlit_xsrf" in v)
    return raw.split(";", 1)[0]
