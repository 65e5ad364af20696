"""Wording of a quarter's completed investment (二季度, 4-6月 under 完成投资: io/quarters.py,
services/import_spans.py) that the row's year to date, or the months stored, do not agree with —
English and 简体中文; messages.py merges them in. Amounts as the sheet writes them (万元 in a sheet of 万元), every
digit."""

from __future__ import annotations

from dataclasses import dataclass

from zqtracker.domain.money_format import SheetAmount
from zqtracker.domain.words import Catalogue

_QUARTER_MESSAGES: dict[str, tuple[str, str]] = {
    "quarters_ytd_differ": (
        "the row's quarters give {sum} for months 1–{last} of {year} ({before} through the months before and "
        "{value} for months {first}–{last}), but its year to date through month {last} (column {column} "
        "“{header}”) is {ytd}: which is right? Correct the row, then import again",
        "本行各季度合计 {year} 年 1–{last} 月为 {sum}（此前各月 {before}，{first}–{last} 月 {value}），"
        "但本行截至 {last} 月的累计（{column}列“{header}”）为 {ytd}：哪个正确？请更正本行后重新导入",
    ),
    "span_months_differ": (
        "{span}: {value} in the file, but the figures stored for those months "
        "add up to {stored} ({months}): which is right? Correct the file or the stored months, then "
        "import again",
        "{span}：本文件为 {value}，而这几个月已存数合计 {stored}（{months}）："
        "哪个正确？请更正本文件或已存的月份后重新导入",
    ),
    "span_overlaps_stored": (
        "{span}: {value} in the file, but a stored figure covers only some of "
        "those months, or months beside them too ({months}): stored beside it, months would count twice. "
        "Correct the stored figures or the file, then import again",
        "{span}：本文件为 {value}，而已存数只覆盖其中部分月份，或还包括其他月份"
        "（{months}）：一并保存会重复计算月份。请更正已存数或本文件后重新导入",
    ),
}
QUARTER_MESSAGES = Catalogue("quarter_messages", _QUARTER_MESSAGES)

_QUARTER_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "span": ("Completed investment of a quarter", "季度完成投资"),
}
QUARTER_FIELD_LABELS = Catalogue("quarter_field_labels", _QUARTER_FIELD_LABELS)


@dataclass(frozen=True, slots=True)
class StoredMonths:
    """The stored figures over a quarter's months, each as the sheet writes amounts, every digit (a problem's
    parameter): "4: ¥10.00 mn; 5: ¥15.00 mn" / "4 月 1,000万元；5 月 1,500万元"."""

    figures: tuple[tuple[int, int, int], ...]  # (first month, month, yuan)
    factor: int = 1

    def label(self, lang: str = "en") -> str:
        parts = []
        for first, month, yuan in self.figures:
            when = f"{first}–{month}" if first < month else str(month)
            amount = SheetAmount(yuan, self.factor).label(lang)
            parts.append(f"{when}: {amount}" if lang == "en" else f"{when} 月 {amount}")
        return ("; " if lang == "en" else "；").join(parts)


@dataclass(frozen=True, slots=True)
class MonthsOf:
    """Months ``first``..``last`` of ``year`` as a problem names them (a parameter): "months 4–6 of 2025" /
    "2025 年 4–6 月", one month alone "month 6 of 2025" / "2025 年 6 月" (never "months 6–6")."""

    year: int
    first: int
    last: int

    def label(self, lang: str = "en") -> str:
        months = f"{self.first}–{self.last}" if self.first < self.last else str(self.last)
        if lang == "en":
            return f"{'months' if self.first < self.last else 'month'} {months} of {self.year}"
        return f"{self.year} 年 {months} 月"
