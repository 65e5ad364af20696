"""The export's monthly table of completed investment, this year against last, with its native
chart — from the same month-by-month reckoning as the dashboard and the overview
(:mod:`zqtracker.stats.month_figures`).

A month's row holds the projects' amounts of that month alone; a figure reported for several
months (1–6月合并填报) has a column of its own on its last month's row and is never spread; growth
compares like with like, and the notes column says which projects a row leaves out and why a
growth has no figure. A month some district did not report (stats/gaps.py, the key figures' rule)
holds what was reported, its bar in the chart hatched; its growth leaves that district's month out
of both years, and the note names the district.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zqtracker.domain.money_format import MoneyFormat
from zqtracker.domain.months import calendar_text
from zqtracker.domain.words import Catalogue
from zqtracker.io.summary_gaps import month_note
from zqtracker.stats import span_words
from zqtracker.stats.month_figures import MonthFigures

if TYPE_CHECKING:
    from zqtracker.io.summary_sheets import SummarySheets

TEXT = Catalogue(
    "export_months",
    {
        "monthly": ("Monthly completed investment, {year} against {prior}", "{year}年与{prior}年月度完成投资"),
        "month": ("Month", "月份"),
        "year_col": ("{year} ({unit})", "{year}年（{unit}）"),
        "together_col": ("{year} reported as months together ({unit})", "{year}年多月合并填报（{unit}）"),
        "yoy": ("Year on year", "同比增长"),
        "notes": ("Notes", "说明"),
        "unreported": ("Nothing recorded for this month (later months have records)", "本月无记录（其后月份有记录）"),
        "no_prior": ("No growth: nothing in the same month last year", "无同比：上年同月为零"),
        "sep": ("; ", "；"),
    },
)
text = TEXT.say


def write_monthly(sheets: SummarySheets, ws, r: int, months: MonthFigures, through: int) -> None:
    """The table from row ``r`` (its title), then its chart beside it."""
    lang, st = sheets.lang, sheets.book.styles
    year, prior = months.year, months.year - 1
    unit = sheets.book.layout.money.label
    money = MoneyFormat(sheets.unit, lang, exact=True).text
    ws.write_string(r, 0, text("monthly", lang, year=year, prior=prior), st.title)
    r += 1
    ws.set_row(r, 33)
    header_row = r
    together = bool(months.this.spans or months.prior.spans)
    names = [
        text("month", lang),
        text("year_col", lang, year=year, unit=unit),
        text("year_col", lang, year=prior, unit=unit),
        text("yoy", lang),
    ]
    if together:
        names += [
            text("together_col", lang, year=year, unit=unit),
            text("together_col", lang, year=prior, unit=unit),
            text("notes", lang),
        ]
        ws.set_column(4, 5, 18)
        ws.set_column(6, 6, 60)
    elif any(months.this.lacks(m) for m in range(1, through + 1)) or any(months.prior.lacks(m) for m in range(1, 13)):
        names.append(text("notes", lang))  # which month was not reported, by whom
        ws.set_column(4, 4, 60)
    notes_col = len(names) - 1 if len(names) > 4 else None
    for col, name in enumerate(names):
        ws.write_string(r, col, name, st.header)
    first = r + 1
    for m in range(1, 13):
        r += 1
        ws.write_string(r, 0, calendar_text("month", lang, month=m))
        current = months.this.bar(m) if m <= through else None
        before = months.prior.bar(m) if m <= months.prior.reaches() else None  # blank as this year's (probe32a F4)
        point = months.monthly[m - 1]
        notes: list[str] = []
        if current is not None:
            sheets._money(ws, r, 1, current)
            sheets._pct(ws, r, 3, point.yoy_pct)  # like with like where a district did not report the month
            if point.yoy_pct is None and not point.partial and not point.gaps:
                notes.append(text("no_prior", lang))
            if point.gaps:
                ws.set_row(r, 30)  # two lines of words
                notes.append(month_note(point, lang, sheets.unit))
        elif m <= through and months.this.unreported(m):
            notes.append(text("unreported", lang))
        if before is not None:
            sheets._money(ws, r, 2, before)
        if not together:
            if notes and notes_col is not None:
                ws.write_string(r, notes_col, text("sep", lang).join(notes), st.wrap)
            continue
        for col, ym in ((4, months.this), (5, months.prior)):
            ended = ym.ended(m)
            if ended is not None and (m <= through or ym is months.prior):
                sheets._money(ws, r, col, ended)
                notes += span_words.together(ym.ending(m), lang, money)
            if m <= through or ym is months.prior:
                notes += span_words.inside(ym.inside(m), m, lang, money)
        if current is not None and point.partial:
            notes.append(span_words.partial(point.left_out, year, lang, money))
        if notes and notes_col is not None:
            ws.write_string(r, notes_col, text("sep", lang).join(notes), st.wrap)
    hatched = {
        2: [months.prior.incomplete(m) for m in range(1, 13)],
        1: [m <= through and months.this.incomplete(m) for m in range(1, 13)],
    }
    _chart(sheets, ws, header_row, first, r, year, prior, together, len(names), hatched)


def _chart(sheets: SummarySheets, ws, header_row: int, first: int, last: int, year: int, prior: int,
           together: bool, width: int, hatched: dict[int, list[bool]]) -> None:  # fmt: skip
    lang, name = sheets.lang, ws.get_name()
    chart = sheets.book.wb.add_chart({"type": "column"})
    columns = [(2, "#A5A5A5"), (1, "#1F77B4")]  # last year first, so this year is in front
    if together:  # the spans apart, lighter, beside their years' own amounts
        columns += [(5, "#DBDBDB"), (4, "#A9C8EC")]
    for col, color in columns:
        series = {
            "name": [name, header_row, col],
            "categories": [name, first, 0, last, 0],
            "values": [name, first, col, last, col],
            "fill": {"color": color},
            "gap": 80,
        }
        if any(hatched.get(col, ())):  # a month some district did not report: hatched, outlined
            pattern = {"pattern": "wide_upward_diagonal", "fg_color": color, "bg_color": "#FFFFFF"}
            series["points"] = [{"pattern": pattern, "border": {"color": color}} if h else None for h in hatched[col]]
        chart.add_series(series)
    chart.set_title({"name": text("monthly", lang, year=year, prior=prior), "name_font": {"size": 12}})
    chart.set_y_axis(
        {
            "name": sheets.book.layout.money.label,
            "num_format": "#,##0.0",
            "major_gridlines": {"visible": True},
        }
    )
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": 380})
    ws.insert_chart(header_row, width, chart, {"x_offset": 16, "y_offset": 0})
