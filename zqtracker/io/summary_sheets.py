"""Summary sheets of an export: by status, sector and district, the year-to-date / year-on-year
table, and a native chart of monthly completed investment this year against last year.

Every figure comes from the statistics layer (stats.figures.Summary, built from the cubes) and is
written as a value, never a formula: the workbook shows exactly the numbers zqtracker's
dashboard and reports show, and no cell depends on Excel recalculating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from zqtracker.domain.money import Unit
from zqtracker.domain.months import ytd_span
from zqtracker.domain.unknown import unclassified_label
from zqtracker.domain.words import Catalogue
from zqtracker.io.cells import FORMULA_TRIGGERS, display_width, exact_text, money_in_unit, percent_cell
from zqtracker.io.export_workbook import ExportWorkbook
from zqtracker.io.summary_gaps import gap_note, growth
from zqtracker.io.summary_months import write_monthly
from zqtracker.stats.figures import Breakdown, Summary, Ytd, percent
from zqtracker.stats.month_figures import MonthFigures
from zqtracker.stats.prior import prior_text

_TEXT: dict[str, tuple[str, str]] = {
    "by_status": ("Projects by status", "项目按状态汇总"),
    "by_sector": ("Projects and completed investment by sector", "分行业项目及完成投资情况"),
    "by_district": ("Projects and completed investment by district", "分区域项目及完成投资情况"),
    "completed": ("Completed investment {period}, year on year", "{period}完成投资及同比增长"),
    "all": ("All projects", "全部项目"),
    "filter_sep": ("; ", "；"),
    "filters": ("Filters: {text}", "筛选条件：{text}"),
    "unit": ("Amounts in {unit}", "金额单位：{unit}"),
    "demo": ("[DEMO DATA] Invented figures from the demo database", "【演示数据】以下均为演示数据库中的虚构数据"),
    "status": ("Status", "项目状态"),
    "sector": ("Sector", "所属行业"),
    "chain": ("Industry chain", "产业链"),
    "district": ("District", "所在区域"),
    "projects": ("Projects", "项目数（个）"),
    "planned": ("Planned investment ({unit})", "计划总投资（{unit}）"),
    "share": ("Share of planned investment", "占计划总投资比重"),
    "ytd": ("Completed {period} ({unit})", "{period}完成投资（{unit}）"),
    "prior": ("Same period {prior} ({unit})", "{prior}年同期（{unit}）"),
    "yoy": ("Year on year", "同比增长"),
    "without": ("Projects without an amount", "无金额项目（个）"),
    "item": ("Industry chain", "产业链"),
    "total": ("Total", "合计"),
    "no_figure": ("—", "—"),
    "notes": ("Notes", "说明"),
}
TEXT = Catalogue("export_summaries", _TEXT)


text = TEXT.say


def join_filters(filters: tuple[str, ...] | list[str], lang: str) -> str:
    return TEXT.say("filter_sep", lang).join(filters)


def period_text(year: int, through: int, lang: str) -> str:
    return ytd_span(through, lang, year)


@dataclass(frozen=True, slots=True)
class SummaryData:
    """What the summary sheets show; every figure computed by the statistics layer."""

    summary: Summary
    chains: dict[str, str | None] = field(default_factory=dict)  # sector → its industry chain
    # both years month by month (stats.month_figures): the monthly table and its chart
    months: MonthFigures | None = None
    filters: tuple[str, ...] = ()  # described in the export's language
    is_demo: bool = False


class SummarySheets:
    """Creates its four sheets at construction (tab order), fills them in :meth:`write`."""

    def __init__(self, book: ExportWorkbook) -> None:
        self.book = book
        self.sheets = {role: book.add_sheet(role) for role in ("by_status", "by_sector", "by_district", "completed")}

    # -- cells ---------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.book.layout.lang

    @property
    def unit(self) -> Unit:
        return self.book.layout.unit

    def _label(self, ws, r: int, c: int, value: str, total: bool = False) -> None:
        st = self.book.styles
        if total:
            ws.write_string(r, c, value, st.total_label)
        else:
            ws.write_string(r, c, value, st.quoted if value[:1] in FORMULA_TRIGGERS else None)

    def _money(self, ws, r: int, c: int, yuan: int, total: bool = False) -> None:
        st = self.book.styles
        value = money_in_unit(yuan, self.book.layout.money.factor)
        if value is None:
            ws.write_string(
                r, c, exact_text(yuan, self.book.layout.money.factor), st.total_label if total else st.exact
            )
        else:
            ws.write_number(r, c, value, st.total_money if total else st.money)

    def _prior(self, ws, r: int, c: int, y: Ytd, total: bool = False) -> None:
        """上年同期: where it is not the same months (stats/prior.py), "—" or the amount with its months."""
        if y.prior_through is None:
            return self._money(ws, r, c, y.prior_ytd, total)
        said = prior_text(y, self.lang, lambda v: exact_text(v, self.book.layout.money.factor))
        ws.write_string(r, c, said, self.book.styles.total_label if total else self.book.styles.exact)

    def _planned(self, ws, r: int, c: int, b: Breakdown, total: bool = False) -> bool:
        """A line's planned investment; "—" when none of its projects has an amount (a sum of
        nothing known is not 0). Returns whether a figure was written."""
        if b.projects and b.without_amount == b.projects:
            st = self.book.styles
            ws.write_string(r, c, text("no_figure", self.lang), st.total_no_figure if total else st.no_figure)
            return False
        self._money(ws, r, c, b.planned_investment, total)
        return True

    def _int(self, ws, r: int, c: int, n: int, total: bool = False) -> None:
        st = self.book.styles
        ws.write_number(r, c, n, st.total_int if total else st.int)

    def _pct(self, ws, r: int, c: int, value: float | None, total: bool = False) -> None:
        """A one-decimal percentage from stats (None: no figure, never 0 or infinity)."""
        st = self.book.styles
        if value is None:
            ws.write_string(r, c, text("no_figure", self.lang), st.total_no_figure if total else st.no_figure)
        else:
            ws.write_number(r, c, percent_cell(value), st.total_pct if total else st.pct)

    def _heading(self, ws, title: str, data: SummaryData, columns: list[str], widths: Sequence[float]) -> int:
        """Title, scope and unit lines, then the header row; returns the first data row."""
        st, lang = self.book.styles, self.lang
        ws.write_string(0, 0, title, st.title)
        scope = text("filters", lang, text=join_filters(data.filters, lang)) if data.filters else text("all", lang)
        ws.write_string(1, 0, f"{scope}    {text('unit', lang, unit=self.book.layout.money.label)}", st.subtitle)
        row = 2
        if data.is_demo:
            ws.write_string(2, 0, text("demo", lang), st.demo)
            row = 3
        header_row = row + 1
        ws.set_row(header_row, 33)
        for c, name in enumerate(columns):
            ws.write_string(header_row, c, name, st.header)
            ws.set_column(c, c, widths[c])
        ws.freeze_panes(header_row + 1, 0)
        self.book.print_setup(ws, landscape=False, repeat_header=header_row)
        return header_row + 1

    # -- sheets --------------------------------------------------------------------------------
    def write(self, data: SummaryData) -> None:
        self._by_status(data)
        self._by_place(data, "by_sector")
        self._by_place(data, "by_district")
        self._completed(data)

    def _by_status(self, data: SummaryData) -> None:
        ws, lang, s = self.sheets["by_status"], self.lang, data.summary
        unit = self.book.layout.money.label
        columns = [text("status", lang), text("projects", lang), text("planned", lang, unit=unit), text("share", lang),
                   text("without", lang)]  # fmt: skip
        r = self._heading(ws, text("by_status", lang), data, columns, [20, 14, 22, 18, 18])
        for status, b in s.by_status.items():
            self._label(ws, r, 0, status.label(lang))
            self._int(ws, r, 1, b.projects)
            known = self._planned(ws, r, 2, b)
            self._pct(ws, r, 3, percent(b.planned_investment, s.planned_investment) if known else None)
            self._int(ws, r, 4, b.without_amount)
            r += 1
        self._label(ws, r, 0, text("total", lang), total=True)
        self._int(ws, r, 1, s.projects, total=True)
        known = self._planned(ws, r, 2, Breakdown(s.projects, s.planned_investment, s.projects_without_amount), True)
        self._pct(ws, r, 3, percent(s.planned_investment, s.planned_investment) if known else None, total=True)
        self._int(ws, r, 4, s.projects_without_amount, total=True)

    def _by_place(self, data: SummaryData, role: str) -> None:
        """Projects, planned investment and completed investment YTD with growth, per sector or
        district: the union of both breakdowns (a sector may have records but no projects left
        in the filter, or projects without records), then the line of projects whose sector or
        district is unknown (when it has any), so that the lines add up to the total."""
        ws, lang, s = self.sheets[role], self.lang, data.summary
        c = s.completed
        unit, period = self.book.layout.money.label, period_text(c.year, c.through_month, lang)
        sector = role == "by_sector"
        projects: dict[str, Breakdown] = s.by_sector if sector else s.by_district
        completed: dict[str, Ytd] = c.by_sector if sector else c.by_district
        keys = list(projects) + [k for k in completed if k not in projects]
        unknown_b, unknown_y = (
            (s.unclassified_sector, c.unclassified_sector)
            if sector
            else (s.unclassified_district, c.unclassified_district)
        )
        unknown = unknown_b.projects or unknown_y.ytd or unknown_y.prior_ytd
        label = unclassified_label("sector" if sector else "district", lang)
        columns = [
            text("sector" if sector else "district", lang),
            text("projects", lang),
            text("planned", lang, unit=unit),
            text("ytd", lang, period=period, unit=unit),
            text("prior", lang, prior=c.year - 1, unit=unit),
            text("yoy", lang),
            text("without", lang),
        ]
        widths = [_fit([*keys, label], 14), 12, 20, 22, 20, 14, 18]
        # a line lacking a month not reported (stats/gaps.py): its growth like with like, a note saying so
        lines = [*completed.values(), unknown_y, c.total]
        if any(y.gaps for y in lines):
            columns.append(text("notes", lang))
            widths.append(60)
        if sector:
            columns.insert(0, text("chain", lang))
            chains = [data.chains.get(k) or "" for k in keys]
            widths.insert(0, _fit(chains, 14))
        r = self._heading(ws, text(role, lang), data, columns, widths)
        first = 1 if sector else 0
        for key in keys:
            if sector:
                chain = data.chains.get(key)
                if chain:
                    self._label(ws, r, 0, chain)
            self._place_row(ws, r, first, key, projects.get(key, Breakdown()), completed.get(key, Ytd()))
            r += 1
        if unknown:
            self._place_row(ws, r, first, label, unknown_b, unknown_y)
            r += 1
        if sector:
            ws.write_blank(r, 0, None, self.book.styles.total_label)
        self._label(ws, r, first, text("total", lang), total=True)
        self._int(ws, r, first + 1, s.projects, total=True)
        self._planned(ws, r, first + 2, Breakdown(s.projects, s.planned_investment, s.projects_without_amount), True)
        self._money(ws, r, first + 3, c.total.ytd, total=True)
        self._prior(ws, r, first + 4, c.total, total=True)
        self._pct(ws, r, first + 5, growth(c.total), total=True)
        self._int(ws, r, first + 6, s.projects_without_amount, total=True)
        self._gap_note(ws, r, first + 7, c.total)

    def _place_row(self, ws, r: int, first: int, name: str, b: Breakdown, y: Ytd) -> None:
        self._label(ws, r, first, name)
        self._int(ws, r, first + 1, b.projects)
        self._planned(ws, r, first + 2, b)
        self._money(ws, r, first + 3, y.ytd)
        self._prior(ws, r, first + 4, y)
        self._pct(ws, r, first + 5, growth(y))
        self._int(ws, r, first + 6, b.without_amount)
        self._gap_note(ws, r, first + 7, y)

    def _gap_note(self, ws, r: int, c: int, y: Ytd) -> None:
        """Beside a line lacking a month not reported: which, and its growth like with like."""
        if y.gaps:
            ws.set_row(r, 30)  # two lines of words
            ws.write_string(r, c, gap_note(y, self.lang, self.unit), self.book.styles.wrap)

    def _completed(self, data: SummaryData) -> None:
        """The YTD/YoY table by industry chain with its total, then the monthly table and its chart
        (io/summary_months.py; this year's months after the reporting month are left empty, not zero)."""
        ws, lang, s = self.sheets["completed"], self.lang, data.summary
        c = s.completed
        year, prior, through = c.year, c.year - 1, c.through_month
        unit, period = self.book.layout.money.label, period_text(year, through, lang)
        columns = [
            text("item", lang),
            text("ytd", lang, period=period, unit=unit),
            text("prior", lang, prior=prior, unit=unit),
            text("yoy", lang),
        ]
        # the projects without a sector have a line too, so that the lines add up to the total (probe25d W2)
        lines = list(c.by_chain.items())
        unknown = c.unclassified_chain
        if unknown.ytd or unknown.prior_ytd or s.unclassified_sector.projects:
            lines.append((unclassified_label("sector", lang), unknown))
        widths = [_fit([k for k, _ in lines], 16), 24, 22, 14]
        if any(y.gaps for _, y in lines) or c.total.gaps:  # months not reported: the lines' notes
            columns.append(text("notes", lang))
            widths.append(60)
        r = self._heading(ws, text("completed", lang, period=period), data, columns, widths)
        for chain, y in lines:
            self._label(ws, r, 0, chain)
            self._money(ws, r, 1, y.ytd)
            self._prior(ws, r, 2, y)
            self._pct(ws, r, 3, growth(y))
            self._gap_note(ws, r, 4, y)
            r += 1
        self._label(ws, r, 0, text("total", lang), total=True)
        self._money(ws, r, 1, c.total.ytd, total=True)
        self._prior(ws, r, 2, c.total, total=True)
        self._pct(ws, r, 3, growth(c.total), total=True)
        self._gap_note(ws, r, 4, c.total)

        if data.months is not None:
            write_monthly(self, ws, r + 2, data.months, through)


def _fit(names, least: int, most: int = 40) -> int:
    """A column width that shows the longest name (CJK counted double), within bounds."""
    return max(least, min(most, max((display_width(n) + 2 for n in names), default=0)))
