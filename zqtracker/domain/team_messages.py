"""Wording for work a colleague's work refused (probe34c): a write refused over their change names the
project by its code and name, as the user knows it, never by its row id; an undo says it is refused so
as not to lose their change; a second collect of one round return says that it was just collected; and
a district account's import of another district's rows says which rows, which districts, and the
account's own (or that rows name none, and how to give it); its undo refused by the server, what it may not
change and who may. English and 简体中文; messages.py merges them in."""

from __future__ import annotations

from zqtracker.domain.words import Catalogue

_TEAM_MESSAGES: dict[str, tuple[str, str]] = {
    "team_project": ("project {code} “{name}”", "项目{code}“{name}”"),
    "team_project_nameless": ("project {code}", "项目{code}"),
    "team_a_project": ("a project", "某个项目"),
    "team_someone": ("Someone else", "他人"),
    "team_user": ("“{user}”", "“{user}”"),
    "team_changed_meanwhile": (
        "{who} changed or deleted {what} since it was read here; nothing was overwritten — run it again to "
        "work on the latest data.",
        "{who}在读取之后修改或删除了{what}；未覆盖任何内容——请重新运行，以最新数据为准。",
    ),
    "team_undo_refused": (
        "{who} changed {what} after it was written here, so the undo is refused: undoing would lose that "
        "change. Nothing was changed — look at the project's history, and edit it by hand if its earlier "
        "values should still come back.",
        "{who}在此之后修改了{what}，因此撤销被拒绝：撤销会丢失其修改。未作任何更改——请查看该项目的修改记录，"
        "如仍需恢复原值，请手工修改。",
    ),
    "team_redo_refused": (
        "{who} changed {what} after the undo, so the redo is refused: redoing would overwrite that change. "
        "Nothing was changed — look at the project's history, and edit it by hand if the undone values "
        "should still go in.",
        "{who}在撤销之后修改了{what}，因此重做被拒绝：重做会覆盖其修改。未作任何更改——请查看该项目的修改记录，"
        "如仍需写入撤销前的值，请手工修改。",
    ),
    "team_collected_meanwhile": (
        "This return ({file}) was just collected by {who}; nothing was written a second time — "
        "its figures are in the database once.",
        "此回表（{file}）刚刚已由{who}收录；未重复写入——其数据在数据库中只有一份。",
    ),
    # A district account's import of rows of other districts (DistrictRefused), told before any write.
    "team_district_scope": (
        "The server refused this: the account “{user}” may change {own}'s projects only, and {count} row(s) "
        "of {file} are of {others} (sheet “{sheet}”, rows {rows}); nothing was written.",
        "数据库服务器拒绝了此操作：账户“{user}”只能修改{own}的项目，而{file}中有{count}行属于{others}"
        "（工作表“{sheet}”第{rows}行）；未写入任何内容。",
    ),
    # … and of rows naming no district, which the server would refuse too (no district is its own).
    "team_district_none": (
        "The account “{user}” may change {own}'s projects only, and {count} row(s) of {file} name no district "
        "(sheet “{sheet}”, rows {rows}); nothing was written. Give their district: --district {one} on the "
        "command line, “Rows without a district” in the import window, or a district column in the file.",
        "账户“{user}”只能修改{own}的项目，而{file}中有{count}行未填区域（工作表“{sheet}”第{rows}行）；未写入任何内容。"
        "请指定这些行的区域：命令行用 --district {one}，导入窗口用“未填区域的行”，或在文件中填写“所在区域”列。",
    ),
    # A district account's undo of its own import that the server refuses (DistrictRefused,
    # services/import_undo_scope.py): it may add sectors and enterprises, not delete them; a replace's
    # undo puts back whole tables.
    "team_district_undo_refs": (
        "The server refused this undo: the account “{user}” may change {own}'s projects only, and undoing this "
        "import would also delete {refs} it added, which only an analyst account or the database's owner may "
        "delete; nothing was changed — ask one of them to take the import back.",
        "数据库服务器拒绝了此次撤销：账户“{user}”只能修改{own}的项目，而撤销本次导入还会删除它新建的{refs}，"
        "只有分析员账户或数据库所有者才能删除；未作任何更改——请联系其中一位撤回本次导入。",
    ),
    "team_district_undo_replace": (
        "The server refused this undo: the account “{user}” may change {own}'s projects only, and undoing a "
        "replace import puts back every table as it was — sectors, districts and enterprises too, which only an "
        "analyst account or the database's owner may change; nothing was changed — ask one of them to take the "
        "import back.",
        "数据库服务器拒绝了此次撤销：账户“{user}”只能修改{own}的项目，而撤销替换导入会把所有数据表恢复原样——"
        "包括行业、区域和企业，只有分析员账户或数据库所有者才能修改；未作任何更改——请联系其中一位撤回本次导入。",
    ),
    "team_district_undo": (
        "The server refused this undo: the account “{user}” may change {own}'s projects only, and undoing this "
        "import would change rows outside them, which only an analyst account or the database's owner may "
        "change; nothing was changed — ask one of them to take the import back.",
        "数据库服务器拒绝了此次撤销：账户“{user}”只能修改{own}的项目，而撤销本次导入会修改其范围以外的数据，"
        "只有分析员账户或数据库所有者才能修改；未作任何更改——请联系其中一位撤回本次导入。",
    ),
    "team_sep": (", ", "、"),
}
TEAM_MESSAGES = Catalogue("team_messages", _TEAM_MESSAGES)
