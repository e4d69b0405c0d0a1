"""Performance benchmark of the explainer against a bare Streamlit app (see README)."""
