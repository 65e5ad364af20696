"""The desktop entry point opens a window on a real database (placeholder shell for now)."""

from __future__ import annotations

from zqtracker.services.context import AppContext


def test_main_window_opens_on_demo_data(qtbot, demo_ctx: AppContext, artifacts) -> None:
    from zqtracker.ui.main_window import MainWindow

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    assert "DEMO" in window.windowTitle()
    window.grab().save(str(artifacts / "main_window_placeholder.png"))
