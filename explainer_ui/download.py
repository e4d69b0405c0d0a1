"""A download button for files that carry personal details (the take-home PDF with a name).

Why this exists (issue 15, M1 and M2). Streamlit 1.67 keeps a deferred download (`data=callable`)
in its in-memory media store, referenced by no session. Every script run by *any* session ends
with `MediaFileManager.remove_orphaned_files()`: the first run marks the file, the second deletes
it. With other consults moving between pages, the browser's GET often came after two such runs
and got a 404 (the patient saw nothing). On a quiet server the opposite happened: the file, name
included, stayed fetchable by anyone with its address for as long as no one ran a page.

What this module does instead, for the files it builds:
- the file is made only when the button is pressed (deferred, as before), with `on_click="ignore"`
  so the press does not rerun the page;
- from the moment it is made it is *held*: orphan purges from any session skip it, so it is
  there when the browser asks for it;
- it is removed as soon as the browser has fetched it (the button's own check plus the
  download: two GETs), at most `GRACE_AFTER_FETCH` seconds after the first GET, and at most
  `MAX_UNFETCHED` seconds after it was made if it is never fetched. After that its address
  answers 404 for everyone, the patient's own tab included.
- `serve.py` adds `Cache-Control: no-store` to every `/media/` response.

The address of the file is a 128-bit hash sent only over the tab's own websocket, and it works
for a few seconds only. Behind serve.py it is also bound to the browser that pressed the
button (its XSRF cookie's token): a GET from any other browser gets 404, and does not count. Streamlit's private
`MediaFileManager` members are used on purpose (pinned to streamlit==1.67.0); tests in
tests/test_download_keeper.py fail loudly if a Streamlit upgrade changes them.

The integrator may move this file into the `explainer_ui/` package.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st

# Seconds a made file may wait for its first GET, and seconds it stays after the first GET
# (the button fetches it twice: a check and the download itself, at the same moment).
MAX_UNFETCHED = 120.0
GRACE_AFTER_FETCH = 15.0
# Two GETs (check + download) complete a download.
FETCHES_PER_DOWNLOAD = 2
_SWEEP_EVERY = 2.0
# Shown under the button: what happens to the file, and what to do if the download fails.
RETRY_NOTE = (
    "The file is made when you press the button and is gone once your browser has saved it. "
    "If nothing was saved, press the button again."
)


@dataclass
class _Hold:
    made: float
    fetches: int = 0
    first_fetch: float | None = None
    # Identical bytes made twice (two presses in the same second) share one id: each press
    # needs its own two GETs before the file goes.
    needed: int = FETCHES_PER_DOWNLOAD
    # The browsers allowed to fetch it: the XSRF token of the tab that pressed the button (its
    # cookie, constant per browser). None in the set: a press with no cookie (no binding).
    tokens: set = field(default_factory=set)

    def expired(self, now: float) -> bool:
        if self.first_fetch is not None:
            return self.fetches >= self.needed or now - self.first_fetch >= GRACE_AFTER_FETCH
        return now - self.made >= MAX_UNFETCHED


class DownloadKeeper:
    """Holds personal files in one Streamlit media manager until fetched, then removes them."""

    def __init__(self, manager: object) -> None:
        self._mgr = manager
        self._holds: dict[str, _Hold] = {}
        self._lock = threading.Lock()
        storage = manager._storage
        original_inactive = manager._get_inactive_file_ids
        original_get_file = storage.get_file

        def inactive_ids() -> set[str]:
            # Called by remove_orphaned_files with the manager's lock held.
            with self._lock:
                held = set(self._holds)
            return original_inactive() - held

        original_get_url = storage.get_url
        quiet = threading.local()

        def get_file(filename: str):
            media_file = original_get_file(filename)
            if not getattr(quiet, "on", False):  # a GET of /media/<id>.<ext>, not get_url below
                self._fetched(os.path.splitext(filename)[0])
            return media_file

        def get_url(file_id: str) -> str:
            # Streamlit's get_url looks the file up with get_file: that is not a fetch.
            quiet.on = True
            try:
                return original_get_url(file_id)
            finally:
                quiet.on = False

        manager._get_inactive_file_ids = inactive_ids
        storage.get_file = get_file
        storage.get_url = get_url
        self._sweeper = threading.Thread(target=self._sweep_forever, name="download-keeper", daemon=True)
        self._sweeper.start()

    # -- registry --
    def hold(self, file_id: str, token: bytes | None = None) -> None:
        with self._lock:
            hold = self._holds.get(file_id)
            if hold is None:
                self._holds[file_id] = _Hold(made=time.monotonic(), tokens={token})
            else:
                hold.tokens.add(token)
                hold.made = time.monotonic()
                hold.first_fetch = None
                hold.needed += FETCHES_PER_DOWNLOAD

    def may_fetch(self, file_id: str, token: bytes | None) -> bool:
        """False when the file is held for other browsers (serve.py then answers 404)."""
        with self._lock:
            hold = self._holds.get(file_id)
            return hold is None or None in hold.tokens or token in hold.tokens

    def held(self) -> set[str]:
        with self._lock:
            return set(self._holds)

    def _fetched(self, file_id: str) -> None:
        with self._lock:
            hold = self._holds.get(file_id)
            if hold is None:
                return
            hold.fetches += 1
            if hold.first_fetch is None:
                hold.first_fetch = time.monotonic()
            done = hold.fetches >= hold.needed
        if done:
            self.release(file_id)

    def release(self, file_id: str) -> None:
        """Forget the file and delete it from Streamlit's store (its address then gives 404)."""
        with self._lock:
            self._holds.pop(file_id, None)
        mgr = self._mgr
        with mgr._lock:
            if file_id in mgr._file_metadata:
                mgr._delete_file(file_id)

    def sweep(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            due = [fid for fid, hold in self._holds.items() if hold.expired(now)]
        for fid in due:
            self.release(fid)

    def _sweep_forever(self) -> None:
        while True:
            time.sleep(_SWEEP_EVERY)
            # A sweep must never kill the thread (nothing is logged: no patient data near logs);
            # the next sweep tries again.
            with contextlib.suppress(Exception):
                self.sweep()


_keepers_lock = threading.Lock()


def keeper_for(manager: object) -> DownloadKeeper | None:
    """The keeper installed on this media manager (installed once), or None if the store is not
    Streamlit's in-memory one (then Streamlit's own behaviour applies)."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    if not isinstance(getattr(manager, "_storage", None), MemoryMediaFileStorage):
        return None
    with _keepers_lock:
        keeper = getattr(manager, "_explainer_download_keeper", None)
        if keeper is None:
            keeper = DownloadKeeper(manager)
            manager._explainer_download_keeper = keeper
        return keeper


def xsrf_token(cookie_value: str | None) -> bytes | None:
    """The browser's XSRF token (stable per browser; the cookie's mask changes, the token not)."""
    if not cookie_value:
        return None
    from streamlit.web.server.starlette.starlette_app_utils import decode_xsrf_token_string

    return decode_xsrf_token_string(cookie_value)[0]


def _session_token() -> bytes | None:
    try:
        return xsrf_token(st.context.cookies.get("_streamlit_xsrf"))
    except Exception:  # no browser context (AppTest): no binding
        return None


def _current_keeper() -> DownloadKeeper | None:
    try:
        from streamlit import runtime

        if not runtime.exists():
            return None
        return keeper_for(runtime.get_instance().media_file_mgr)
    except Exception:
        return None


def file_id_for(data: bytes, mimetype: str, file_name: str) -> str:
    """The id Streamlit's in-memory store gives these bytes (its own hash function)."""
    from streamlit.runtime.memory_media_file_storage import _calculate_file_id

    return _calculate_file_id(data, mimetype, file_name)


def personal_download_button(
    label: str,
    build: Callable[[], bytes],
    *,
    file_name: str,
    mime: str = "application/pdf",
    key: str,
    **kwargs: object,
) -> None:
    """`st.download_button` for a file holding personal details: made on press, kept for this
    download only, removed once fetched. `build` runs only when the button is pressed."""
    keeper = _current_keeper()
    token = _session_token()

    def make() -> bytes:
        data = build()
        if keeper is not None:
            keeper.hold(file_id_for(data, mime, file_name), token)
        return data

    st.download_button(label, data=make, file_name=file_name, mime=mime, key=key, on_click="ignore", **kwargs)
    st.caption(RETRY_NOTE)
