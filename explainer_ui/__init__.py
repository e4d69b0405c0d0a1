"""The Streamlit side of the app: the only package that imports Streamlit.

data (content access and the calm problem note), state (every value that outlives a page),
text (prose, glossary words and sources), charts (one cached function per figure), frame (the
sidebar, page header and footer, consult mode, the glossary). The domain package `explainer`
never imports Streamlit; a test enforces it.
"""
