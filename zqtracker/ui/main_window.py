"""The main window (placeholder shell until the desktop issue lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from zqtracker.domain.money import format_money
from zqtracker.services.context import AppContext


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        demo = ctx.statistics.is_demo()
        self.setWindowTitle(f"zqtracker — {ctx.database.display_name}" + (" [DEMO DATA]" if demo else ""))
        tabs = QTabWidget(self)
        summary = ctx.statistics.summary()
        tabs.addTab(
            QLabel(f"{summary.projects} projects, planned {format_money(summary.planned_investment, with_unit=True)}"),
            self.tr("Projects"),
        )
        tabs.addTab(QLabel(self.tr("Dashboard")), self.tr("Dashboard"))
        tabs.addTab(QLabel(self.tr("Summaries")), self.tr("Summaries"))
        self.setCentralWidget(tabs)
        self.resize(1200, 760)
