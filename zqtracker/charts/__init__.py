"""Charts of the dashboard, the `chart` command and the reports (pyqtgraph, imported lazily).

- series.py: what each chart shows, as plain data (no Qt) — the figures tests check;
- plot.py, plot_time.py, plot_bars.py: drawing that data as pyqtgraph items (``chart_item``), built
  once and updated in place;
- render.py: PNG and SVG bytes of any chart (``render_chart``), offscreen when needed;
- labels.py, theme.py, fonts.py, svg.py: words, colours, a CJK font, portable SVG.

Importing this package imports neither Qt nor pyqtgraph (0.35 s): the desktop app starts
without them and loads them when the dashboard is first shown.
"""

from __future__ import annotations

CHART_NAMES: tuple[str, ...] = ("monthly", "yoy", "sectors", "districts", "pipeline", "signed")
