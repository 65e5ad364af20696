"""kill -9 at random moments of every long write, on a small database (the full run, ≥ 20 kills per
operation on 5,000 projects, is benchmarks/kill_harness.py; its results are in benchmarks/RESULTS.md)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from kill_harness import Harness  # noqa: E402


def test_every_long_write_is_all_or_nothing_under_kill_9(tmp_path: Path) -> None:
    harness = Harness(tmp_path, projects=400, seed=16)
    harness.prepare()
    lines: list[str] = []
    results = [harness.run_one(name, kills=2, log=lines.append) for name in harness.operations()]
    for r in results:
        assert r.kills == 2 and r.before + r.after == 2, (r.operation, r.failures, lines)
        assert r.failures == [], (r.operation, r.failures, lines)
        assert r.leftovers_after_next_start == 0
