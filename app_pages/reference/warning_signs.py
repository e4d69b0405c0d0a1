"""When to get help: the full list of warning signs in three tiers, most urgent first, each with
what to do and the numbers to call. Every page's banner links here."""

from explainer_ui import text
from explainer_ui.data import get_content

text.warning_signs(get_content(), heading=False)
