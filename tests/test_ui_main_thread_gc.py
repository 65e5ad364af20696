"""Cycles are collected on the GUI thread, never on a worker's (a Qt object freed there crashes)."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtWidgets import QApplication

from zqtracker.ui.main_thread_gc import MainThreadCollector, install


class _Cycle:
    """Garbage only the cyclic collector can free; records the thread that freed it."""

    freed_on: ClassVar[list[int]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.get_ident())


def test_a_worker_allocating_does_not_collect_cycles_the_gui_thread_does(qtbot, qapp: QApplication) -> None:
    threshold = gc.get_threshold()
    was_enabled = gc.isenabled()
    gc.enable()  # as Python starts: automatic collection on
    gc.collect()
    try:
        collector = MainThreadCollector(qapp, interval_ms=50)
        assert not gc.isenabled()
        assert install(qapp) is install(qapp)  # installing again keeps the one installed
        _Cycle.freed_on.clear()
        for _ in range(50):
            _Cycle()
        kept: list = []  # what an import's analysis holds while it works: its count stays high
        worker = threading.Thread(target=lambda: kept.extend([] for _ in range(20 * threshold[0])))
        worker.start()  # far more live allocations than gen-0's threshold: it would collect here
        worker.join()
        assert gc.get_count()[0] > threshold[0]
        assert _Cycle.freed_on == []
        qtbot.waitUntil(lambda: len(_Cycle.freed_on) == 50, timeout=5000)
        assert set(_Cycle.freed_on) == {threading.get_ident()}
    finally:
        collector.timer.stop()
        collector.setParent(None)
        collector.deleteLater()
        gc.set_threshold(*threshold)
        if not was_enabled:
            gc.disable()
