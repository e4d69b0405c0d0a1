"""The content check a maintainer runs after editing content/.

    python -m explainer.check                  # the shipped content (or $EXPLAINER_CONTENT_DIR)
    python -m explainer.check --content DIR    # another copy, e.g. before deploying it

Prints every problem, one per line (file, row, field, what was expected), and exits 1; or
prints a one-line summary and exits 0. A block over the reading-grade limit is a problem like
any other. Warnings (e.g. a phone number a clinic has not confirmed yet) are printed, each with
its setting's name, before the summary; they do not change the exit status.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explainer import readability
from explainer.content import Content, content_dir, load_content


def summary(content: Content) -> str:
    return (
        f"Content OK: {len(content.causes)} causes, {len(content.symptoms)} symptoms, "
        f"{len(content.treatments)} treatments, {len(content.links)} links, "
        f"{len(content.references)} references, {len(content.glossary)} glossary terms, "
        f"{len(content.prose)} prose blocks."
    )


def readability_problems(content: Content) -> list[str]:
    """Blocks over the reading-grade limit, as lines to print."""
    return [
        f"readability: {block.name} reads at grade {block.grade:.1f}; the limit is {readability.MAX_GRADE:g}."
        for block in readability.too_hard(content)
    ]


def warning_lines(content: Content) -> list[str]:
    return [f"warning: {warning}" for warning in content.warnings]


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
    lines += readability_problems(content)
    if lines:
        for line in lines:
            print(line)
        for line in warning_lines(content):
            print(line)
        print(f"{len(lines)} problem(s) in {folder}. Fix them, then run the check again.", file=sys.stderr)
        return 1
    for line in warning_lines(content):
        print(line)
    print(summary(content))
    return 0


if __name__ == "__main__":
    sys.exit(main())
