"""What the browser tests look at, shared by every browser test module.

Each helper works on a Playwright sync `Page` that shows the app; none of them starts anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from explainer import sections
from explainer.sections import Section
from tests.support.browser import ROOT, run_count, wait_for_app

BROWSER_DIR = ROOT / "tests" / "browser"
AXE_JS = BROWSER_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"

# app.py makes the first guided section the default page: it lives at "/", not at "/start".
DEFAULT_KEY = sections.FIRST.key
PAGES: tuple[Section, ...] = sections.SECTIONS
SECTION = {s.key: s for s in PAGES}
GRID = "Grid of treatments against symptoms: main aim, may help, or not aimed at"  # the filter grid's alt
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}  # and the rest of 127.0.0.0/8


def url_of(section: Section) -> str:
    """The path a person types or bookmarks for a section."""
    return "/" if section.key == DEFAULT_KEY else f"/{section.url_path}"


# ------------------------------------------------------------------------------------------
# Console


# A deep link makes Streamlit's frontend probe `<page>/_stcore/health` and `<page>/_stcore/host-config`
# (404) before it falls back to the root: the framework's own noise, not an app error.
_PROBE = re.compile(r"^https?://[^/]+/[^?#]+/_stcore/(health|host-config)(\?.*)?$")


@dataclass
class ConsoleWatch:
    """Every console error and uncaught page error of one page, minus the known deep-link probes."""

    errors: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def attach(self, page) -> ConsoleWatch:
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)
        return self

    def detach(self, page) -> None:
        """Stop listening: the tab outlives the test (see tests/browser/conftest.py)."""
        page.remove_listener("console", self._on_console)
        page.remove_listener("pageerror", self._on_page_error)

    def _on_page_error(self, exc) -> None:
        self.errors.append(f"uncaught page error: {exc}")

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        text = f"{message.text} (at {where})" if where else message.text
        if message.text.startswith("Failed to load resource") and "404" in message.text and _PROBE.match(where):
            self.ignored.append(text)
        else:
            self.errors.append(text)

    def clear(self) -> None:
        self.errors.clear()
        self.ignored.clear()


# ------------------------------------------------------------------------------------------
# Pages


def open_url(page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    wait_for_app(page, settle_ms=0)  # a new document says "initial" until its first run: no pause needed


def sidebar_link(page, section: Section):
    return page.locator('[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]').filter(
        has_text=re.compile(rf"^\s*{re.escape(section.title)}\s*$")
    )


def click_nav(page, section: Section) -> None:
    """Go to a section the way a person does: its link in the sidebar navigation."""
    link = sidebar_link(page, section)
    link.click()
    page.wait_for_url(lambda url: urlsplit(url).path == url_of(section), timeout=15_000)
    page.wait_for_function(
        """title => [...document.querySelectorAll('[data-testid="stMain"] h1')]
                     .some(h => h.innerText.trim() === title)""",
        arg=section.title,
        timeout=30_000,
    )
    wait_for_app(page, settle_ms=0)  # the new title is on screen: the new page's run has started


def assert_visible(locator, what: str | None = None) -> None:
    """Assert that a locator finds something visible; the failure names what was looked for."""
    what = what or str(locator)
    count = locator.count()
    assert count >= 1, f"not on the page: {what}"
    assert locator.first.is_visible(), f"on the page but not visible: {what}"


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def assert_page_complete(page, section: Section, console: ConsoleWatch | None = None) -> None:
    """Title, content, every chart drawn, no exception, no 'page not found', no console error."""
    assert urlsplit(page.url).path == url_of(section), f"expected {url_of(section)}, the browser shows {page.url}"
    titles = [t.strip() for t in page.locator('[data-testid="stMain"] h1').all_inner_texts()]
    assert titles == [section.title], f"{section.key}: page titles {titles!r}"
    assert page.title(), "the browser tab has no title"

    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, f"{section.key}: exception shown: {exceptions.first.inner_text()[:500]}"
    mistakes = page.get_by_text("a content file has a mistake")
    assert mistakes.count() == 0, f"{section.key}: the page says a content file has a mistake"
    not_found = page.get_by_text("Page not found", exact=True)
    assert not_found.count() == 0, f"{section.key}: the app shows 'Page not found'"

    text = main_text(page)
    words = len(text.split())
    assert words >= 80, f"{section.key}: only {words} words on the page:\n{text[:500]}"

    charts = page.locator('[data-testid="stPlotlyChart"]')
    drawn = page.locator('[data-testid="stPlotlyChart"] .main-svg')
    for i in range(charts.count()):
        assert charts.nth(i).locator(".main-svg").count() >= 1, f"{section.key}: chart {i} was not drawn"
        if not charts.nth(i).is_visible():
            continue  # a picture drawn wide and narrow: the screen's width shows one (layout.css)
        box = charts.nth(i).bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100, f"{section.key}: chart {i} is tiny: {box}"
    assert drawn.count() >= charts.count()

    if console is not None:
        assert not console.errors, f"{section.key}: browser console errors:\n" + "\n".join(console.errors)


def assert_shared_sidebar(page) -> None:
    """The router's sidebar: every section in the navigation, and the 'Words explained' button."""
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.wait_for(state="attached", timeout=15_000)
    shown = [t.strip() for t in nav.locator('a[data-testid="stSidebarNavLink"]').all_inner_texts()]
    assert shown == [s.title for s in PAGES], f"sidebar navigation shows {shown!r}"
    groups = [t.strip() for t in nav.locator('[data-testid="stNavSectionHeader"]').all_inner_texts()]
    assert not groups, f"navigation groups {groups!r}: the list must stay flat (axe-core list rules)"
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_role("button", name=re.compile("Words explained")).count() == 1, "no 'Words explained'"


