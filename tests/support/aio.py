"""Run a coroutine to the end from a test, whatever else runs in the worker.

Playwright's sync API keeps an event loop running in the worker's main thread from its first
browser test on, and asyncio.run() refuses to start inside a running loop. A test that may share a
worker with browser tests runs its coroutine on a thread of its own instead."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    result: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(coroutine))
        except BaseException as error:  # handed back to the test's thread below
            failure.append(error)

    thread = threading.Thread(target=target, name="test-asyncio")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result[0]
