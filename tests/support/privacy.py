"""Watching for files written to disk: the patient's data must stay in memory."""

from __future__ import annotations

import builtins
import io
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest


def watch_writes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[list[Any], Path, Path]:
    """Record every open() for writing, and run in an empty working folder and temp folder.
    Returns (writes, working folder, temp folder); after the code under test, all three stay empty."""
    writes: list[Any] = []
    real_open = builtins.open

    def watching_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            writes.append(file)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", watching_open)
    monkeypatch.setattr(io, "open", watching_open)
    work, scratch = tmp_path / "cwd", tmp_path / "tmp"
    work.mkdir()
    scratch.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where any temp file would land
    return writes, work, scratch


def assert_nothing_written(writes: list[Any], *folders: Path) -> None:
    assert writes == []
    assert all(os.listdir(folder) == [] for folder in folders)
