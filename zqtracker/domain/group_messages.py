"""Wording for the rows a group row leaves without a district where the other group rows name theirs
(io/group_places.py). English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_GROUP_MESSAGES: dict[str, tuple[str, str]] = {
    "note_group_no_district": (
        "Sheet “{sheet}”: rows {rows} are under group rows ({names}) that name neither a district nor a sector, "
        "while the other group rows name districts ({districts}): they were imported without a district. Write "
        "the district in the group row or in a district column, or set it for those projects.",
        "工作表“{sheet}”：第 {rows} 行所在的分组行（{names}）既不是区域也不是行业，而其他分组行均为区域"
        "（{districts}）：这些项目导入后没有所属区域。请在分组行写明区域（如“四会市（2个）”）或填写区域列，"
        "或为这些项目补填区域。",
    ),
}

GROUP_MESSAGES = Catalogue("group_messages", _GROUP_MESSAGES)
