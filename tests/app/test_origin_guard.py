"""Issue 15, M7 (and P7, P8, P14 at the app itself): foreign-origin websocket handshakes must not
stall the server where outbound traffic is silently dropped.

The external-IP lookup Streamlit makes for a foreign Origin is pointed (sitecustomize) at a
local port that accepts connections and never answers: the same emulation of dropped egress
the review used. `serve.py` must keep /_stcore/health under 200 ms through 20 such attempts;
plain `streamlit run app.py` is shown to stall, so the test can fail."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request

import pytest

from benchmarks.ws_client import WsSession
from tests.support.aio import run_async
from tests.support.paths import ROOT
from tests.support.server import running_server

HOSTILE_ORIGINS = [
    "https://attacker.example",
    "http://127.0.0.1.attacker.example",
    "null",
    "http://localhost.attacker.example:8501",
    "https://xn--80ak6aa92e.com",
]


@pytest.fixture(scope="module")
def black_hole():
    """A port that accepts TCP connections and never sends a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(512)
    yield server.getsockname()[1]
    server.close()


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory, black_hole):
    folder = tmp_path_factory.mktemp("site")
    (folder / "sitecustomize.py").write_text(
        f"import streamlit.net_util as n\nn._AWS_CHECK_IP = n._AWS_CHECK_IP_HTTPS = 'http://127.0.0.1:{black_hole}/'\n"
    )
    return folder


def handshake(port: int, origin: str | None, host: str | None = None) -> int:
    lines = [
        "GET /_stcore/stream HTTP/1.1",
        f"Host: {host or f'127.0.0.1:{port}'}",
        "Connection: Upgrade",
        "Upgrade: websocket",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==",
        "Sec-WebSocket-Protocol: streamlit",
    ]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        return int(s.recv(200).split(b" ")[1])


def health_during_attack(port: int, origins: list[str]) -> tuple[list[int], float]:
    statuses: list[int] = []
    worst = 0.0
    threads = [threading.Thread(target=lambda o=o: statuses.append(handshake(port, o))) for o in origins]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        start = time.perf_counter()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=60) as r:
            assert r.read() == b"ok"
        worst = max(worst, time.perf_counter() - start)
        time.sleep(0.02)
    for t in threads:
        t.join()
    return statuses, worst


def test_twenty_hostile_handshakes_leave_health_fast(site_dir):
    env = {"PYTHONPATH": str(site_dir)}
    with running_server("serve.py", env=env) as port:
        origins = [HOSTILE_ORIGINS[i % len(HOSTILE_ORIGINS)] for i in range(20)]
        statuses, worst = health_during_attack(port, origins)
        assert statuses == [403] * 20
        assert worst < 0.2, f"/_stcore/health took {worst * 1000:.0f} ms during the handshakes"
        # The page's own origin, and no Origin at all (non-browser clients), still connect.
        assert handshake(port, f"http://127.0.0.1:{port}") == 101
        assert handshake(port, f"http://localhost:{port}", host=f"localhost:{port}") == 101
        assert handshake(port, None) == 101

        async def session_works() -> None:
            async with WsSession(port) as s:
                assert not (await s.run("")).exceptions

        run_async(session_works())


def test_without_the_guard_the_server_stalls(site_dir):
    """Control: stock Streamlit (app.py, no launcher) with the same black hole stalls for seconds."""
    env = {"PYTHONPATH": str(site_dir)}
    with running_server("app.py", env=env) as port:
        statuses, worst = health_during_attack(port, ["https://attacker.example"] * 2)
        assert statuses == [403, 403]
        assert worst > 1.0, "the emulated dropped egress did not bite: this test would prove nothing"


def test_security_headers_and_private_endpoints():
    with running_server("serve.py") as port:
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(base + "/") as r:
            headers = {k.lower(): v for k, v in r.headers.items()}
        csp = headers["content-security-policy"]
        for part in ("frame-ancestors 'none'", "img-src 'self' data:", "connect-src 'self'"):
            assert part in csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        # /media/ answers no-store even for a 404 (no name is ever cached by a proxy).
        try:
            urllib.request.urlopen(base + "/media/0123456789abcdef.pdf")
        except urllib.error.HTTPError as err:
            assert err.code == 404
            assert err.headers["Cache-Control"] == "no-store"


def _respond(middleware, scope: dict) -> list[dict]:
    """What a middleware in front of an app that answers 200 sends for one request."""
    sent: list[dict] = []

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    run_async(middleware(app)(scope, receive, send))
    return sent


def test_private_endpoint_rule():
    """Metrics and the agent API answer 404 to any client but the machine itself."""
    from explainer_ui.guard import SecurityHeaders

    for path, client, status in [
        ("/_stcore/metrics", ("10.0.0.7", 5), 404),
        ("/_stcore/agent/openapi.json", ("10.0.0.7", 5), 404),
        ("/_stcore/metrics", ("127.0.0.1", 5), 200),
        ("/_stcore/health", ("10.0.0.7", 5), 200),
    ]:
        sent = _respond(SecurityHeaders, {"type": "http", "path": path, "client": client, "headers": []})
        assert sent[0]["status"] == status, path


def test_launcher_is_the_image_command():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert '"serve.py"' in dockerfile


@pytest.mark.parametrize(
    ("path", "query", "location"),
    [
        ("/summary/extra", b"", "/summary"),
        ("//summary", b"causes=scar_tissue", "/summary?causes=scar_tissue"),
        ("/treatments/a/b/c", b"", "/treatments"),
        ("//evil.example/", b"", "/evil.example"),  # a path here, never another site
    ],
)
def test_stray_page_paths_redirect_to_the_page(path, query, location):
    """U15 (/summary/extra drew a blank page) and U16 (//summary gave a bare 400)."""
    from explainer_ui.guard import TidyPaths

    scope = {"type": "http", "method": "GET", "path": path, "query_string": query, "headers": []}
    sent = _respond(TidyPaths, scope)
    assert sent[0]["status"] == 308
    assert dict(sent[0]["headers"])[b"location"].decode() == location


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/summary",
        "/summary/",
        "/static/js/x.js",
        "/summary/_stcore/health",
        "/media/a.pdf",
        "/_stcore/host-config",
    ],
)
def test_ordinary_paths_pass(path):
    from explainer_ui.guard import tidy_path

    assert tidy_path(path) is None


def test_stray_paths_on_the_running_server():
    with running_server("serve.py") as port:
        for path in ("/summary/extra", "//summary"):
            connection = socket.create_connection(("127.0.0.1", port), timeout=10)
            connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            head = connection.recv(2000).decode("latin-1")
            connection.close()
            assert head.startswith("HTTP/1.1 308"), head
            assert "location: /summary" in head.lower()
