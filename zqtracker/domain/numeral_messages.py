"""Wording of rows numbered 一、二 or （一）（二） that the import cannot tell for sections or projects, and of a
合计 over rows all read as sections (io/numeral_rows.py, io/empty_total.py) — English and 简体中文; messages.py
merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_NUMERAL_MESSAGES: dict[str, tuple[str, str]] = {
    "numeral_row_unclear": (
        "the row numbered {value} ({name}) has no rows numbered under it, while rows numbered like it ({sections}) "
        "are section rows over rows of their own: is it a project, or a section whose rows are missing? Number the "
        "projects under each section 1, 2, 3, or give every section row its count of projects after its name",
        "序号为 {value} 的行（{name}）下无编号行，而同级编号的行（{sections}）是其下另有项目的分类行：该行是项目，"
        "还是缺少项目的分类行？请将各分类下的项目编为 1、2、3，或在各分类行名称后写明项目个数",
    ),
    "total_without_projects": (
        "the total row gives {declared}, but no project row was read: the rows above it were all taken as "
        "section rows ({names}). If they are projects, give their 序号 as 1, 2, 3; if they are sections, list "
        "their projects under them",
        "合计行为 {declared}，但未读到任何项目行：其上各行均被视为分类行（{names}）。如为项目，请将序号改为 1、2、3；"
        "如为分类行，请在其下列出项目",
    ),
}
NUMERAL_MESSAGES = Catalogue("numeral_messages", _NUMERAL_MESSAGES)
