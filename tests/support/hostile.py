"""Hostile text used by the app tests and the browser tests."""

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[tap here](javascript:alert(1))"
PAYLOAD = f"Before {SCRIPT} middle {IMG} then {JS_LINK} after."

# Address values that would be Markdown if shown as Markdown: an off-machine image, a link, HTML,
# a bare web address, an autolink, Streamlit's icon and colour directives, maths.
ADDRESS_PAYLOADS = (
    "![](https://ev.il/x)",
    "[Log in](https://ev.il/)",
    "<https://ev.il/auto>",
    "https://ev.il/bare",
    "www.ev.il",
    "<img src=https://ev.il/i.png>",
    "**bold** _it_ `code`",
    ":red[alarm] :material/warning:",
    "$x^2$",
    "[x]: https://ev.il/ref",
)
