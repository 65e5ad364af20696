"""Wording of two rows of one file that are one project and give it different values (services/
import_contradict.py): both rows are refused, each naming the other and every value that differs with
both rows' figures; and a row's name that stored projects differing only in spaces or bracket widths share
(services/import_exact_name.py) — English and 简体中文; messages.py merges them in. Amounts as the sheet
writes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zqtracker.domain.money_format import SheetAmount
from zqtracker.domain.words import Catalogue

_CONTRADICT_MESSAGES: dict[str, tuple[str, str]] = {
    "rows_differ": (
        "rows {first_row} and {row} are both {field_label} {value!r} but differ — {differences}: the file "
        "contradicts itself and neither row is known right, so neither is imported. Correct or delete one "
        "of the two rows, then import again",
        "第 {first_row} 行与第 {row} 行都是{field_label}“{value}”，但数值不同——{differences}：文件自相矛盾，"
        "无法判断哪一行正确，两行都不导入。请更正或删去其中一行后重新导入",
    ),
    "rows_differ_stored": (
        "rows {first_row} and {row} are both stored project {project} but differ — {differences}: the file "
        "contradicts itself and neither row is known right, so neither is imported. Correct or delete one "
        "of the two rows, then import again",
        "第 {first_row} 行与第 {row} 行都是已存项目 {project}，但数值不同——{differences}：文件自相矛盾，"
        "无法判断哪一行正确，两行都不导入。请更正或删去其中一行后重新导入",
    ),
    "ambiguous_name_forms": (
        "{value!r} is none of the stored projects {names} of its district exactly, and their names differ only "
        "in spaces or bracket widths: which one is it? Write the row's name exactly as the project's, or give "
        "its project code",
        "“{value}”与本区域已存项目 {names} 的名称都不完全相同，而这些项目的名称仅空格或括号全半角不同："
        "是哪一个？请按该项目的名称原样填写，或填写项目编号",
    ),
    "differs_in": (
        "{what}: {first} in row {first_row}, {other} in row {row}",
        "{what}：第 {first_row} 行为 {first}，第 {row} 行为 {other}",
    ),
    "differs_month": ("completed investment of {month}/{year}", "{year} 年 {month} 月完成投资"),
    "differs_ytd": ("year to date through {month}/{year}", "{year} 年 1–{month} 月累计完成投资"),
    "differs_span": ("completed investment of months {first}–{last} of {year}", "{year} 年 {first}–{last} 月完成投资"),
    "differs_plan": ("plan for {year}", "{year} 年计划投资"),
    "differs_blank": ("(blank)", "（空）"),
}
CONTRADICT_MESSAGES = Catalogue("contradict_problems", _CONTRADICT_MESSAGES)


@dataclass(frozen=True, slots=True)
class Differences:
    """What two rows of one project say differently (a problem's parameter), each with both rows' values:
    ``items`` (what, its words' parameters, first row's value, later row's value, the sheet's money factor
    or 0 for a value that is no amount); ``what`` a field name or one of the differs_* codes above."""

    first_row: str
    row: str
    items: tuple[tuple[str, tuple[tuple[str, int], ...], object, object, int], ...]

    def label(self, lang: str = "en") -> str:
        from zqtracker.domain.messages import field_label

        parts = []
        for what, params, first, other, factor in self.items:
            said = CONTRADICT_MESSAGES.get(what)
            name = said.pick(lang).format(**dict(params)) if said is not None else field_label(what, lang)
            values = [_shown(v, factor, lang) for v in (first, other)]
            line = CONTRADICT_MESSAGES["differs_in"].pick(lang)
            parts.append(
                line.format(what=name, first=values[0], other=values[1], first_row=self.first_row, row=self.row)
            )
        return ("; " if lang == "en" else "；").join(parts)


def _shown(value: object, factor: int, lang: str) -> str:
    if value is None:
        return CONTRADICT_MESSAGES["differs_blank"].pick(lang)
    if factor and isinstance(value, int):
        return SheetAmount(value, factor).label(lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    label = getattr(value, "label", None)
    return str(label(lang)) if callable(label) else str(value)
