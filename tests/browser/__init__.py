"""Real-browser tests: the app as a person sees it, in Chromium (marker: browser)."""
