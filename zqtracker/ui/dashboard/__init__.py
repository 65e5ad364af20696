"""The Dashboard tab (``DashboardWidget``); its charts load pyqtgraph only when first shown."""

from __future__ import annotations

from zqtracker.ui.dashboard.widget import DashboardWidget

__all__ = ["DashboardWidget"]
