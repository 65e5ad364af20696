"""Wording of the note that stored projects keep their status although their rows show a later stage (by
the evidence a new project's status is read from: services/import_status_evidence.py) — English and
简体中文; messages.py merges it in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_STAGE_BEHIND_MESSAGES: dict[str, tuple[str, str]] = {
    "note_stage_behind": (
        "Sheet “{sheet}”: {count} stored project(s) keep their status although their rows show a later stage, "
        "by the same evidence a new project's status is read from: {rows}. The import never changes a stored "
        "status from its row; to update it, change the status in the project's detail or the Projects table's "
        "Status column, or give the file a status column.",
        "工作表“{sheet}”：{count} 个已存项目的状态未改，但其所在行按认定新项目状态的同样依据显示已到更后的阶段："
        "{rows}。导入不会按行内内容更改已存项目的状态；如需更新，请在项目详情或项目表的“状态”列中修改，"
        "或在文件中加一列“项目状态”。",
    ),
}
STAGE_BEHIND_MESSAGES = Catalogue("stage_behind_notes", _STAGE_BEHIND_MESSAGES)

# One project of the note above, and how many more than those named.
STAGE_BEHIND_WORDS = Catalogue(
    "stage_behind",
    {
        "row": (
            "row {row} {name} (stored {stored}; {evidence} shows {shown})",
            "第 {row} 行 {name}（已存“{stored}”，本行的{evidence}显示“{shown}”）",
        ),
        "sep": ("; ", "；"),
        "and": (", ", "、"),
        "more": ("; and {count} more", "；另有 {count} 个"),
    },
)
