"""Where a page's rerun spends its time: cProfile over warm AppTest reruns of one page.

    .venv/bin/python -m benchmarks.profile_page treatments [--reruns 20] [--sort tottime] [--top 30]

Profiles every thread's work that matters: the script runs in AppTest's script thread, so the
profiler is installed there through threading.setprofile.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import threading
import time
from pathlib import Path

from benchmarks.common import APP
from benchmarks.script_time import open_app
from explainer import sections

ROOT = Path(__file__).resolve().parents[1]


def profile_reruns(page_key: str, reruns: int) -> cProfile.Profile:
    at = open_app(APP, sections.by_key(page_key).path)
    at.run()  # warm
    profiler = cProfile.Profile(time.thread_time)  # CPU time: other load on the machine does not count

    def start_in_thread(frame, event, arg):  # a new thread's first event turns the profiler on there
        sys.setprofile(None)
        profiler.enable()

    threading.setprofile(start_in_thread)
    try:
        for _ in range(reruns):
            at.run()
    finally:
        threading.setprofile(None)
    profiler.disable()
    return profiler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", choices=[s.key for s in sections.SECTIONS])
    parser.add_argument("--reruns", type=int, default=20)
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    stats = pstats.Stats(profile_reruns(args.page, args.reruns))
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
