"""Offline and private: across a full tour of the app, no request leaves this machine
(no telemetry, fonts, icons, favicons or CDNs). Every request's host must be the loopback address."""

import pytest

from tests.support.browser import wait_for_app
from tests.support.pages import (
    PAGES,
    click_nav,
    off_machine,
    open_every_fold,
    open_url,
    pick_segment,
    rerun_after,
    reveal_everything,
)

pytestmark = pytest.mark.browser


def test_a_full_tour_makes_no_request_off_the_machine(context, page, base_url):
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page.on("websocket", lambda ws: requests.append(ws.url))

    open_url(page, base_url, "/")
    for section in [*PAGES[1:], PAGES[0]]:
        click_nav(page, section)
        reveal_everything(page, section)  # evidence answers, the treatment grid
        if section.key == "causes":
            pick_segment(page, "Sort the causes by", "Kind of pain")
        if section.key == "aims":
            pick_segment(page, "Start from", "Symptoms")
            pill = page.get_by_role("toolbar", name="Pick one or more symptoms").get_by_role("button").first
            rerun_after(page, pill.click)
        open_every_fold(page)  # citations with links, chart tables, treatment cards

    # The shared sidebar's glossary and the app menu.
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Words explained").click()
    page.get_by_role("dialog").wait_for()
    wait_for_app(page)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Main menu").click()
    page.wait_for_timeout(500)
    page.keyboard.press("Escape")
    # A hard reload too: the favicon and every static file again.
    page.reload()
    wait_for_app(page)

    assert any(url.startswith(("ws://127.0.0.1", "ws://localhost")) for url in requests), "no websocket seen"
    assert len(requests) > 20, f"only {len(requests)} requests recorded: is the recorder working?"
    leaving = off_machine(requests)
    assert not leaving, "requests that leave the machine:\n" + "\n".join(sorted(set(leaving)))
