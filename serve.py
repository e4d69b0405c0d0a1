"""Launcher for a real deployment: `streamlit run serve.py` (the Dockerfile's command).

It serves the same app as `streamlit run app.py`, with the middleware from `explainer_ui/guard.py`
in front: foreign-origin websocket handshakes refused without Streamlit's external-IP lookup
(issue 15 M7), `Cache-Control: no-store` on `/media/`, security headers, and the metrics and
agent endpoints closed to all but the machine itself.
"""

import streamlit as st

from explainer_ui.guard import middleware

app = st.App("app.py", middleware=middleware())

if __name__ == "__main__":
    app.run()
