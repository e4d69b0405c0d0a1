"""The take-home link reaches another device: the summary's QR code decodes to the link it shows, and
a patient who opens that address in a fresh browser (another "device") sees every choice, question
and teach-back topic, and no name.

The public address must be a real host name (a link to 127.0.0.1 or localhost reads as "not set"), so
this test runs its own server with EXPLAINER_PUBLIC_ADDRESS=http://clinic-explainer.test:<port> and
a Chromium that resolves that name to this machine (--host-resolver-rules); nothing leaves it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from explainer.content import load_content
from explainer.qr import ENV_VAR
from tests.support.browser import CHROMIUM_ARGS, chromium_path, free_port, streamlit_server, wait_for_app
from tests.support.pages import (
    SECTION,
    click_nav,
    main_text,
    open_topic,
    open_url,
    pick_pill,
    pick_segment,
    rerun_after,
    url_of,
)
from tests.support.paths import ROOT

pytestmark = pytest.mark.browser

HOST = "clinic-explainer.test"
NAME = "Philippa Quorndon"
SHOTS = Path(os.environ.get("TAKEUI_SHOTS", ROOT / "artifacts" / "screenshots" / "take-home"))


@pytest.fixture(scope="module")
def public_server():
    """`streamlit run app.py` on 127.0.0.1 with a public address on a made-up host name."""
    port = free_port()
    public = f"http://{HOST}:{port}"
    with streamlit_server(env={ENV_VAR: public}, port=port):
        yield public


@pytest.fixture(scope="module")
def mapped_browser(playwright_driver):
    """A Chromium that finds the made-up host on this machine (and nowhere else)."""
    executable = chromium_path()
    if executable is None:  # the suite's own browser fixture has failed in CI by now; locally, say so
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true and no Chromium: the browser tests must run in CI.", pytrace=False)
        pytest.skip("BROWSER TESTS NOT RUN: no Chromium")
    rules = f"--host-resolver-rules=MAP {HOST} 127.0.0.1, EXCLUDE localhost"
    browser = playwright_driver.chromium.launch(executable_path=executable, args=[*CHROMIUM_ARGS, rules])
    yield browser
    browser.close()


def decode_qr(png: bytes) -> list[str]:
    import zxingcpp
    from PIL import Image

    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_qr_opens_every_choice_on_another_device_and_no_name(mapped_browser, public_server):
    content = load_content()
    sleep = next(v for v in content.values if v.id == "sleep")
    scs = next(t for t in content.treatments if t.id == "spinal_cord_stimulation")
    question = content.questions[0]
    topic = next(t for t in content.teach_back if t.id == "tb_why_pain")
    sure = content.readiness[0]

    # In the clinic: the choices are made on the pages.
    clinic = mapped_browser.new_context(viewport={"width": 1366, "height": 900})
    page = clinic.new_page()
    open_url(page, public_server, url_of(SECTION["values"]) + "?treatments=spinal_cord_stimulation")
    pick_pill(page, "Pick as many as you like.", sleep.label)
    pick_segment(page, scs.name, "Not sure")
    pick_segment(page, sure.question, "No")
    click_nav(page, SECTION["next_steps"])
    main = page.locator('[data-testid="stMain"]')
    open_topic(page, question)
    rerun_after(page, main.get_by_text(question.question, exact=True).click)
    pick_pill(page, "We went over this again", "Why pain can continue")
    click_nav(page, SECTION["summary"])
    name_box = page.get_by_label("Name to print on the summary (optional)", exact=True)
    name_box.fill(NAME)
    rerun_after(page, lambda: name_box.press("Tab"))

    shown = page.locator(f'[data-testid="stMain"] a[href^="http://{HOST}"][href*="/summary?"]')
    expect(shown).to_have_count(1)
    link = shown.get_attribute("href")
    assert shown.inner_text().strip() == link
    assert NAME.split()[0] not in link and NAME.split()[1] not in link
    qr = page.locator('[data-testid="stImage"] img')
    expect(qr).to_have_count(1)
    qr.evaluate("e => e.scrollIntoView({block: 'center'})")  # not under the fixed header
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / "summary-clinic.png"), full_page=True)
    shot = qr.screenshot()
    (SHOTS / "qr-shown.png").parent.mkdir(parents=True, exist_ok=True)
    (SHOTS / "qr-shown.png").write_bytes(shot)
    assert decode_qr(shot) == [link], "the QR code holds the link the page shows"

    # The PDF the page builds holds the same choices and the same link, and the typed name.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download summary (PDF)").click()
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(download.value.path().read_bytes())).pages]
    first, everything = " ".join(pages[0].split()), " ".join(" ".join(pages).split())
    assert f"What matters most to you: {sleep.label}." in first
    assert NAME in first
    assert "Not sure" in first
    assert link.replace("&", "") in first.replace(" ", "").replace("&", ""), "page one prints the QR's link"
    assert " ".join(question.question.split()) in everything
    assert " ".join(topic.question.split()) in everything
    clinic.close()

    # At home, on a phone: a fresh context, no cookies, no session.
    phone = mapped_browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    home = phone.new_page()
    home.goto(link)
    wait_for_app(home, settle_ms=0)
    assert urlsplit(home.url).hostname == HOST
    main = home.locator('[data-testid="stMain"]')
    expect(main).to_contain_text(f"What matters most to you: {sleep.label}.")
    expect(main).to_contain_text(f"Treatments we talked about: {scs.name}.")
    expect(main).to_contain_text("Not sure")
    expect(main).to_contain_text(question.question)
    expect(main).to_contain_text(topic.question)
    expect(main).to_contain_text(f"{sure.question} No")
    expect(main.get_by_role("link", name="Why pain can continue")).to_have_count(1)
    assert NAME.split()[1] not in main_text(home)
    assert home.get_by_label("Name to print on the summary (optional)", exact=True).input_value() == ""
    SHOTS.mkdir(parents=True, exist_ok=True)
    home.screenshot(path=str(SHOTS / "phone-from-qr.png"), full_page=True)
    phone.close()
