"""Running the project's own commands (`python -m explainer.check` ...) as a maintainer does."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.paths import ROOT


def run_module(module: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m module args` from the project folder, without the caller's EXPLAINER_CONTENT_DIR
    unless `env` sets it again."""
    environment = {k: v for k, v in os.environ.items() if k != "EXPLAINER_CONTENT_DIR"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_check(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m explainer.check args`: the content check a maintainer runs after editing."""
    return run_module("explainer.check", *args, env=env)
