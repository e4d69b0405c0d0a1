"""The take-home link and its QR code, made on this machine (segno; nothing leaves it).

The public address is where patients can reach the app from their own phone. It is a setting
(`public_address` in content/settings.csv); a deployment can set it with the environment variable
`EXPLAINER_PUBLIC_ADDRESS`, which wins. Until it is set there is no QR code: a link to this computer
(localhost) opens nothing on a phone.

The link carries the patient's choices as a query string, never a name. This module does not
decide which choices or how they are written: the caller passes the query (a string or a mapping,
as explainer/selection.py makes it).
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from urllib.parse import urlencode, urlsplit

import segno

ENV_VAR = "EXPLAINER_PUBLIC_ADDRESS"
# Characters left as they are in the query, so the link stays short and readable ("causes=a,b").
SAFE_IN_QUERY = ",_-."
# A longer link makes a QR code too dense to scan from paper; beyond this we offer no code.
MAX_QR_LINK = 1200
# Hosts that mean "this computer": a link to them opens nothing on the patient's phone.
LOCAL_HOSTS = frozenset({"localhost", "::1", "0.0.0.0"})  # noqa: S104 (a name compared, not a bind)


def public_address(settings: Mapping[str, str], environ: Mapping[str, str] | None = None) -> str:
    """The address patients can reach ('' when not set or not usable).

    The environment variable wins over the setting. Only an http(s) address with a host counts;
    anything else (a typo, 'localhost', a javascript: link) reads as not set. No trailing slash."""
    environ = os.environ if environ is None else environ
    raw = (environ.get(ENV_VAR) or settings.get("public_address") or "").strip()
    return _usable(raw)


def _usable(address: str) -> str:
    if not address or any(ch.isspace() or not ch.isprintable() for ch in address):
        return ""
    parts = urlsplit(address)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or parts.query or parts.fragment:
        return ""
    if host in LOCAL_HOSTS or host.startswith("127."):
        return ""  # opens nothing on the patient's phone
    return address.rstrip("/")


def query_string(query: str | Mapping[str, str | Sequence[str]]) -> str:
    """A query string from either a ready string ('a=1&b=2', with or without '?') or a mapping
    (a list value becomes repeated keys). Empty values are left out."""
    if isinstance(query, str):
        return query.strip().lstrip("?")
    pairs: list[tuple[str, str]] = []
    for key, value in query.items():
        values = [value] if isinstance(value, str) else list(value)
        pairs.extend((key, v) for v in values if v != "")
    return urlencode(pairs, safe=SAFE_IN_QUERY)


def page_link(address: str, page: str, query: str | Mapping[str, str | Sequence[str]] = "") -> str:
    """The address of one page (its url path, e.g. 'summary'; '' for the first page, served at the
    root) with the query. With no public address, the link is relative ('summary?causes=a',
    './?causes=a'): it works on this computer only."""
    path = page.strip("/")
    qs = query_string(query)
    base = f"{address.rstrip('/')}/{path}" if address else (path or "./")
    return f"{base}?{qs}" if qs else base


def take_home_link(address: str, query: str | Mapping[str, str | Sequence[str]], page: str = "summary") -> str:
    """The link a patient takes home: the summary page at the public address with every choice."""
    return page_link(address, page, query)


def can_offer_qr(link: str) -> bool:
    """A QR code is offered only for a public (http/https) link short enough to scan from paper."""
    return link.startswith(("https://", "http://")) and len(link) <= MAX_QR_LINK


def make_qr(link: str) -> segno.QRCode:
    """The QR code for a link (error correction M: survives a crease or a smudge)."""
    return segno.make_qr(link, error="m", boost_error=False)


def qr_svg(link: str, scale: int = 4) -> bytes:
    """The QR code as an SVG image (black on white, with the quiet zone), for the summary page."""
    out = io.BytesIO()
    make_qr(link).save(out, kind="svg", scale=scale, dark="#000", light="#fff", xmldecl=False, svgns=True)
    return out.getvalue()


def qr_png(link: str, scale: int = 8) -> bytes:
    """The QR code as a PNG image (black on white, with the quiet zone)."""
    out = io.BytesIO()
    make_qr(link).save(out, kind="png", scale=scale, dark="#000", light="#fff")
    return out.getvalue()


def dark_runs(link: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The code as (modules per side, [(row, first column, run length), ...]) for the dark
    modules, runs joined along each row, without the quiet zone: what a vector drawing needs."""
    matrix = make_qr(link).matrix
    runs: list[tuple[int, int, int]] = []
    for r, row in enumerate(matrix):
        start = None
        for c, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = c
            elif not dark and start is not None:
                runs.append((r, start, c - start))
                start = None
    return len(matrix), runs


def draw_qr(pdf, link: str, x: float, y: float, size: float) -> None:
    """Draw the QR code as vector squares in an fpdf2 document, `size` wide including a quiet
    zone of 4 modules, black on white (prints in black and white)."""
    n, runs = dark_runs(link)
    module = size / (n + 8)
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x, y, size, size, style="F")
    pdf.set_fill_color(0, 0, 0)
    ox, oy = x + 4 * module, y + 4 * module
    for r, c, length in runs:
        # a hair wider than the module, so neighbouring runs leave no white seam when printed
        pdf.rect(ox + c * module, oy + r * module, length * module + 0.01, module + 0.01, style="F")
