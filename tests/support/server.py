"""A real server for tests that talk to it over HTTP and websockets: `streamlit run <script>` on a free
loopback port, stopped with its whole process group."""

from __future__ import annotations

from contextlib import contextmanager

from tests.support.browser import streamlit_server

PAGES = ["causes", "symptoms", "treatments", "treatment-aims", "evidence", "next-steps", "sources", ""]


@contextmanager
def running_server(script: str = "serve.py", env: dict[str, str] | None = None, extra: tuple[str, ...] = ()):
    """`streamlit run <script>` on a free loopback port; yields the port."""
    with streamlit_server(script, extra_args=extra, env=env) as server:
        yield server.port
