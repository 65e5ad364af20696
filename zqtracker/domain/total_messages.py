"""Wording of the sheet's own grand total among its rows (合计 | 36000 | 600.5 under the projects: io/plan_below.py)
that the project rows read do not add up to — a question, as a summary block above the header's is
(domain/above_messages.py) — and of a section's 小计 its rows do not add up to (io/subtotals.py), in any money
column stored per project (io/total_columns.py); English and 简体中文; messages.py merges them in. Amounts as
the sheet writes them."""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.domain.above_messages import CHECK, CHECK_ZH
from zqtracker.domain.words import Catalogue

_TOTAL_MESSAGES: dict[str, tuple[str, str]] = {
    "total_planned_differs": (
        "the total row gives {declared} of planned investment, but the {count} project row(s) read add up to "
        "{counted}: " + CHECK,
        "合计行的计划总投资为 {declared}，而读取的 {count} 个项目行合计为 {counted}：" + CHECK_ZH,
    ),
    "total_ytd_differs": (
        "the total row gives {declared} completed in months 1–{month} of {year}, but the {count} project row(s) "
        "read add up to {counted}: " + CHECK,
        "合计行 {year} 年 1–{month} 月完成投资为 {declared}，而读取的 {count} 个项目行合计为 {counted}：" + CHECK_ZH,
    ),
    "total_figure_differs": (
        "the total row gives {declared} as {what}, but the {count} project row(s) read add up to {counted}: " + CHECK,
        "合计行的{what}为 {declared}，而读取的 {count} 个项目行合计为 {counted}：" + CHECK_ZH,
    ),
    "above_figure_differs": (
        "the total above the table gives {declared} as {what}, but the {count} project row(s) read add up to "
        "{counted}: " + CHECK,
        "表格上方的合计{what}为 {declared}，而读取的 {count} 个项目行合计为 {counted}：" + CHECK_ZH,
    ),
    "subtotal_differs": (
        "the subtotal gives {declared} as {what}, but the {count} project row(s) of its section (rows {rows}) add "
        "up to {counted}: a row left out, read twice or mistyped — or a subtotal of other rows? Check the section "
        "and its subtotal, then import again",
        "小计行的{what}为 {declared}，而其所属部分的 {count} 个项目行（第 {rows} 行）合计为 {counted}："
        "是否有遗漏、重复读取或录错的行，或该小计属于其他行？请核对该部分及其小计后重新导入",
    ),
}
TOTAL_MESSAGES = Catalogue("total_messages", _TOTAL_MESSAGES)


@dataclass(frozen=True, slots=True)
class TotalFigure:
    """Which figure of a total a message speaks of (a parameter, worded in the message's language): ``kind``
    planned, ytd (months 1–``month`` of ``year``), plan (the plan for ``year``), since (since the start) or
    month (``month`` of ``year`` alone), output or tax (the expected annual output or tax)."""

    kind: str
    year: int | None = None
    month: int | None = None

    def label(self, lang: str = "en") -> str:
        y, m = self.year, self.month
        en = {
            "planned": "planned investment",
            "ytd": f"completed in months 1–{m} of {y}",
            "plan": f"the plan for {y}",
            "since": "completed since the start" + (f" (through {m}/{y})" if y else ""),
            "month": f"completed in month {m} of {y}",
            "output": "the expected annual output",
            "tax": "the expected annual tax",
        }
        zh = {
            "planned": "计划总投资",
            "ytd": f"{y} 年 1–{m} 月完成投资",
            "plan": f"{y} 年计划投资",
            "since": "自开工累计完成投资" + (f"（截至 {y} 年 {m} 月）" if y else ""),
            "month": f"{y} 年 {m} 月完成投资",
            "output": "预计年产值",
            "tax": "预计年税收",
        }
        return (en if lang == "en" else zh)[self.kind]
