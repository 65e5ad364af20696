"""The background-operation helper: results, failures and cancellation reach the GUI thread."""

from __future__ import annotations

import sys
import threading
import time

from PySide6.QtCore import QObject

from zqtracker.services.progress import Cancelled, Progress
from zqtracker.ui.operations import Operation


def test_success_runs_off_the_gui_thread(qtbot) -> None:
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["thread"] = threading.get_ident()
        for i in range(5):
            progress.report(i, 5, f"step {i}")
        return 42

    op = Operation(None, work, title="t").success(lambda r: seen.setdefault("result", r)).run_in_background()
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert seen["result"] == 42 and op.result == 42
    assert seen["thread"] != gui_thread


def test_failure_is_handed_over_not_raised(qtbot) -> None:
    errors: list[BaseException] = []

    def work(progress: Progress) -> None:
        raise ValueError("bad row 7")

    op = Operation(None, work, show_progress=False).failure(errors.append).run_in_background()
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert [str(e) for e in errors] == ["bad row 7"]


def test_cancel_stops_the_work_at_its_next_report(qtbot) -> None:
    started = threading.Event()
    reached: list[int] = []

    def work(progress: Progress) -> None:
        for i in range(1000):
            started.set()
            progress.report(i, 1000)
            reached.append(i)
            time.sleep(0.005)

    cancelled: list[bool] = []
    op = Operation(None, work, title="long").cancelled(lambda: cancelled.append(True)).run_in_background()
    assert started.wait(5)
    op.cancel()
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert cancelled == [True] and op.was_cancelled
    assert len(reached) < 1000


def test_progress_raises_cancelled_after_cancel() -> None:
    p = Progress()
    p.report(1, 2)
    p.cancel()
    try:
        p.report(2, 2)
    except Cancelled:
        pass
    else:
        raise AssertionError("report after cancel must raise Cancelled")


def test_the_end_arriving_while_a_progress_update_runs_is_handled(qtbot) -> None:
    # Found by fuzzing the import dialog: a shown modal QProgressDialog's setValue processes
    # events, so the work's result can be delivered (and the dialog closed) in the middle of a
    # progress update — which then must not touch the closed dialog.
    from PySide6.QtWidgets import QWidget

    errors: list[str] = []
    old, sys.excepthook = sys.excepthook, lambda _type, value, _tb: errors.append(repr(value))
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def work(progress: Progress) -> int:
        for i in range(1, 4):
            progress.report(i, 4, f"step {i}")
        return 7

    try:
        for _ in range(5):
            op = Operation(parent, work, title="t", minimum_duration_ms=0).run_in_background()
            qtbot.waitUntil(lambda op=op: op.done, timeout=5000)
            assert op.result == 7
    finally:
        sys.excepthook = old
    assert errors == []


def test_a_dialog_with_nothing_to_cancel_stays_until_its_work_ends(qtbot) -> None:
    """Escape or the close button would hide it and leave the window usable while the work (an
    import's undo) still writes."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    release = threading.Event()
    op = Operation(window, lambda progress: release.wait(10), title="Undoing", cancellable=False, minimum_duration_ms=0)
    op.run_in_background()
    dialog = op._dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible() and not op.progress.cancelled
    release.set()
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert op.result is True and not op.was_cancelled


def test_the_dialog_shows_after_its_minimum_duration_though_the_work_reports_nothing(qtbot) -> None:
    """Work that reports nothing at first (queued behind other work, a restore, a file opening): Qt kept
    the 4 s it starts a progress dialog's show timer with, whatever minimum duration was set."""
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    release = threading.Event()
    op = Operation(window, lambda progress: release.wait(10), title="Restoring", minimum_duration_ms=300)
    started = time.monotonic()
    op.run_in_background()
    try:
        dialog = op._dialog
        assert dialog is not None and not dialog.isVisible()  # not at once: a quick task shows none
        qtbot.waitUntil(dialog.isVisible, timeout=3000)  # 4 s before
        assert time.monotonic() - started >= 0.25  # (Qt's timers may fire up to 5% early)
    finally:
        release.set()
    qtbot.waitUntil(lambda: op.done, timeout=5000)


def test_an_operation_deleted_while_its_work_reports_is_left_alone(qtbot) -> None:
    """A preview superseded by the next one is deleted (deleteLater) while its work still reports and
    ends: the worker's signals went to a QObject being destroyed in the GUI thread and the process
    crashed (CI, 2026-12-06). After the operation is destroyed the work's reports and its end emit nothing.
    (The race itself is rare; this shows what an operation deleted mid-work does.)"""
    started, release, ended = threading.Event(), threading.Event(), threading.Event()
    seen: list[object] = []

    def work(progress: Progress) -> int:
        started.set()
        release.wait(5)
        for i in range(2000):  # reports racing the deletion, then the end
            progress.report(i, 2000, "step")
        ended.set()
        return 7

    holder = QObject()
    op = Operation(holder, work, show_progress=False).success(seen.append).run_in_background()
    assert started.wait(5)
    gone = threading.Event()
    op.destroyed.connect(lambda *_: gone.set())
    release.set()
    holder.deleteLater()
    qtbot.waitUntil(gone.is_set, timeout=5000)
    assert ended.wait(5)
    qtbot.wait(100)  # anything queued would arrive now
    assert seen == []