# ------------------------------------------------------------------------------------------
# Page states with every chart shown


def reveal_everything(page, section: Section) -> None:
    """Bring a page to the state where all its charts are on screen (the evidence answers,
    one treatment in the filter), so chart checks and axe see them too."""
    if section.key == "evidence":
        hidden = page.locator('[data-testid="stMain"] button:not([disabled])').filter(has_text="Show the answer")
        for _ in range(hidden.count()):
            left = hidden.count()
            if not left:
                break
            rerun_after(page, hidden.first.click)
            page.wait_for_function(
                """n => [...document.querySelectorAll('[data-testid="stMain"] button:not([disabled])')]
                          .filter(b => b.innerText.includes('Show the answer')).length < n""",
                arg=left,
            )
            wait_for_app(page)
        assert hidden.count() == 0, "some answers on the evidence page could not be shown"
    elif section.key == "aims":
        pick_pill(page, "Pick one or more treatments", "Spinal cord stimulation")


def segmented(page, label: str):
    """A segmented control (one choice, role radiogroup) by its label."""
    return page.get_by_role("radiogroup", name=label, exact=True)


def pills(page, label: str):
    """A pills widget by its label: a toolbar of toggle buttons (multi) or a radiogroup (single)."""
    return page.get_by_role("toolbar", name=label, exact=True).or_(
        page.get_by_role("radiogroup", name=label, exact=True)
    )


def pill(page, group_label: str, option: str):
    group = pills(page, group_label)
    return group.get_by_role("button", name=option, exact=True).or_(group.get_by_role("radio", name=option, exact=True))


_WATCH_RUN = """() => {
    window.__scriptRan = false;
    const app = document.querySelector('[data-testid="stApp"]');
    const seen = records => {
        for (const r of records) {
            const now = r.target.getAttribute(r.attributeName);
            if (r.oldValue === 'running' || now === 'running') window.__scriptRan = true;
        }
    };
    new MutationObserver(seen).observe(app, {attributes: true, attributeOldValue: true,
                                             attributeFilter: ['data-test-script-state']});
}"""


def rerun_after(page, action) -> None:
    """Do something that makes Streamlit rerun the script, and wait until that rerun has drawn the page.

    On a busy machine the rerun can start later than wait_for_app's short pause: watch for it first."""
    wait = _watch_run(page)
    action()
    wait()


RERUN_WAIT_S = 5  # a click that changes nothing runs nothing: then the page only has to settle


