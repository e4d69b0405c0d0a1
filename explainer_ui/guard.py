"""ASGI middleware the app's launcher (`serve.py`) puts in front of Streamlit (issue 15).

- `ForeignOriginGuard` (M7): Streamlit 1.67 answers a websocket handshake whose `Origin` is not
  the page's own by looking up the server's external IP (`net_util.get_external_ip`: a blocking
  HTTP request to checkip.amazonaws.com, on the event loop, not cached when it fails). Where
  outbound traffic is silently dropped, each such handshake froze every session for about 2 s.
  No configuration key stops it (`browser.serverAddress` and `server.corsAllowedOrigins` are
  checked around the lookup, not before it; `server.enableCORS=false` would accept any origin).
  This guard refuses those handshakes itself, with the same 403 Streamlit gives, using the same
  allow list minus the external-IP lookup, so Streamlit never reaches it.
- `SecurityHeaders` (P7, P8, P14): `Cache-Control: no-store` on `/media/` (the take-home PDF),
  a Content-Security-Policy (`frame-ancestors 'none'`, `img-src 'self' data: blob:`,
  `connect-src 'self'`), `X-Frame-Options: DENY`, `X-Content-Type-Options: nosniff`,
  `Referrer-Policy: no-referrer`; and `/_stcore/metrics` and `/_stcore/agent/` answer 404 to
  anyone but the machine itself.

- `TidyPaths` (U15, U16): `/summary/extra` (a page with extra segments) drew a blank page
  forever, because the frontend loads its scripts relative to the path; `//summary` gave a bare
  400. Both now redirect to the page itself (`/summary`), query kept. The redirect is always to
  a path on this server (one leading slash), never to another site.

A reverse proxy in front should set the same headers as well (docs/deployment.md): this is the
app's own backstop when it is run without one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlparse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "frame-ancestors 'none'; img-src 'self' data: blob:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
PRIVATE_PREFIXES = ("/_stcore/metrics", "/_stcore/agent")
# First path segments Streamlit serves itself; any other first segment is a page's address.
STREAMLIT_SEGMENTS = {"_stcore", "static", "media", "component", "app", "favicon.png", "~"}
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _strip_base(path: str) -> str:
    """The path without `server.baseUrlPath`, so the rules hold behind a path prefix too."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    if base and path.startswith(f"/{base}/"):
        return path[len(base) + 1 :]
    return path


def origin_allowed(origin: str | None, host: str | None) -> bool:
    """Streamlit's own websocket origin rule (`starlette_websocket._is_origin_allowed`), without
    the external-IP lookup: no Origin, the page's own host, loopback names, a manually set
    `browser.serverAddress`, the machine's internal IP, or `server.corsAllowedOrigins`."""
    from streamlit import config, net_util
    from streamlit.web.server import server_util

    if origin is None:
        return True
    if not config.get_option("server.enableCORS"):
        return True  # the operator chose to accept every origin; Streamlit does the same
    if urlparse(origin).netloc == host:
        return True
    hostname = urlparse(origin).hostname
    allowed = {"localhost", "0.0.0.0", "127.0.0.1"}  # noqa: S104 - names compared, nothing bound
    allowed.add(server_util._get_server_address_if_manually_set())
    allowed.add(net_util.get_internal_ip())  # a UDP socket's own address: no traffic, cached
    allowed.update(urlparse(o).hostname for o in server_util.allowlisted_origins())
    allowed.discard(None)
    return hostname in allowed


class ForeignOriginGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and not origin_allowed(_header(scope, b"origin"), _header(scope, b"host")):
            # Closing before accepting makes the server answer the handshake with 403.
            await send({"type": "websocket.close", "code": 1008})
            return
        await self.app(scope, receive, send)


def _media_allowed(scope: Scope, path: str) -> bool:
    """A take-home PDF held for one browser is served to that browser only (M2)."""
    try:
        from starlette.requests import Request
        from streamlit import runtime

        from explainer_ui.download import xsrf_token

        if not runtime.exists():
            return True
        keeper = getattr(runtime.get_instance().media_file_mgr, "_explainer_download_keeper", None)
        if keeper is None:
            return True
        file_id = path.rsplit("/", 1)[-1].split(".", 1)[0]
        token = xsrf_token(Request(scope).cookies.get("_streamlit_xsrf"))
        return keeper.may_fetch(file_id, token)
    except Exception:
        return False  # when in doubt, a held file is not served


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = _strip_base(scope.get("path", ""))
        client = (scope.get("client") or ("", 0))[0]
        if path.startswith(PRIVATE_PREFIXES) and client not in LOOPBACK:
            await send({"type": "http.response.start", "status": 404, "headers": [(b"content-type", b"text/plain")]})
            await send({"type": "http.response.body", "body": b"Not found"})
            return
        no_store = path.startswith("/media/")
        if no_store and not _media_allowed(scope, path):
            await send({"type": "http.response.start", "status": 404, "headers": [(b"cache-control", b"no-store")]})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                drop = {k.lower().encode() for k in HEADERS}
                if no_store:
                    drop |= {b"cache-control", b"expires", b"etag", b"last-modified"}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in drop]
                headers += [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
                if no_store:
                    headers += [(b"cache-control", b"no-store"), (b"pragma", b"no-cache")]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def tidy_path(path: str) -> str | None:
    """Where a page address with stray slashes or extra segments should go, or None if it is fine."""
    segments = [part for part in path.split("/") if part]
    if not segments or segments[0] in STREAMLIT_SEGMENTS or "_stcore" in segments or "static" in segments:
        return "/" if path.startswith("//") and not segments else None
    if len(segments) == 1 and not path.startswith("//"):
        return None
    return "/" + segments[0]


class TidyPaths:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD"):
            target = tidy_path(_strip_base(scope.get("path", "")))
            if target is not None:
                from streamlit import config

                base = (config.get_option("server.baseUrlPath") or "").strip("/")
                location = (f"/{base}" if base else "") + target
                query = scope.get("query_string", b"")
                if query:
                    location += "?" + query.decode("latin-1")
                await send(
                    {
                        "type": "http.response.start",
                        "status": 308,
                        "headers": [(b"location", location.encode("latin-1")), (b"content-length", b"0")],
                    }
                )
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)


def middleware() -> list:
    """The middleware list for `st.App(..., middleware=...)`: origin guard first."""
    from starlette.middleware import Middleware

    return [Middleware(ForeignOriginGuard), Middleware(SecurityHeaders), Middleware(TidyPaths)]
