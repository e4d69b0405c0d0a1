"""The content check a maintainer runs after editing content/.

    python -m explainer.check                  # the shipped content (or $EXPLAINER_CONTENT_DIR)
    python -m explainer.check --content DIR    # another copy, e.g. before deploying it

Prints every problem, one per line (file, row, field, what was expected), and exits 1; or
prints a one-line summary and exits 0. Readability is checked too when the readability
module is present: a section over the reading-grade limit is a problem like any other.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from explainer.content import Content, content_dir, load_content

# The readability module is optional here: the check works without it. These are the names
# it may use for "what is over the limit" (returns printable problems) or "every grade"
# (returns {section: grade} or (section, grade) pairs), tried in this order.
_OVER_LIMIT_NAMES = ("too_hard", "over_limit", "sections_over_limit", "problems", "check_content", "check")
_GRADES_NAMES = ("section_grades", "grades", "grade_sections", "content_grades")
_LIMIT_NAMES = ("MAX_GRADE", "GRADE_LIMIT", "MAX_GRADE_LEVEL", "LIMIT")
DEFAULT_GRADE_LIMIT = 8.0


def summary(content: Content) -> str:
    return (
        f"Content OK: {len(content.causes)} causes, {len(content.symptoms)} symptoms, "
        f"{len(content.treatments)} treatments, {len(content.links)} links, "
        f"{len(content.references)} references, {len(content.glossary)} glossary terms, "
        f"{len(content.prose)} prose blocks."
    )


def _call(function: Callable, content: Content):
    """Call with the content if the function takes an argument, else with nothing."""
    try:
        takes_argument = bool(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        takes_argument = True
    return function(content) if takes_argument else function()


def _grade_of(item) -> tuple[str, float] | None:
    if isinstance(item, tuple) and len(item) >= 2 and isinstance(item[1], int | float):
        return str(item[0]), float(item[1])
    grade = getattr(item, "grade", None)
    if isinstance(grade, int | float):
        name = getattr(item, "name", None) or getattr(item, "section", None) or str(item)
        return str(name), float(grade)
    return None


def readability_problems(content: Content) -> list[str] | None:
    """Sections over the reading-grade limit, as lines to print; None when not checked."""
    try:
        module = importlib.import_module("explainer.readability")
    except ModuleNotFoundError as err:
        if err.name in {"explainer.readability", "textstat"}:
            return None
        raise
    limit = next(
        (float(getattr(module, n)) for n in _LIMIT_NAMES if isinstance(getattr(module, n, None), int | float)),
        DEFAULT_GRADE_LIMIT,
    )
    for name in _OVER_LIMIT_NAMES:
        function = getattr(module, name, None)
        if callable(function):
            lines = []
            for item in _call(function, content) or ():
                graded = _grade_of(item)
                if graded is None:
                    lines.append(f"readability: {item}")
                elif graded[1] > limit:
                    lines.append(f"readability: {graded[0]} reads at grade {graded[1]:.1f}; the limit is {limit:g}.")
            return lines
    for name in _GRADES_NAMES:
        function = getattr(module, name, None)
        if callable(function):
            result = _call(function, content)
            items: Iterable = result.items() if isinstance(result, dict) else (result or ())
            lines = []
            for item in items:
                graded = _grade_of(item)
                if graded is not None and graded[1] > limit:
                    lines.append(f"readability: {graded[0]} reads at grade {graded[1]:.1f}; the limit is {limit:g}.")
            return lines
    print(
        "note: explainer.readability has no function this check knows "
        f"({', '.join(_OVER_LIMIT_NAMES + _GRADES_NAMES)}); readability was not checked.",
        file=sys.stderr,
    )
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m explainer.check",
        description="Check the content files: every problem with its file, row and field, or a one-line summary.",
    )
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=None,
        help="the content folder to check (default: $EXPLAINER_CONTENT_DIR or the app's content/)",
    )
    args = parser.parse_args(argv)
    folder: Path = args.content if args.content is not None else content_dir()
    if not folder.is_dir():
        print(f"{folder}: the content folder does not exist.")
        return 1

    content = load_content(folder)
    lines = [str(problem) for problem in content.problems]
    lines += readability_problems(content) or []
    if lines:
        for line in lines:
            print(line)
        print(f"{len(lines)} problem(s) in {folder}. Fix them, then run the check again.", file=sys.stderr)
        return 1
    print(summary(content))
    return 0


if __name__ == "__main__":
    sys.exit(main())