def _watch_run(page) -> Callable[[], None]:
    """Before an action: a function that waits for the rerun the action starts to be drawn. From the
    websocket where the page's runs are counted (tests/browser/conftest.py sets it up), else from
    the script-state attribute."""
    count = run_count(page)
    if count is None:
        page.evaluate(_WATCH_RUN)
        return lambda: _wait_for_attribute_run(page)
    before = count.finished

    def wait() -> None:
        if count.wait_past(page, before, RERUN_WAIT_S):
            wait_for_app(page, settle_ms=0)
        else:
            wait_for_app(page)  # no rerun: nothing changed

    return wait


def _wait_for_attribute_run(page) -> None:
    """After _WATCH_RUN and an action: wait for the rerun it started to be drawn."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # No rerun at all (nothing changed) is fine: wait_for_app still checks that the page has settled.
    try:
        page.wait_for_function("() => window.__scriptRan === true", timeout=RERUN_WAIT_S * 1000)
    except PlaywrightTimeout:
        wait_for_app(page)  # never saw it run: fall back to the harness's pause
    else:
        wait_for_app(page, settle_ms=0)


def open_topic(page, question) -> None:
    """Open the fold that holds a question's tick box (a shut topic draws none), as a click does."""
    from playwright.sync_api import expect

    main = page.locator('[data-testid="stMain"]')
    if main.get_by_role("checkbox", name=question.question).count():
        return
    from explainer_ui.fold import fold_key
    from explainer_ui.state import Keys

    fold = main.locator(f".st-key-{fold_key(Keys.question_topic(question.topic))} summary")
    rerun_after(page, fold.click)
    expect(main.get_by_role("checkbox", name=question.question)).to_be_visible()


def open_fold(page, key: str) -> None:
    """Open a fold drawn only when opened (explainer_ui.fold), as a click does; an open one stays open."""
    from explainer_ui.fold import fold_key

    details = page.locator(f'[data-testid="stMain"] .st-key-{fold_key(key)} details')
    if details.get_attribute("open") is None:
        rerun_after(page, details.locator("summary").first.click)


# The folds on a step that hold a picture (drawn only when opened), by the step's key.
PICTURE_FOLDS = {"causes": ["cause_places"]}


def open_picture_folds(page, key: str) -> None:
    """Open the step's folds that hold a picture, so that its every chart is drawn."""
    for fold in PICTURE_FOLDS.get(key, []):
        open_fold(page, fold)


# Click every shut summary in the main area that a person could click (not inside another shut
# expander or fold); say how many, and how many of them are folds drawn only when opened
# (explainer_ui.fold: the expander's container has the key fold_...).
_CLICK_SHUT = """() => {
    const shut = [...document.querySelectorAll('[data-testid="stMain"] details:not([open]) > summary')]
        .filter(s => s.getClientRects().length > 0);
    const folds = shut.filter(s => {  // a text fold (details.fold) opens in the browser: no rerun
        // The expander's own summary, not that of a text fold drawn inside an open one.
        const expander = s.closest('[data-testid="stExpander"]');
        return expander && expander.querySelector('details') === s.parentElement
            && (expander.parentElement.className || '').includes('st-key-fold_');
    });
    shut.forEach(s => s.click());
    return [shut.length, folds.length];
}"""


def open_every_fold(page, most: int = 10) -> None:
    """Open every fold and expander on the page as clicks do, outer ones first. The clicks on one
    level go together: the folds drawn only when opened share one rerun (Streamlit takes the widget
    changes that come while it runs into its next run)."""
    for _ in range(most):
        wait = _watch_run(page)
        shut, folds = page.evaluate(_CLICK_SHUT)
        if not shut:
            break
        if folds:
            wait()
        else:
            page.wait_for_timeout(150)
    else:
        raise AssertionError(f"expanders still shut after {most} rounds of clicks")
    wait_for_app(page)


def pick_pill(page, group_label: str, option: str) -> None:
    """Click one option of a pills widget and wait for the rerun."""
    rerun_after(page, pill(page, group_label, option).click)


