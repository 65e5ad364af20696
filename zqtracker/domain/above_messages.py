"""Wording of a summary block above a list's header (合计 | 3个 | 43000.5 | 6700 over the table, or 共15个项目，
总投资123.4亿元 in a line above it: io/plan_above.py) held against the rows read — English and 简体中文;
messages.py merges them in. Amounts as the sheet (or the sentence) writes them, every digit."""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.domain.money_format import SheetAmount
from zqtracker.domain.words import Catalogue

CHECK = (
    "rows left out, read twice, or read as projects that are not — or a total of another list? Check the list "
    "and its total, then import again"
)
CHECK_ZH = "是否有遗漏、重复读取或被误当作项目的行，或该合计属于另一份清单？请核对清单及其合计后重新导入"

_ABOVE_MESSAGES: dict[str, tuple[str, str]] = {
    "above_count_differs": (
        "the total above the table counts {declared} project(s), but {count} project row(s) were read: " + CHECK,
        "表格上方的合计注明 {declared} 个项目，而读取到 {count} 个项目行：" + CHECK_ZH,
    ),
    "above_planned_differs": (
        "the total above the table gives {declared} of planned investment, but the {count} project row(s) read "
        "add up to {counted}: " + CHECK,
        "表格上方的合计计划总投资为 {declared}，而读取的 {count} 个项目行合计为 {counted}：" + CHECK_ZH,
    ),
    "above_ytd_differs": (
        "the total above the table gives {declared} completed in months 1–{month} of {year}, but the {count} "
        "project row(s) read add up to {counted}: " + CHECK,
        "表格上方的合计 {year} 年 1–{month} 月完成投资为 {declared}，而读取的 {count} 个项目行合计为 {counted}："
        + CHECK_ZH,
    ),
    "note_above_agrees": (
        "Sheet “{sheet}”: the total above the table (row {row}) agrees with the {count} project row(s) read: "
        "{figures}.",
        "工作表“{sheet}”：表格上方的合计（第 {row} 行）与读取的 {count} 个项目行一致：{figures}。",
    ),
}
ABOVE_MESSAGES = Catalogue("above_messages", _ABOVE_MESSAGES)


@dataclass(frozen=True, slots=True)
class AgreedFigures:
    """What a total above the table gave and the rows agree with (a note's parameter): the count, the planned
    investment, years to date ((year, month, amount)) — "3 projects; planned investment ¥430.005 mn; …"."""

    count: int | None = None
    planned: SheetAmount | None = None
    ytd: tuple[tuple[int, int, SheetAmount], ...] = ()

    def label(self, lang: str = "en") -> str:
        en = lang == "en"
        parts = [] if self.count is None else [f"{self.count} project(s)" if en else f"{self.count} 个项目"]
        if self.planned is not None:
            amount = self.planned.label(lang)
            parts.append(f"planned investment {amount}" if en else f"计划总投资 {amount}")
        for y, m, a in self.ytd:
            said = a.label(lang)
            parts.append(f"completed in months 1–{m} of {y} {said}" if en else f"{y} 年 1–{m} 月完成投资 {said}")
        return ("; " if en else "；").join(parts)
