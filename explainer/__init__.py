"""Non-UI logic of the consult explainer: content, the aims filter, cause groupings, figures, readability, handout."""