def pick_segment(page, group_label: str, option: str) -> None:
    """Click one option of a segmented control and wait for the rerun."""
    rerun_after(page, segmented(page, group_label).get_by_role("radio", name=option, exact=True).click)


def chart_names(page) -> list[str | None]:
    return [c.get_attribute("aria-label") for c in page.locator('[data-testid="stPlotlyChart"]').all()]


# ------------------------------------------------------------------------------------------
# Accessibility


def run_axe(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (injected from node_modules)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async tags => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                                           summary: n.failureSummary, html: n.html.slice(0, 300)})),
            }));
        }""",
        AXE_TAGS,
    )
    return result


def blocking(violations: Iterable[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def describe_violations(violations: Iterable[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:10]:
            lines.append(f"    target: {node['target']}")
            lines.append(f"      html: {node['html']}")
            summary = (node["summary"] or "").replace("\n", "\n            ")
            lines.append(f"      summary: {summary}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more elements")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------
# Requests


def off_machine(urls: Iterable[str]) -> list[str]:
    """Every URL that would leave this machine (data: and blob: stay in the page)."""
    out = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"}:
            continue
        if parts.hostname not in LOOPBACK_HOSTS and not (parts.hostname or "").startswith("127."):
            out.append(url)
    return out


# Streamlit scrolls its main area (stMain), not the document: check both for sideways scrolling,
# and name the elements that stick out, so a failure says what to fix.
OVERFLOW = """() => {
    const doc = document.scrollingElement;
    const main = document.querySelector('[data-testid="stMain"]');
    const width = window.innerWidth;
    const out = {
        document: [doc.scrollWidth, width],
        main: main ? [main.scrollWidth, main.clientWidth] : null,
        culprits: [],
    };
    if (doc.scrollWidth > width + 1 || (main && main.scrollWidth > main.clientWidth + 1)) {
        for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > width + 1 && el.children.length === 0) {
                const id = el.closest('[data-testid]');
                out.culprits.push(`${el.tagName.toLowerCase()} in ${id && id.dataset.testid}: `
                    + `right edge ${Math.round(r.right)}px: ${(el.innerText || '').slice(0, 60)}`);
            }
            if (out.culprits.length >= 8) break;
        }
    }
    return out;
}"""


# The screen position of the point that carries this id (customdata) in the first shown chart.
# The screens on which test_consult_pictures opens every guided step in consult mode.
CONSULT_SCREENS = [(1920, 1080), (1366, 768)]
# The distinct top edges (rounded) of the consult bar's controls: one per line of the bar.
# (Streamlit keeps a hidden, unlaid copy of a button that has a tooltip: those have no size.)
BAR_ROWS = """() => [...new Set([...document.querySelectorAll('.st-key-consult_bar button')]
    .map(b => b.getBoundingClientRect()).filter(r => r.height > 0).map(r => Math.round(r.top / 8)))]"""


def assert_consult_fits(page, key: str, width: int, height: int) -> None:
    """A page in consult mode does not scroll sideways, and on a laptop or a wall screen (1366 px
    and wider) its consult bar is one line."""
    overflow = page.evaluate(OVERFLOW)
    doc, main = overflow["document"], overflow["main"]
    assert doc[0] <= doc[1] + 1 and (main is None or main[0] <= main[1] + 1), (
        f"{key} at {width}x{height} scrolls sideways: {overflow}"
    )
    if width >= 1366:
        rows = page.evaluate(BAR_ROWS)
        assert len(rows) == 1, f"{key} at {width}x{height}: the consult bar has rows at {rows}"


POINT_JS = """(id) => {
    const chart = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stPlotlyChart"]')]
        .find(c => c.offsetParent !== null);
    const gd = chart.querySelector('.js-plotly-plot');
    const t = gd._fullData.findIndex(tr => (tr.customdata || []).includes(id) && tr.hoverinfo !== 'skip');
    const i = gd._fullData[t].customdata.indexOf(id);
    const point = gd.querySelectorAll('g.trace.scatter')[t].querySelectorAll('path.point')[i];
    point.scrollIntoView({ block: 'center' });
    const r = point.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
}"""
