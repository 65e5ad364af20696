"""The note on stored projects a district's list leaves out (services/import_left.py)."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_ABSENT_MESSAGES = {
    "note_absent": (
        "{count} stored project(s) of {districts} still under way are not in this file: {projects}. They were "
        "left as they are — an import never removes a project. If the district dropped them from its list, "
        "change their status (on hold, cancelled, in production) or delete them in the Projects table.",
        "{districts}有 {count} 个在库且仍在推进的项目不在本文件中：{projects}。已保持原样——导入从不删除项目。"
        "如区县已将其移出名单，请在项目表中修改其状态（停缓建、取消、投产）或删除。",
    ),
}

ABSENT_MESSAGES = Catalogue("absent_notes", _ABSENT_MESSAGES)
