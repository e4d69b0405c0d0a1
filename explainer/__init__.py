"""Non-UI logic of the consult explainer: content, filters, figures, readability, handout."""
