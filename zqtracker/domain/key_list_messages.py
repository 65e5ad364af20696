"""Wording of the note that a list's title, sheet name or file's name says it lists key projects, so its projects
are marked as key (io/key_lists.py) — English and 简体中文; domain/message_topics.py merges it in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_KEY_LIST_MESSAGES: dict[str, tuple[str, str]] = {
    "note_key_list_title": (
        "Sheet “{sheet}”: the title “{text}” lists key projects: {count} project(s) marked as key. (A key-project "
        "column would say it project by project.)",
        "工作表“{sheet}”：标题“{text}”表明本表为重点项目清单：{count} 个项目记为重点项目。"
        "（如有“是否重点”列，则按该列逐项记录。）",
    ),
    "note_key_list_sheet": (
        "Sheet “{sheet}”: the sheet's name lists key projects: {count} project(s) marked as key. (A key-project column "
        "would say it project by project.)",
        "工作表“{sheet}”：工作表名称表明本表为重点项目清单：{count} 个项目记为重点项目。"
        "（如有“是否重点”列，则按该列逐项记录。）",
    ),
    "note_key_list_file": (
        "Sheet “{sheet}”: the file's name “{text}” lists key projects: {count} project(s) marked as key. "
        "(A key-project column would say it project by project.)",
        "工作表“{sheet}”：文件名“{text}”表明本表为重点项目清单：{count} 个项目记为重点项目。"
        "（如有“是否重点”列，则按该列逐项记录。）",
    ),
}
KEY_LIST_MESSAGES = Catalogue("key_list_notes", _KEY_LIST_MESSAGES, composed=("note_key_list_",))
