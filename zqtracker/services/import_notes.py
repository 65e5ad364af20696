"""What an import noticed and did about it, said in sentences (coded, worded by domain.messages).

A CSV file with a workbook's name, a remembered mapping, hidden or unknown columns, statuses
taken from the sheet name, a district from the 填报单位 line, section rows, totals and notes
skipped, new projects without a status: the CLI prints these, the dialog shows them.
"""

from __future__ import annotations

from zqtracker.domain.errors import Problem
from zqtracker.domain.money import Unit
from zqtracker.domain.status import Status
from zqtracker.services.import_model import ImportAnalysis

_WHY = {
    "hidden": ("hidden sheet", "隐藏的工作表"),
    "not_recognized": ("no known column headers", "无可识别的表头"),
    "unreadable": ("could not be read", "无法读取"),
    "not_chosen": ("not chosen", "未选择"),
    "summary": ("a summary or help sheet zqtracker wrote", "zqtracker 导出的汇总或说明工作表"),
}
_IGNORED = {"investment_kind": ("investment type", "投资类型"), "construction_period": ("construction period", "建设年限"),
            "content": ("description", "建设内容"), "cumulative": ("cumulative amounts", "累计数"),
            "progress_text": ("progress text", "形象进度"), "contact": ("contact", "联系方式"),
            "duplicate": ("another column holds the same field", "与其他列重复"), "off": ("turned off", "已关闭")}  # fmt: skip


def notes_of(analysis: ImportAnalysis, lang: str, unit: Unit | None) -> list[Problem]:
    """What the import noticed and did about it, in sentences: nothing is assumed silently."""
    zh = 1 if lang.startswith("zh") else 0
    file = analysis.book.path.name
    notes: list[Problem] = []
    if analysis.book.renamed_csv:
        notes.append(Problem("note_renamed_csv", None, {"file": file}))
    for sa in analysis.sheets:
        if not sa.selected or sa.plan is None:
            if sa.reason:
                notes.append(Problem("note_sheet_skipped", None, {"sheet": sa.name, "why": _WHY[sa.reason][zh]}))
            continue
        plan, layout = sa.plan, sa.layout
        if sa.remembered:
            notes.append(Problem("note_remembered", None, {"sheet": sa.name}))
        for c in layout.columns:
            params = {"sheet": sa.name, "column": c.letter, "header": c.header}
            if c.note.startswith("hidden"):
                notes.append(Problem("note_hidden_column", None, params))
            elif c.field and c.field.startswith("ignore:"):
                what = c.field.split(":", 1)[1]
                notes.append(
                    Problem("note_ignored_column", None, {**params, "what": _IGNORED.get(what, (what, what))[zh]})
                )
            elif c.note.startswith(("duplicate", "off")):
                what = c.note.split(":", 1)[0]
                notes.append(Problem("note_ignored_column", None, {**params, "what": _IGNORED[what][zh]}))
            elif c.note == "unknown":
                notes.append(Problem("note_unknown_column", None, params))
        if layout.status_hint and "status" not in layout.fields():
            notes.append(Problem("note_status_from_sheet", None,
                                 {"sheet": sa.name, "status": Status(layout.status_hint).label(lang)}))  # fmt: skip
        if plan.default_district:
            notes.append(Problem("note_district_from_reporter", None, {"sheet": sa.name,
                                                                       "district": plan.default_district}))  # fmt: skip
        if plan.sections:
            shown = "、".join(dict.fromkeys(plan.sections))
            notes.append(Problem("note_sections", None, {"sheet": sa.name, "count": len(plan.sections),
                                                         "names": shown[:80]}))  # fmt: skip
        if plan.totals:
            notes.append(Problem("note_totals", None, {"sheet": sa.name, "count": plan.totals}))
        if plan.notes_from:
            notes.append(Problem("note_notes_from", None, {"sheet": sa.name, "row": plan.notes_from}))
        if unit is not None and any(c.is_money and c.unit is None and layout.unit_line is None
                                            for c in layout.mapped()):  # fmt: skip
            notes.append(Problem("note_unit_from_user", None, {"sheet": sa.name, "unit": unit.label(lang)}))
    if analysis.default_status:
        notes.append(Problem("note_default_status", None, {"count": analysis.default_status}))
    return notes
