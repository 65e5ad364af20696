"""Wording for a row whose code is new while a stored project has its very name in its district (probe30b F3:
ZQ2024001 written 2024-001 from 2026): it is the code that changed, not the name — asked so, and said in a note
once linked (services/import_code_change.py). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue, Ways

_CODE_CHANGE_MESSAGES: dict[str, tuple[str, str] | tuple[str, str, Ways]] = {
    "code_changed": (
        "code {value} is not stored, but stored project {project} has this row's name and district under the code "
        "{stored} — the same project whose code changed (a district's new numbering), or another project of that "
        "name? Counted twice if it is the same. {how}",
        "编号 {value} 未保存，但已有项目 {project} 与本行同名、同区域，编号为 {stored}——是同一项目改了编号（区域"
        "启用新编号），还是另一同名项目？如为同一项目，将被重复计算。{how}",
        Ways(
            app=(
                "Say which in the row's question above the table: “the same as …” if its code changed, “new "
                "project (keep apart)” if it is another project",
                "请在表格上方该行的问题中说明：如是同一项目改了编号，选“即 ……”；如是另一项目，选“新项目（分开）”",
            ),
            cli=(
                "Say which: --link {row}={stored} if its code changed, --link {row}=new if it is another project",
                "请说明：如是同一项目改了编号，用 --link {row}={stored}；如是另一项目，用 --link {row}=new",
            ),
        ),
    ),
    "note_code_changed": (
        "Sheet “{sheet}” row {row}: the code of “{name}” changed from {stored} to {value}, as linked: the project "
        "keeps its figures under the new code.",
        "工作表“{sheet}”第 {row} 行：“{name}”的编号由 {stored} 改为 {value}（按所指定的关联），"
        "项目的数据沿用至新编号。",
    ),
}
CODE_CHANGE_MESSAGES = Catalogue("code_change_messages", _CODE_CHANGE_MESSAGES)
