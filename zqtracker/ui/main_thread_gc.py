"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a generation's count crosses its
threshold. When that is a worker thread (an import analysing 100k rows allocates a great deal) and
the garbage holds a Qt object that Python owns — a closed dialog caught in a reference cycle — Qt
destroys the object off its thread and the process crashes (a segfault, found by fuzzing the import
dialog). So automatic collection is switched off, and a timer on the GUI thread collects instead,
generation by generation, whenever a generation's count has crossed the threshold Python would have
used. Reference counting still frees everything that is not in a cycle at once; only cycles wait,
for at most one timer period. (Anki does the same, for the same reason: aqt's GC class.)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadCollector(QObject):
    """Installed once, as a child of the application: ``MainThreadCollector(app)``."""

    def __init__(self, parent: QObject, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> int:
        return collect_due(self.threshold)


def collect_due(threshold: tuple[int, int, int]) -> int:
    """Collect the generations whose counts crossed ``threshold`` (what automatic collection
    would have done by now); returns the objects found."""
    found = 0
    t0, t1, t2 = threshold
    count0, count1, count2 = gc.get_count()
    if count0 > t0:
        found += gc.collect(0)
        if count1 >= t1:
            found += gc.collect(1)
            if count2 >= t2:
                found += gc.collect(2)
    return found


def install(app: QObject) -> MainThreadCollector:
    existing = app.findChild(MainThreadCollector)
    return existing if existing is not None else MainThreadCollector(app)
